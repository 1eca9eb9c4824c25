import path from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, limitRepeated, START, type Diagnostic } from './diagnostics.js';
import { loadDefaults } from './load/defaults.js';
import type { BinaryFile, SourceFile } from './load/files.js';
import { readContentDates, type ContentDates } from './load/history.js';
import type { JsonFile } from './load/json.js';
import { loadProject, type LoadFilter, type RawProject } from './load/project.js';
import { buildSite } from './model/site.js';
import { isSocialImage, pngSize } from './model/social-image.js';
import type { FamilyData, LabelTree, Site } from './model/types.js';
import { loadSettings } from './load/settings.js';
import { parseMemo } from './load/parse-memo.js';
import { checkTemplateLabels, checkTemplates } from './render/template-check.js';
import { flattenLabels, splitPluralKey } from './i18n/labels.js';
import { validateFamilies } from './validate/codes.js';
import { checkFacetLabels, checkFamilyWordLabels } from './validate/facet-labels.js';
import { labelDefaults, type LabelDefaults } from './validate/label-defaults.js';
import { SOURCE_LANGUAGE } from './i18n/tags.js';
import { validateLabels, type LabelReport } from './validate/labels.js';
import { validateLabelSources, type LabelSourceReport } from './validate/label-sources.js';
import { checkMarkup } from './validate/markup.js';
import { contentReport, validateTranslations, type ContentReport, type Translations } from './validate/translations.js';

export const REQUIRED_TEMPLATES = ['layout', 'pages/chooser', 'pages/notFound', 'pages/home', 'pages/family', 'pages/code', 'pages/pair'];

export interface ProjectOptions extends LoadFilter {
  readonly root: string;
  readonly baseUrl: string;
  /** Search on or off (`--search`, `--no-search`), over `codeCompare.search`. */
  readonly search?: boolean;
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
  /** The tool's labels of a language that the project's file of it would fall back to, key by key. */
  readonly inheritedLabels: (tag: string) => ReadonlyMap<string, string>;
}

const templateName = (path: string) => path.replace(/^templates\//, '').replace(/\.hbs$/, '');
const assetName = (path: string) => path.replace(/^templates\/assets\//, '');

/**
 * The tool's files with the project's laid over them by name: `templates/partials/x.hbs` of the
 * project replaces the tool's partial x and leaves the rest. name → text, and name → the file shown in diagnostics.
 */
function layer(tools: readonly SourceFile[], own: readonly SourceFile[], nameOf: (path: string) => string, display: (path: string) => string) {
  const found = new Map<string, { text: string; shown: string }>();
  for (const file of tools) found.set(nameOf(file.path), { text: file.text, shown: display(file.path) });
  for (const file of own) found.set(nameOf(file.path), { text: file.text, shown: file.path });
  return {
    texts: Object.fromEntries([...found].map(([name, f]) => [name, f.text])),
    files: Object.fromEntries([...found].map(([name, f]) => [name, f.shown])),
  };
}

/** The tool's images with the project's laid over them by name: name → base64, and name → the file shown in diagnostics. */
function layerImages(tools: readonly BinaryFile[], own: readonly BinaryFile[], display: (path: string) => string) {
  const asText = (files: readonly BinaryFile[]) => files.map((f) => ({ path: f.path, text: f.base64 }));
  return layer(asText(tools), asText(own), assetName, display);
}

/** A social image must be a PNG: its size, read from its header, goes into the pages. */
function checkSocialImages(images: { texts: Record<string, string>; files: Record<string, string> }): Diagnostic[] {
  return Object.entries(images.texts)
    .filter(([name, base64]) => isSocialImage(name) && !pngSize(base64))
    .map(([name]) => diagnostic(images.files[name]!, START, 'error', 'invalid-asset', `${name} is the image shown when a page is shared, and must be a PNG file (1200×630 pixels is best)`));
}

/** The dates of the content files this build reads, by their paths. */
function datesOfRead(dates: ContentDates, raw: RawProject): Record<string, string> {
  const read = [...raw.families.flatMap((f) => [f.file, ...f.codes, ...f.pairs]), ...raw.translations.map((t) => t.file)].map((file) => file.path);
  const known: Record<string, string> = {};
  for (const file of read.sort()) {
    const date = dates.get(file);
    if (date !== undefined) known[file] = date;
  }
  return known;
}

const tagOf = (file: JsonFile) => path.posix.basename(file.path, '.json');

/**
 * The tool's labels the project falls back to: English and the languages it has (or asks for with
 * --lang). A language whose file the project holds a copy of is left out, as the copy already
 * says all the tool's file could; a project with copies only (as the benchmark's) needs none.
 */
function toolLabels(files: readonly JsonFile[], raw: RawProject, languages: readonly string[] | undefined, display: (file: string) => string): LabelDefaults | undefined {
  const own = new Map(raw.locales.map((file) => [tagOf(file), JSON.stringify(file.value)]));
  const wanted = new Set([SOURCE_LANGUAGE, ...own.keys(), ...(languages ?? [])]);
  const used = files.filter((file) => wanted.has(tagOf(file)) && (tagOf(file) === SOURCE_LANGUAGE || own.get(tagOf(file)) !== JSON.stringify(file.value)));
  if (used.every((file) => own.get(tagOf(file)) === JSON.stringify(file.value))) return undefined;
  return labelDefaults(used, raw.families.map((f) => f.id), display);
}

/**
 * The last results of the label checks, by the hashes of every file they read: labels rarely change
 * between two builds of one process (the preview server's), and checking ten languages' labels is
 * most of what validating costs once files are remembered (see load/parse-memo.ts).
 */
const lastLabelChecks = new Map<string, { key: string; result: unknown; diagnostics: readonly Diagnostic[] }>();

function rememberedCheck<T>(name: string, inputs: readonly (JsonFile | string)[], diagnostics: Diagnostic[], run: (found: Diagnostic[]) => T): T {
  const hashes = inputs.map((input) => (typeof input === 'string' ? input : parseMemo.textHash(input) && `${input.path}\u0000${parseMemo.textHash(input)}`));
  const key = hashes.every((hash) => hash !== undefined) ? JSON.stringify(hashes) : undefined;
  const last = lastLabelChecks.get(name);
  if (key !== undefined && last?.key === key) {
    diagnostics.push(...last.diagnostics);
    return last.result as T;
  }
  const found: Diagnostic[] = [];
  const result = run(found);
  diagnostics.push(...found);
  if (key !== undefined) lastLabelChecks.set(name, { key, result, diagnostics: found });
  return result;
}

/** load → validate → model. Collects every diagnostic; a site is returned only without errors. */
export async function validateProject(options: ProjectOptions): Promise<ValidatedProject> {
  const [raw, settings, tool, dates] = await Promise.all([loadProject(options.root, options), loadSettings(options.root), loadDefaults(options.root), readContentDates(options.root)]);
  const diagnostics: Diagnostic[] = [...raw.diagnostics, ...settings.diagnostics, ...tool.diagnostics, ...checkMarkup(raw)];
  const defaults = tool.defaults;
  const display = defaults?.display ?? ((file: string) => file);
  const images = layerImages(defaults?.binaryAssets ?? [], raw.binaryAssets, display);
  diagnostics.push(...checkSocialImages(images));
  const families = validateFamilies(raw.families, diagnostics, options.families !== undefined);
  if (options.families) {
    for (const wanted of options.families) {
      if (!families.some((f) => f.id === wanted)) diagnostics.push({ file: 'codes', line: 1, column: 1, severity: 'error', rule: 'unknown-family', message: `no family "${wanted}" under codes/ (--family)` });
    }
  }
  const toolFiles = defaults?.locales ?? [];
  const familyIds = options.families ? undefined : raw.families.map((f) => f.id);
  const labelInputs = [...raw.locales, ...toolFiles, ...toolFiles.map((file) => display(file.path)), JSON.stringify([defaults !== undefined, options.languages ?? null, raw.families.map((f) => f.id), familyIds ?? null])];
  const labels = rememberedCheck('labels', labelInputs, diagnostics, (found) => validateLabels(raw.locales, found, defaults && toolLabels(defaults.locales, raw, options.languages, display), familyIds));
  if (options.languages) {
    for (const wanted of options.languages) {
      if (!labels.reports.some((r) => r.tag === wanted)) diagnostics.push({ file: 'locales', line: 1, column: 1, severity: 'error', rule: 'unknown-language', message: `no usable locales/${wanted}.json (--lang)` });
    }
  }
  const labelSources = rememberedCheck('label sources', [...labelInputs, ...raw.labelSources], diagnostics, (found) => validateLabelSources(raw.locales, raw.labelSources, labels, found));
  const checkOnly: Diagnostic[] = [];
  const translations = validateTranslations(raw.translations, families, diagnostics, checkOnly);
  const { texts: templates, files: templateFiles } = layer(defaults?.templates ?? [], raw.templates, templateName, display);
  const fileOf = (name: string) => templateFiles[name] ?? `templates/${name}.hbs`;
  const templateNames = Object.keys(templates).map((name) => [name, fileOf(name)]);
  diagnostics.push(...parseMemo.check('templates', JSON.stringify([templates, templateNames, REQUIRED_TEMPLATES]), () => checkTemplates(templates, fileOf, REQUIRED_TEMPLATES)));
  if (labels.source) {
    const keys = new Set(flattenLabels(labels.source.labels).map(([key]) => splitPluralKey(key).base));
    diagnostics.push(...checkTemplateLabels(templates, fileOf, (key) => keys.has(key)));
    diagnostics.push(...checkFacetLabels(families, raw.families, keys), ...checkFamilyWordLabels(families, raw.families, keys));
  }
  const labelReports = labels.reports;
  const contentReports = labelReports.map((r) => contentReport(r.tag, families, translations));
  const shown = limitRepeated(diagnostics.sort(compareDiagnostics));
  const checkOnlyShown = limitRepeated([...checkOnly, ...labelReports.flatMap((r) => r.checkOnly)].sort(compareDiagnostics));
  const reports = { labelReports, contentReports, labelSources, families, translations, inheritedLabels: labels.inherited };
  if (hasErrors(shown)) return { diagnostics: shown, ...reports, checkOnly: checkOnlyShown };

  const labelTrees: Record<string, LabelTree> = {};
  for (const report of labelReports) labelTrees[report.tag] = report.labels;
  const site = buildSite({
    baseUrl: options.baseUrl,
    untranslated: settings.settings.untranslated,
    search: options.search ?? settings.settings.search,
    publisher: settings.settings.publisher,
    modified: datesOfRead(dates, raw),
    families,
    labels: labelTrees,
    translations,
    templates,
    assets: layer(defaults?.assets ?? [], raw.assets, assetName, display).texts,
    binaryAssets: images.texts,
    publish: options.languages,
  });
  return { site, diagnostics: shown, ...reports, checkOnly: checkOnlyShown };
}
