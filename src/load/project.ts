import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { FAMILY_FILE, ignoredFile, notMarkdown, scanCodes } from './codes-tree.js';
import { filesUnder, listDir, readAssets, readSources, type BinaryFile, type SourceFile } from './files.js';
import type { FrontMatterFile } from './front-matter.js';
import type { JsonFile } from './json.js';
import { parseMemo } from './parse-memo.js';
import { CONTENT_SOURCES_DIR, LABEL_SOURCES_SUFFIX } from '../i18n/source-paths.js';
import { labelFileTag } from './label-files.js';

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
  /** Images under templates/assets/. */
  readonly binaryAssets: readonly BinaryFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadFilter {
  /** Language tags to load besides English; undefined: all. */
  readonly languages?: readonly string[];
  readonly families?: readonly string[];
}

const wanted = (list: readonly string[] | undefined, name: string) => !list || list.includes(name);

function frontMatterFiles(files: readonly SourceFile[], diagnostics: Diagnostic[]): FrontMatterFile[] {
  return files.flatMap((source) => {
    const parsed = parseMemo.frontMatter(source);
    diagnostics.push(...parsed.diagnostics);
    return parsed.file ? [parsed.file] : [];
  });
}

async function loadFamilies(root: string, filter: LoadFilter, diagnostics: Diagnostic[]): Promise<RawFamily[]> {
  const scan = await scanCodes(root, (family) => wanted(filter.families, family));
  diagnostics.push(...scan.diagnostics);
  const families: RawFamily[] = [];
  for (const folder of scan.folders) {
    const entries = [folder.familyFile, ...folder.codeFiles];
    const read = await readSources(root, entries.map((e) => e.abs));
    diagnostics.push(...read.diagnostics);
    const parsed = frontMatterFiles(read.files, diagnostics);
    const file = parsed.find((f) => f.path.endsWith(`/${FAMILY_FILE}`));
    if (!file) continue;
    const pairSources = await readSources(root, folder.pairFiles.map((e) => e.abs));
    diagnostics.push(...pairSources.diagnostics);
    const codeNames = folder.codeFiles.map((e) => e.name.slice(0, -'.md'.length));
    families.push({ id: folder.id, file, codes: parsed.filter((f) => f !== file), codeNames, pairs: frontMatterFiles(pairSources.files, diagnostics) });
  }
  return families;
}

export { labelFileTag, TODO_SUFFIX } from './label-files.js';

async function jsonFiles(root: string, paths: readonly string[], diagnostics: Diagnostic[]): Promise<JsonFile[]> {
  const read = await readSources(root, paths);
  diagnostics.push(...read.diagnostics);
  return read.files.flatMap((source) => {
    const parsed = parseMemo.json(source);
    diagnostics.push(...parsed.diagnostics);
    return parsed.file ? [parsed.file] : [];
  });
}

/** A record of sources that cannot be read only costs its staleness reports: its faults are warnings. */
const asWarnings = (list: readonly Diagnostic[]) => list.map((d): Diagnostic => ({ ...d, severity: 'warning', message: `${d.message}; the recorded sources of this language are ignored` }));

async function loadLocales(root: string, filter: LoadFilter, diagnostics: Diagnostic[]) {
  const dir = path.join(root, 'locales');
  const entries = await listDir(dir);
  const labelPaths = entries
    .filter((e) => !e.isDirectory && labelFileTag(e.name) !== undefined)
    .filter((e) => labelFileTag(e.name) === 'en' || wanted(filter.languages, labelFileTag(e.name)!))
    .map((e) => e.abs);
  const locales = await jsonFiles(root, labelPaths, diagnostics);
  const stray = entries.filter((e) => !e.isDirectory && !e.name.startsWith('.') && !e.name.endsWith('.json') && wanted(filter.languages, e.name.split('.')[0]!));
  for (const entry of stray) diagnostics.push(ignoredFile(root, entry.abs, /\.json$/i.test(entry.name) ? `not read: a label file is named TAG.json, with .json in lower case` : 'not read: locales/ holds TAG.json label files and TAG/ folders of translated texts'));
  const isSources = (name: string) => name.endsWith(LABEL_SOURCES_SUFFIX);
  const sourcesTag = (name: string) => name.slice(0, -LABEL_SOURCES_SUFFIX.length);
  const sourcePaths = entries.filter((e) => !e.isDirectory && isSources(e.name) && sourcesTag(e.name) !== 'en' && wanted(filter.languages, sourcesTag(e.name))).map((e) => e.abs);
  const sourceDiagnostics: Diagnostic[] = [];
  const labelSources = await jsonFiles(root, sourcePaths, sourceDiagnostics);
  diagnostics.push(...asWarnings(sourceDiagnostics));

  const translations: RawTranslation[] = [];
  for (const tagDir of entries.filter((e) => e.isDirectory && e.name !== CONTENT_SOURCES_DIR && wanted(filter.languages, e.name))) {
    for (const familyDir of (await listDir(tagDir.abs)).filter((e) => e.isDirectory && wanted(filter.families, e.name))) {
      const all = (await filesUnder(familyDir.abs, '')).filter((p) => !path.basename(p).startsWith('.'));
      for (const other of all.filter((p) => !p.endsWith('.md'))) diagnostics.push(ignoredFile(root, other, notMarkdown(path.basename(other))));
      const sources = await readSources(root, all.filter((p) => p.endsWith('.md')));
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
    filesUnder(path.join(templateDir, 'assets'), '').then((paths) => readAssets(root, paths)),
  ]);
  diagnostics.push(...templates.diagnostics, ...assets.diagnostics);
  return { families, locales, labelSources, translations, templates: templates.files, assets: assets.files, binaryAssets: assets.binary, diagnostics };
}
