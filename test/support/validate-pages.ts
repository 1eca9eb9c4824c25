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

/**
 * The pages of a built site that the suite validates: every page that is not a comparison (home,
 * chooser, family indexes, code pages, 404), every comparison written in a pair file in English and
 * one in `writtenEvery` of them in the other languages, and one in `every` of the other comparisons,
 * picked by a hash of its path so the sample is the same on every run and spreads over codes and
 * languages. `npm run validate-site` checks them all.
 */
export function validationSample(pages: readonly string[], writtenPairs: ReadonlySet<string>, every = 20, writtenEvery = 1): string[] {
  const picked = (file: string, one: number) => createHash('sha1').update(file).digest().readUInt32BE(0) % one === 0;
  return pages.filter((file) => {
    const pair = /\/([^/]+-vs-[^/]+)\/index\.html$/.exec(file)?.[1];
    if (!pair) return true;
    if (writtenPairs.has(pair)) return file.startsWith('en/') || picked(file, writtenEvery);
    return picked(file, every);
  });
}

/** The sample of the bundled site the suite validates: every page but comparisons, the written comparisons in English and a quarter of them elsewhere, one in 200 of the others. */
export function bundledSample(pages: readonly string[], repo: string): string[] {
  const families = readdirSync(path.join(repo, 'codes'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const written = new Set(families.flatMap((family) => readdirSync(path.join(repo, 'codes', family, 'pairs')).map((f) => f.replace(/\.md$/, ''))));
  return validationSample(pages, written, 200, 4);
}
