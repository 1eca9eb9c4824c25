import { readContentSources, type SourceVersions } from '../load/content-sources.js';
import type { ValidatedProject } from '../project.js';
import { englishSources } from '../validate/english-source.js';
import { staleContent, staleLabels, type StaleTranslation } from '../validate/what-changed.js';
import type { Output } from './report.js';
import { wordDiff } from './word-diff.js';

/** Per language tag, its stale labels and content with what changed in the English since each was translated. */
export async function collectStale(root: string, project: ValidatedProject): Promise<Map<string, StaleTranslation[]>> {
  const english = new Map(englishSources(project.families).map((s) => [s.id, s]));
  const ids = [...new Set(project.contentReports.flatMap((r) => r.stale))];
  const versions = new Map<string, SourceVersions>(await Promise.all(ids.map(async (id) => [id, await readContentSources(root, id)] as const)));
  const byTag = new Map<string, StaleTranslation[]>();
  for (const report of project.labelSources) byTag.set(report.tag, staleLabels(report));
  for (const report of project.contentReports) {
    const content = staleContent(report, english, project.translations, (id, hash) => versions.get(id)?.[hash]);
    byTag.set(report.tag, [...(byTag.get(report.tag) ?? []), ...content]);
  }
  return byTag;
}

export type StaleJson = ReturnType<typeof staleJson>;

/** A stale translation as JSON: each changed part with its English then and now, and the word diff. */
export function staleJson(item: StaleTranslation) {
  const { changes, ...where } = item;
  return { ...where, englishThen: (changes ? 'recorded' : 'unknown') as 'recorded' | 'unknown', changes: changes?.map((c) => ({ ...c, diff: wordDiff(c.then, c.now) })) };
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * ```
 * locales/de.json:12:5  site.home
 *     [-Home-]{+Start page+}
 * ```
 */
export function printStale(tag: string, items: readonly StaleJson[], output: Output): void {
  if (items.length === 0) return;
  output.out(`\n${tag}: stale translations (the English changed since; [-then-]{+now+}):`);
  for (const item of items) {
    const where = item.line === undefined ? item.file : `${item.file}:${item.line}:${item.column}`;
    output.out(`  ${where}  ${item.id}`);
    if (item.englishThen === 'unknown' || !item.changes) {
      output.out('    English then: unknown (not recorded; `code-compare confirm` records it from now on)');
      continue;
    }
    for (const change of item.changes) {
      const label = item.kind === 'label' && item.changes.length === 1 ? '' : `${change.part}: `;
      output.out(`    ${label}${indent(change.diff, '      ')}`);
    }
  }
}
