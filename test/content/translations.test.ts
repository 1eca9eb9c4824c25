import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/load/project.js';
import { sourceHash } from '../../src/model/hash.js';
import { TRANSLATABLE_FIELDS, type ContentTranslation, type TextFields } from '../../src/model/types.js';
import { validateFamilies } from '../../src/validate/codes.js';
import { FAMILY_KEY, validateTranslations } from '../../src/validate/translations.js';
import { REPO } from '../support/site.js';

// The Vietnamese translation of the SMTP pages: complete, up to date with the English, really
// translated; and no text, English or Vietnamese, repeats the seed page's defects.

const REQUIRED = ['title', 'description', 'when', 'fix'] as const;
/** Fields that must differ from the English. A title may stay English (a command name, say). */
const MUST_DIFFER = ['description', 'when', 'fix'] as const;

/** What is wrong with one translation of `english` (whose hash is `hash`); none: []. */
function translationProblems(english: TextFields, hash: string, translation: ContentTranslation | undefined): string[] {
  if (!translation) return ['no translation'];
  const problems: string[] = [];
  if (translation.sourceHash !== hash || translation.stale) problems.push(`stale: source_hash ${translation.sourceHash || '(none)'}, English ${hash}`);
  for (const field of REQUIRED) if (!translation.text[field]?.trim()) problems.push(`${field} is not translated`);
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  for (const field of MUST_DIFFER) if (same(translation.text[field], english[field])) problems.push(`${field} is the English text`);
  return problems;
}

/**
 * A word written twice in a row, as in the seed's "553 when when the sender". The brief's
 * /\b(\p{L}+)\s+\1\b/iu cannot be used as is: `\b` stays ASCII-only even with the u flag, so it
 * misses Vietnamese words that end in a letter such as "ó" ("có có") and can match inside words.
 * Letter-or-digit lookarounds give the same rule with Unicode word edges.
 */
const DOUBLED = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;
/** Legitimate repeats, each where it occurs (`file#field`) and why it is not a slip. */
const ALLOWED_REPEATS: ReadonlyArray<{ where: string; phrase: string; reason: string }> = [
  { where: 'locales/vi/smtp/421.md#fix', phrase: 'song song', reason: 'one reduplicated Vietnamese word, "parallel" (the English says "parallel connections")' },
  { where: 'locales/vi/smtp/551.md#fix_admin', phrase: 'chung chung', reason: 'one reduplicated Vietnamese word, "generic" (the English says "a generic text")' },
];

function textProblems(where: string, text: TextFields): string[] {
  return Object.entries(text).flatMap(([field, value]) => {
    if (value === undefined) return [];
    const allowed = ALLOWED_REPEATS.filter((a) => a.where === `${where}#${field}`).map((a) => a.phrase);
    const doubled = [...value.matchAll(DOUBLED)].map((m) => m[0]).filter((m) => !allowed.includes(m.replace(/\s+/g, ' ')));
    return [
      ...doubled.map((m) => `${where}#${field}: doubled word "${m.replace(/\s+/g, ' ')}"`),
      ...(value.includes('[email') ? [`${where}#${field}: scraped "[email" placeholder`] : []),
    ];
  });
}

const diagnostics: Diagnostic[] = [];
const raw = await loadProject(REPO, { languages: ['vi'], families: ['smtp'] });
const smtp = validateFamilies(raw.families, diagnostics).find((f) => f.id === 'smtp');
const vi = validateTranslations(raw.translations, smtp ? [smtp] : [], diagnostics).codes.vi?.smtp ?? {};
const viFiles = readdirSync(path.join(REPO, 'locales/vi/smtp')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
const english = new Map<string, { text: TextFields; hash: string }>([
  [FAMILY_KEY, { text: smtp?.text ?? {}, hash: smtp?.sourceHash ?? '' }],
  ...(smtp?.codes ?? []).map((c) => [c.code, { text: c.text, hash: c.sourceHash }] as const),
]);

describe('locales/vi/smtp', () => {
  it('holds translations of English files only, all of them read without errors', () => {
    expect(viFiles.filter((name) => !english.has(name))).toEqual([]);
    expect(viFiles.filter((name) => !vi[name])).toEqual([]);
    const faults = diagnostics.filter((d) => d.file.startsWith('locales/vi/') && d.rule !== 'stale-translation');
    expect(faults.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`)).toEqual([]);
  });

  it.each(viFiles)('%s.md carries the current English source_hash', (name) => {
    const source = english.get(name);
    expect(source, `no English for ${name}`).toBeDefined();
    expect(vi[name]?.sourceHash).toBe(source!.hash);
    expect(vi[name]?.stale).toBe(false);
  });

  it.each((smtp?.codes ?? []).map((c) => c.code))('translates code %s fully, in Vietnamese, from the current English', (code) => {
    const source = english.get(code)!;
    expect(translationProblems(source.text, source.hash, vi[code])).toEqual([]);
  });
});

describe('the text of codes/ and locales/vi/', () => {
  const sources: Array<[string, TextFields]> = [
    ...[...english].map(([name, s]): [string, TextFields] => [`codes/smtp/${name}.md`, s.text]),
    ...Object.entries(vi).map(([name, t]): [string, TextFields] => [`locales/vi/smtp/${name}.md`, t.text]),
  ];

  it('covers every English and Vietnamese file', () => {
    expect(sources.length).toBe(english.size + viFiles.length);
  });

  it.each(sources)('%s has no doubled word and no "[email" placeholder', (where, text) => {
    expect(textProblems(where, text)).toEqual([]);
  });
});

describe('the translation checks themselves', () => {
  const en: TextFields = { title: 'Mailbox name not allowed', description: 'The server refuses the address.', when: 'You meet 553 when…', fix: 'Fix the address.' };
  const hash = sourceHash(en);
  const vi553: TextFields = { title: 'Tên hộp thư không được phép', description: 'Máy chủ từ chối địa chỉ.', when: 'Bạn gặp 553 khi…', fix: 'Sửa địa chỉ.' };
  const translation = (text: TextFields, source = hash): ContentTranslation => ({ text, classes: {}, sourceHash: source, stale: source !== hash });

  it('accept a complete, current translation', () => {
    expect(translationProblems(en, hash, translation(vi553))).toEqual([]);
  });

  it.each<[string, ContentTranslation | undefined, RegExp]>([
    ['a missing translation', undefined, /no translation/],
    ['a stale source_hash', translation(vi553, 'ffffffffffffffff'), /stale/],
    ['a missing field', translation({ ...vi553, when: undefined }), /when is not translated/],
    ['a field left in English', translation({ ...vi553, fix: ' Fix the\n address. ' }), /fix is the English text/],
  ])('reject %s', (_name, given, message) => {
    const problems = translationProblems(en, hash, given);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('follow the English hash when the English changes', () => {
    expect(sourceHash({ ...en, fix: 'Check the address.' })).not.toBe(hash);
  });

  it.each([
    ['You encounter 553 when when the sender…', 'when when'],
    ['The The server', 'The The'],
    ['Máy chủ có có thể từ chối', 'có có'],
    ['của\n  của máy chủ', 'của\n  của'],
  ])('find the doubled word in %j', (value, doubled) => {
    expect(textProblems('x.md', { when: value })).toEqual([`x.md#when: doubled word "${doubled.replace(/\s+/g, ' ')}"`]);
  });

  // "các cách" and "máy chủ cũ cũng" are what the ASCII-only \b of /\b(\p{L}+)\s+\1\b/iu flags wrongly.
  it.each(['when whenever it fails', 'các cách', 'máy chủ cũ cũng gửi', 'in 250 250-mx', 'có cóc'])('do not flag %j', (value) => {
    expect(textProblems('x.md', { fix: value })).toEqual([]);
  });

  it('allow a listed repeat only in the file and field it is listed for', () => {
    expect(textProblems('locales/vi/smtp/421.md', { fix: 'giảm số kết nối song song' })).toEqual([]);
    expect(textProblems('locales/vi/smtp/421.md', { when: 'giảm số kết nối song song' })).toHaveLength(1);
    expect(textProblems('locales/vi/smtp/553.md', { fix: 'giảm số kết nối song song' })).toHaveLength(1);
  });

  it('find the scraped address placeholder', () => {
    expect(textProblems('x.md', { body: 'Write to [email protected] now' })).toEqual(['x.md#body: scraped "[email" placeholder']);
  });
});
