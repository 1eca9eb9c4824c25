import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { PACKAGE_ROOT } from '../package.js';
import { filesUnder, listDir, readAssets, readSources, type BinaryFile, type SourceFile } from './files.js';
import { labelFileTag } from './project.js';
import type { JsonFile } from './json.js';
import { parseMemo } from './parse-memo.js';

/**
 * What the tool ships for a project to build on: its templates, assets and interface labels. File
 * paths are relative to the package (`templates/layout.hbs`), so they name what they replace;
 * `display` turns one into a path to show in a diagnostic, relative to the project where it can be.
 */
export interface Defaults {
  readonly templates: readonly SourceFile[];
  readonly assets: readonly SourceFile[];
  readonly binaryAssets: readonly BinaryFile[];
  readonly locales: readonly JsonFile[];
  readonly display: (file: string) => string;
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Reads the tool's own templates, assets and label files (`locales/*.json`, not the bundled code
 * translations). Nothing when the project is the tool's own folder: its files are then the project's.
 * A fault in them is the tool's, not the project's, so their diagnostics are returned apart.
 */
export async function loadDefaults(projectRoot: string, packageRoot = PACKAGE_ROOT): Promise<{ defaults?: Defaults; diagnostics: Diagnostic[] }> {
  if (sameFolder(projectRoot, packageRoot)) return { diagnostics: [] };
  const templateDir = path.join(packageRoot, 'templates');
  const labelPaths = (await listDir(path.join(packageRoot, 'locales'))).filter((e) => !e.isDirectory && labelFileTag(e.name) !== undefined).map((e) => e.abs);
  const [templates, assets, labels] = await Promise.all([
    filesUnder(templateDir, '.hbs').then((paths) => readSources(packageRoot, paths)),
    filesUnder(path.join(templateDir, 'assets'), '').then((paths) => readAssets(packageRoot, paths)),
    readSources(packageRoot, labelPaths),
  ]);
  const diagnostics = [...templates.diagnostics, ...assets.diagnostics, ...labels.diagnostics];
  const locales = labels.files.flatMap((source) => {
    const parsed = parseMemo.json(source, 'tool');
    diagnostics.push(...parsed.diagnostics);
    return parsed.file ? [parsed.file] : [];
  });
  const display = (file: string) => {
    const abs = path.join(packageRoot, file);
    const rel = path.relative(projectRoot, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
  };
  return { defaults: { templates: templates.files, assets: assets.files, binaryAssets: assets.binary, locales, display }, diagnostics };
}
