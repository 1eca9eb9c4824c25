import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, makeSite, REPO } from './site.js';

/**
 * The `compare` fixture (a family of API errors with facets and a written pair) as a project: the
 * project's templates, and its en and vi labels with the fixture's facet labels added.
 */
export function makeCompareSite(files: Readonly<Record<string, string>> = {}): string {
  const labels = (tag: string) => {
    const tree = JSON.parse(readFileSync(path.join(REPO, `locales/${tag}.json`), 'utf8'));
    tree.families = { ...tree.families, ...JSON.parse(readFileSync(path.join(FIXTURES, `compare/facet-labels.${tag}.json`), 'utf8')) };
    return `${JSON.stringify(tree, null, 2)}\n`;
  };
  return makeSite({ fixture: 'compare', fromProject: ['templates'], files: { 'locales/en.json': labels('en'), 'locales/vi.json': labels('vi'), ...files } });
}

/** Sentences of at least `words` words that stand more than once in a text. */
export function repeatedSentences(text: string, words = 8): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const raw of text.split(/(?<=[.!?。！？])\s+|\n+/u)) {
    const sentence = raw.replace(/\s+/g, ' ').trim();
    if (sentence.split(' ').length < words) continue;
    if (seen.has(sentence)) repeated.add(sentence);
    seen.add(sentence);
  }
  return [...repeated];
}
