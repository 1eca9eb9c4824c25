import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { listDir, readSources, type SourceFile } from './files.js';
import { parseFrontMatter, type FrontMatterFile } from './front-matter.js';
import { parseJson, type JsonFile } from './json.js';
import { CONTENT_SOURCES_DIR, LABEL_SOURCES_SUFFIX } from '../i18n/source-paths.js';

export interface RawFamily {
  readonly id: string;
  readonly file: FrontMatterFile;
  readonly codes: readonly FrontMatterFile[];
  /** Written comparisons: codes/<family>/pairs/<a>-vs-<b>.md. */
  readonly pairs: readonly FrontMatterFile[];
  /** The codes the family's files are named after (`553` for 553.md), those that failed to load included. */
  readonly codeNames: readonly string[];
}

export interface RawTranslation {
  readonly tag: string;
  readonly family: string;
  /** The code, `_family` for the family's own text, or `pairs/<a>-vs-<b>` for a pair file. */
  readonly code: string;
  readonly file: FrontMatterFile;
}

/** Everything read from a project root, parsed but not yet validated. */
export interface RawProject {
  readonly families: readonly RawFamily[];
  readonly locales: readonly JsonFile[];
  /** locales/<tag>.source.json: the English each label of a language was translated from. */
  readonly labelSources: readonly JsonFile[];
  readonly translations: readonly RawTranslation[];
  readonly templates: readonly SourceFile[];
  readonly assets: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadFilter {
  /** Language tags to load besides English; undefined: all. */
  readonly languages?: readonly string[];
  readonly families?: readonly string[];
}

const wanted = (list: readonly string[] | undefined, name: string) => !list || list.includes(name);

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await listDir(dir)) {
    if (entry.isDirectory) out.push(...(await filesUnder(entry.abs, suffix)));
    else if (entry.name.endsWith(suffix)) out.push(entry.abs);
  }
  return out;
}

function frontMatterFiles(files: readonly SourceFile[], diagnostics: Diagnostic[]): FrontMatterFile[] {
  return files.flatMap((source) => {
    const parsed = parseFrontMatter(source);
    diagnostics.push(...parsed.diagnostics);
    return parsed.file ? [parsed.file] : [];
  });
}

async function loadFamilies(root: string, filter: LoadFilter, diagnostics: Diagnostic[]): Promise<RawFamily[]> {
  const families: RawFamily[] = [];
  for (const dir of await listDir(path.join(root, 'codes'))) {
    if (!dir.isDirectory || !wanted(filter.families, dir.name)) continue;
    const entries = (await listDir(dir.abs)).filter((e) => !e.isDirectory && e.name.endsWith('.md'));
    const familyEntry = entries.find((e) => e.name === '_family.md');
    if (!familyEntry) continue;
    const read = await readSources(root, entries.map((e) => e.abs));
    diagnostics.push(...read.diagnostics);
    const parsed = frontMatterFiles(read.files, diagnostics);
    const file = parsed.find((f) => f.path.endsWith('/_family.md'));
    if (!file) continue;
    const pairPaths = (await listDir(path.join(dir.abs, 'pairs'))).filter((e) => !e.isDirectory && e.name.endsWith('.md')).map((e) => e.abs);
    const pairSources = await readSources(root, pairPaths);
    diagnostics.push(...pairSources.diagnostics);
    const codeNames = entries.filter((e) => e !== familyEntry).map((e) => e.name.slice(0, -'.md'.length));
    families.push({ id: dir.name, file, codes: parsed.filter((f) => f !== file), codeNames, pairs: frontMatterFiles(pairSources.files, diagnostics) });
  }
  return families;
}

async function jsonFiles(root: string, paths: readonly string[], diagnostics: Diagnostic[]): Promise<JsonFile[]> {
  const read = await readSources(root, paths);
  diagnostics.push(...read.diagnostics);
  return read.files.flatMap((source) => {
    const parsed = parseJson(source);
    diagnostics.push(...parsed.diagnostics);
    return parsed.file ? [parsed.file] : [];
  });
}

/** A record of sources that cannot be read only costs its staleness reports: its faults are warnings. */
const asWarnings = (list: readonly Diagnostic[]) => list.map((d): Diagnostic => ({ ...d, severity: 'warning', message: `${d.message}; the recorded sources of this language are ignored` }));

async function loadLocales(root: string, filter: LoadFilter, diagnostics: Diagnostic[]) {
  const dir = path.join(root, 'locales');
  const entries = await listDir(dir);
  const files = entries.filter((e) => !e.isDirectory && e.name.endsWith('.json'));
  const isSources = (name: string) => name.endsWith(LABEL_SOURCES_SUFFIX);
  const tagOf = (name: string) => name.slice(0, -(isSources(name) ? LABEL_SOURCES_SUFFIX : '.json').length);
  const labelPaths = files.filter((e) => !isSources(e.name) && (tagOf(e.name) === 'en' || wanted(filter.languages, tagOf(e.name)))).map((e) => e.abs);
  const locales = await jsonFiles(root, labelPaths, diagnostics);
  const sourcePaths = files.filter((e) => isSources(e.name) && tagOf(e.name) !== 'en' && wanted(filter.languages, tagOf(e.name))).map((e) => e.abs);
  const sourceDiagnostics: Diagnostic[] = [];
  const labelSources = await jsonFiles(root, sourcePaths, sourceDiagnostics);
  diagnostics.push(...asWarnings(sourceDiagnostics));

  const translations: RawTranslation[] = [];
  for (const tagDir of entries.filter((e) => e.isDirectory && e.name !== CONTENT_SOURCES_DIR && wanted(filter.languages, e.name))) {
    for (const familyDir of (await listDir(tagDir.abs)).filter((e) => e.isDirectory && wanted(filter.families, e.name))) {
      const paths = await filesUnder(familyDir.abs, '.md');
      const sources = await readSources(root, paths);
      diagnostics.push(...sources.diagnostics);
      for (const file of frontMatterFiles(sources.files, diagnostics)) {
        const name = path.posix.basename(file.path, '.md');
        const code = path.posix.basename(path.posix.dirname(file.path)) === 'pairs' ? `pairs/${name}` : name;
        translations.push({ tag: tagDir.name, family: familyDir.name, code, file });
      }
    }
  }
  return { locales, labelSources, translations };
}

/** Reads codes/, locales/ and templates/ under `root`. Only this phase touches the project's files. */
export async function loadProject(root: string, filter: LoadFilter = {}): Promise<RawProject> {
  const diagnostics: Diagnostic[] = [];
  const templateDir = path.join(root, 'templates');
  const [families, { locales, labelSources, translations }, templates, assets] = await Promise.all([
    loadFamilies(root, filter, diagnostics),
    loadLocales(root, filter, diagnostics),
    filesUnder(templateDir, '.hbs').then((paths) => readSources(root, paths)),
    filesUnder(path.join(templateDir, 'assets'), '').then((paths) => readSources(root, paths)),
  ]);
  diagnostics.push(...templates.diagnostics, ...assets.diagnostics);
  return { families, locales, labelSources, translations, templates: templates.files, assets: assets.files, diagnostics };
}
