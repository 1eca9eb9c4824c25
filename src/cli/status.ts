import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { validateProject, type ValidatedProject } from '../project.js';
import { indexableCounts, type IndexableCount } from '../model/indexing.js';
import { orderLanguages } from '../model/site.js';
import { resolveCommon, type CommonOptions } from './options.js';
import type { Output } from './report.js';
import { collectStale, printStale, staleJson, type StaleJson } from './stale-report.js';

export interface StatusCommandOptions extends CommonOptions {
  readonly json?: boolean;
  /** Folder to write the HTML dashboard into. */
  readonly html?: string;
  /** Where the dashboard's page links lead: the built site, as a URL or a path relative to the dashboard. */
  readonly siteBase?: string;
}

export interface LanguageStatus {
  readonly tag: string;
  readonly labels: { readonly translated: number; readonly total: number };
  readonly content: { readonly translated: number; readonly total: number };
  /** Content translations whose English changed since they were made. */
  readonly stale: number;
  /** Labels whose English changed since they were translated. */
  readonly staleLabels: number;
  /** Translated labels with no English recorded yet (taken as current). */
  readonly unrecordedLabels: number;
  readonly identical: number;
  readonly missing: readonly string[];
  readonly staleFiles: readonly string[];
  readonly staleLabelKeys: readonly string[];
  /** Each stale label and content translation, with what changed in its English. */
  readonly staleTranslations: readonly StaleJson[];
  readonly identicalKeys: readonly string[];
  /** Pages of the language that search engines are invited to index; absent when the project has errors. */
  readonly indexable?: { readonly pages: number; readonly total: number };
}

const percent = (part: number, total: number) => (total === 0 ? 100 : Math.floor((part / total) * 1000) / 10);

/** Per language: labels and content translated, stale, identical to English, and what is missing. */
export async function collectStatus(options: CommonOptions): Promise<LanguageStatus[]> {
  return (await collectProjectStatus(options)).languages;
}

/** The status per language, and the validated project it was read from. */
export async function collectProjectStatus(options: CommonOptions): Promise<{ project: ValidatedProject; languages: LanguageStatus[] }> {
  const common = resolveCommon(options);
  const project = await validateProject({ ...common, baseUrl: 'https://example.invalid/' });
  const order = orderLanguages(project.labelReports.map((r) => r.tag));
  const counts = project.site ? indexableCounts(project.site) : [];
  const stale = await collectStale(common.root, project);
  const languages = [...project.labelReports]
    .sort((a, b) => order.indexOf(a.tag) - order.indexOf(b.tag))
    .filter((r) => !common.languages || common.languages.includes(r.tag))
    .map((labels) => {
      const content = project.contentReports.find((c) => c.tag === labels.tag)!;
      const isSource = labels.tag === SOURCE_LANGUAGE;
      const sources = project.labelSources.find((r) => r.tag === labels.tag);
      return {
        tag: labels.tag,
        labels: { translated: labels.translated, total: labels.total },
        content: isSource ? { translated: content.total, total: content.total } : { translated: content.translated, total: content.total },
        stale: isSource ? 0 : content.stale.length,
        staleLabels: sources?.stale.length ?? 0,
        unrecordedLabels: sources?.unrecorded.length ?? 0,
        identical: isSource ? 0 : labels.identical.length + content.identical.length,
        missing: isSource ? [] : [...labels.missing.map((k) => `label ${k}`), ...content.missing.map((k) => `content ${k}`)],
        staleFiles: isSource ? [] : content.stale,
        staleLabelKeys: sources?.stale.map((l) => l.key) ?? [],
        staleTranslations: isSource ? [] : (stale.get(labels.tag) ?? []).map(staleJson),
        identicalKeys: isSource ? [] : [...labels.identical, ...content.identical],
        ...indexableOf(counts, labels.tag),
      };
    });
  return { project, languages };
}

function indexableOf(counts: readonly IndexableCount[], tag: string): Pick<LanguageStatus, 'indexable'> {
  const count = counts.find((c) => c.lang === tag);
  return count ? { indexable: { pages: count.indexable, total: count.pages } } : {};
}

export async function statusCommand(options: StatusCommandOptions, output: Output): Promise<number> {
  if (options.html !== undefined) return (await import('./dashboard.js')).dashboardCommand(options, output);
  const languages = await collectStatus(options);
  if (options.json) {
    output.out(JSON.stringify({ languages }, null, 2));
    return 0;
  }
  const rows = languages.map((l) => [
    l.tag,
    `${l.labels.translated}/${l.labels.total}`,
    `${percent(l.labels.translated, l.labels.total)}%`,
    `${l.content.translated}/${l.content.total}`,
    `${percent(l.content.translated, l.content.total)}%`,
    String(l.staleLabels),
    String(l.stale),
    String(l.identical),
    String(l.missing.length),
    l.indexable ? `${l.indexable.pages}/${l.indexable.total}` : '–',
  ]);
  const header = ['language', 'labels', '%', 'content', '%', 'stale labels', 'stale content', 'identical', 'missing', 'indexable'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  output.out(line(header));
  for (const row of rows) output.out(line(row));
  for (const l of languages) printStale(l.tag, l.staleTranslations, output);
  return 0;
}
