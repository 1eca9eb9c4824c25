import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prependToDescription } from './corpus.js';
import type { PreviewEdit } from './serve.js';

/** A copy of the bundled site's sources (codes, labels, templates, settings) in a new folder under `dir`, to edit without touching the repository. */
export function copyBundled(repo: string, dir: string): string {
  const root = mkdtempSync(path.join(dir, 'code-compare-bundled-'));
  for (const folder of ['codes', 'locales', 'templates']) cpSync(path.join(repo, folder), path.join(root, folder), { recursive: true });
  const { codeCompare } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { codeCompare?: unknown };
  writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ private: true, codeCompare }, null, 2)}\n`);
  return root;
}

/**
 * `count` edits of the copy at `root`, a code's English description and the Vietnamese heading of a
 * code's description in turn, each with a Vietnamese or English code page open: the code's text
 * changes one code's pages in every language, the label every Vietnamese page.
 */
export function bundledEdits(root: string, count: number): PreviewEdit[] {
  const codes = readdirSync(path.join(root, 'codes'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((family) => readdirSync(path.join(root, 'codes', family.name)).filter((file) => file.endsWith('.md') && !file.startsWith('_')).sort().map((file) => ({ family: family.name, code: file.replace(/\.md$/, '') })));
  const labelsFile = path.join(root, 'locales', 'vi.json');
  const heading = (JSON.parse(readFileSync(labelsFile, 'utf8')) as { code: { description: string } }).code.description;
  // Spread over the families: one code in every few.
  const step = Math.max(1, Math.floor(codes.length / count));
  return Array.from({ length: count }, (_, i) => {
    const { family, code } = codes[(i * step) % codes.length]!;
    if (i % 2 === 0) return { page: `/en/${family}/${code}/`, save: (marker: string) => prependToDescription(path.join(root, 'codes', family, `${code}.md`), marker) };
    return {
      page: `/vi/${family}/${code}/`,
      save: (marker: string) => {
        const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as { code: { description: string } };
        labels.code.description = `${heading} ${marker}`;
        writeFileSync(labelsFile, `${JSON.stringify(labels, null, 2)}\n`);
      },
    };
  });
}
