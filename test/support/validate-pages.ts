import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';

/** html-validate:recommended findings of the given pages, one line each; stops after `limit`. */
export async function validatePages(dist: string, files: readonly string[], limit = 20): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
    if (problems.length >= limit) break;
  }
  return problems;
}

const picked = (file: string, one: number) => createHash('sha1').update(file).digest().readUInt32BE(0) % one === 0;

/**
 * The sample of the bundled site the suite validates (`npm run validate-site` checks every page),
 * picked by a hash of each path, so it is the same on every run and spreads over codes and
 * languages:
 * - in every language every page that is neither a comparison nor a code page: home, family indexes;
 * - every code page in English (the source: each code's content once), one in three in Vietnamese
 *   and Arabic (the language with translated content, the right-to-left one), one in eight in the
 *   others (their code pages show the English content with their own labels);
 * - the chooser and 404 page;
 * - the comparisons written in pair files in English and one in four of them elsewhere, and one in
 *   500 of the other comparisons.
 */
export function bundledSample(pages: readonly string[], repo: string): string[] {
  const families = readdirSync(path.join(repo, 'codes'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const written = new Set(families.flatMap((family) => readdirSync(path.join(repo, 'codes', family, 'pairs')).map((f) => f.replace(/\.md$/, ''))));
  const codePages: Readonly<Record<string, number>> = { en: 1, vi: 3, ar: 3 };
  return pages.filter((file) => {
    const [lang, family, page] = file.split('/');
    const pair = /^(.+-vs-.+)$/.exec(page ?? '')?.[1];
    if (pair) return written.has(pair) ? lang === 'en' || picked(file, 4) : picked(file, 500);
    const isCode = family !== undefined && page !== undefined && page !== 'index.html';
    return !isCode || picked(file, codePages[lang!] ?? 8);
  });
}
