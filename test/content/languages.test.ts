import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { flatPairText } from '../../src/validate/pair-text.js';
import { validateProject } from '../../src/project.js';
import type { TextFields } from '../../src/model/types.js';
import { REPO } from '../support/site.js';

// Every language's content: complete, current, really translated, and with the English's inline
// code (commands, replies, parameters) carried over exactly, neither lost nor translated.

const LANGUAGES = ['vi', 'es', 'fr', 'de', 'pt-BR', 'ja', 'zh-CN', 'ru', 'ar'];
/** Fields that must differ from the English; a title may stay English (a command name, say). */
const MUST_DIFFER = new Set(['description', 'when', 'fix', 'verdict', 'deciding']);

const project = await validateProject({ root: REPO, baseUrl: 'https://example.invalid/' });
const site = project.site!;
const smtp = site.families.find((f) => f.id === 'smtp')!;

/** The inline code spans of a Markdown text, fenced blocks left out, sorted. */
function codeSpans(markdown: string): string[] {
  return [...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]!.trim()).sort();
}

/** English and translated fields side by side: `smtp/553#fix` → [English, translation]. */
function fieldsOf(tag: string): Array<[string, string, string | undefined]> {
  const rows: Array<[string, string, string | undefined]> = [];
  const add = (id: string, english: Record<string, string | undefined>, translated: Record<string, string | undefined> | undefined) => {
    for (const [field, text] of Object.entries(english)) if (text !== undefined) rows.push([`${id}#${field}`, text, translated?.[field]]);
  };
  add('smtp/_family', smtp.text as Record<string, string>, site.translations[tag]?.smtp?._family?.text as TextFields | undefined);
  for (const code of smtp.codes) add(`smtp/${code.code}`, code.text, site.translations[tag]?.smtp?.[code.code]?.text);
  for (const pair of smtp.pairs) {
    const translation = site.pairTranslations[tag]?.smtp?.[`${pair.a}-vs-${pair.b}`];
    add(`smtp/pairs/${pair.a}-vs-${pair.b}`, flatPairText(pair.text), translation && flatPairText(translation.text));
  }
  return rows;
}

const problemsOf = (diagnostics: readonly Diagnostic[], tag: string) =>
  diagnostics.filter((d) => d.file === `locales/${tag}.json` || d.file.startsWith(`locales/${tag}/`)).map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`);

describe.each(LANGUAGES)('the %s translation', (tag) => {
  const rows = fieldsOf(tag);

  it('translates every English field of the SMTP family, its codes and its pair files', () => {
    expect(rows.filter(([, , translated]) => translated === undefined).map(([id]) => id)).toEqual([]);
  });

  it('is current: no stale source_hash, and no diagnostic in its files', () => {
    const report = project.contentReports.find((r) => r.tag === tag)!;
    expect(report.stale).toEqual([]);
    expect(problemsOf(project.diagnostics, tag)).toEqual([]);
  });

  it('leaves no prose field identical to the English', () => {
    const same = rows.filter(([id, english, translated]) => MUST_DIFFER.has(id.split('#')[1]!.split('.')[0]!) && translated?.replace(/\s+/g, ' ').trim() === english.replace(/\s+/g, ' ').trim());
    expect(same.map(([id]) => id)).toEqual([]);
  });

  it('keeps every inline code span of the English, unchanged', () => {
    const changed = rows.filter(([, english, translated]) => translated !== undefined && codeSpans(english).join('\n') !== codeSpans(translated).join('\n'));
    expect(changed.map(([id, english, translated]) => `${id}: ${JSON.stringify(codeSpans(english))} → ${JSON.stringify(codeSpans(translated!))}`)).toEqual([]);
  });

  it('translates every label, with every placeholder in place', () => {
    const labels = project.labelReports.find((r) => r.tag === tag)!;
    expect(labels.missing).toEqual([]);
    expect(project.checkOnly.filter((d) => d.file === `locales/${tag}.json` && d.rule !== 'identical-to-english').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });
});

describe('codeSpans', () => {
  it.each<[string, string[]]>([
    ['Send `MAIL FROM` then `RCPT TO`.', ['MAIL FROM', 'RCPT TO']],
    ['A ``literal ` tick`` here', ['literal ` tick']],
    ['```\nS: 250 `x`\n```\nthen `QUIT`', ['QUIT']],
    ['no code', []],
  ])('finds the spans of %j', (markdown, spans) => {
    expect(codeSpans(markdown)).toEqual([...spans].sort());
  });
});
