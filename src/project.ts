import { compareDiagnostics, hasErrors, limitRepeated, type Diagnostic } from './diagnostics.js';
import { loadProject, type LoadFilter } from './load/project.js';
import { buildSite } from './model/site.js';
import type { FamilyData, LabelTree, Site } from './model/types.js';
import { loadSettings } from './load/settings.js';
import { checkTemplateLabels, checkTemplates } from './render/templates.js';
import { flattenLabels, splitPluralKey } from './i18n/labels.js';
import { validateFamilies } from './validate/codes.js';
import { checkFacetLabels } from './validate/facet-labels.js';
import { validateLabels, type LabelReport } from './validate/labels.js';
import { validateLabelSources, type LabelSourceReport } from './validate/label-sources.js';
import { checkMarkup } from './validate/markup.js';
import { contentReport, validateTranslations, type ContentReport, type Translations } from './validate/translations.js';

export const REQUIRED_TEMPLATES = ['layout', 'pages/chooser', 'pages/notFound', 'pages/home', 'pages/family', 'pages/code', 'pages/pair'];

export interface ProjectOptions extends LoadFilter {
  readonly root: string;
  readonly baseUrl: string;
}

/** A validated project: the site to render (when there were no errors) and what validation found. */
export interface ValidatedProject {
  readonly site?: Site;
  readonly diagnostics: readonly Diagnostic[];
  readonly labelReports: readonly LabelReport[];
  readonly contentReports: readonly ContentReport[];
  /** Per language, its translated labels against the English they were translated from. */
  readonly labelSources: readonly LabelSourceReport[];
  /** The English content, as validated (what translations are made from), and its translations. */
  readonly families: readonly FamilyData[];
  readonly translations: Translations;
  /** Findings only `check` prints: missing keys and text identical to English. */
  readonly checkOnly: readonly Diagnostic[];
}

function templateName(path: string): string {
  return path.replace(/^templates\//, '').replace(/\.hbs$/, '');
}

/** load → validate → model. Collects every diagnostic; a site is returned only without errors. */
export async function validateProject(options: ProjectOptions): Promise<ValidatedProject> {
  const [raw, settings] = await Promise.all([loadProject(options.root, options), loadSettings(options.root)]);
  const diagnostics: Diagnostic[] = [...raw.diagnostics, ...settings.diagnostics, ...checkMarkup(raw)];
  const families = validateFamilies(raw.families, diagnostics);
  if (options.families) {
    for (const wanted of options.families) {
      if (!families.some((f) => f.id === wanted)) diagnostics.push({ file: 'codes', line: 1, column: 1, severity: 'error', rule: 'unknown-family', message: `no family "${wanted}" under codes/ (--family)` });
    }
  }
  const labels = validateLabels(raw.locales, diagnostics);
  if (options.languages) {
    for (const wanted of options.languages) {
      if (!labels.reports.some((r) => r.tag === wanted)) diagnostics.push({ file: 'locales', line: 1, column: 1, severity: 'error', rule: 'unknown-language', message: `no usable locales/${wanted}.json (--lang)` });
    }
  }
  const labelSources = validateLabelSources(raw.locales, raw.labelSources, labels, diagnostics);
  const checkOnly: Diagnostic[] = [];
  const translations = validateTranslations(raw.translations, families, diagnostics, checkOnly);
  const templates = Object.fromEntries(raw.templates.map((t) => [templateName(t.path), t.text]));
  const fileOf = (name: string) => `templates/${name}.hbs`;
  diagnostics.push(...checkTemplates(templates, fileOf, REQUIRED_TEMPLATES));
  if (labels.source) {
    const keys = new Set(flattenLabels(labels.source.labels).map(([key]) => splitPluralKey(key).base));
    diagnostics.push(...checkTemplateLabels(templates, fileOf, (key) => keys.has(key)));
    diagnostics.push(...checkFacetLabels(families, raw.families, keys));
  }
  const labelReports = labels.reports;
  const contentReports = labelReports.map((r) => contentReport(r.tag, families, translations));
  const shown = limitRepeated(diagnostics.sort(compareDiagnostics));
  const checkOnlyShown = limitRepeated([...checkOnly, ...labelReports.flatMap((r) => r.checkOnly)].sort(compareDiagnostics));
  const reports = { labelReports, contentReports, labelSources, families, translations };
  if (hasErrors(shown)) return { diagnostics: shown, ...reports, checkOnly: checkOnlyShown };

  const labelTrees: Record<string, LabelTree> = {};
  for (const report of labelReports) labelTrees[report.tag] = report.labels;
  const site = buildSite({
    baseUrl: options.baseUrl,
    untranslated: settings.settings.untranslated,
    families,
    labels: labelTrees,
    translations,
    templates,
    assets: Object.fromEntries(raw.assets.map((a) => [a.path.replace(/^templates\/assets\//, ''), a.text])),
    publish: options.languages,
  });
  return { site, diagnostics: shown, ...reports, checkOnly: checkOnlyShown };
}
