import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package.js';
import { filesUnder } from '../load/files.js';
import { normalizeBaseUrl } from './options.js';
import type { Output } from './report.js';

export interface InitCommandOptions {
  readonly baseUrl?: string;
}

export const DEFAULT_BASE_URL = 'https://codes.example.com/';

/** What `npm install` and `git init` leave in a folder: a new project may be written beside them. */
const TOLERATED = new Set(['.git', 'node_modules', 'package.json', 'package-lock.json']);

const SCRIPTS = { check: 'code-compare check', build: 'code-compare build', serve: 'code-compare serve' };

const GITIGNORE = 'node_modules/\ndist/\n.code-compare-cache/\n';

type Json = Record<string, unknown>;

/** `My Codes!` → `my-codes`: a valid npm package name made from a folder name. */
export function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[._-]+$/g, '');
  return name || 'codes';
}

/**
 * The project's package.json: `existing` (what `npm install code-compare` wrote, if anything) with
 * the `codeCompare` settings and the scripts it lacks added; its own entries are kept.
 */
export function projectPackage(existing: Json | undefined, folder: string, baseUrl: string): Json {
  const settings = { baseUrl, untranslated: 'noindex' };
  if (!existing) return { name: packageName(folder), private: true, scripts: SCRIPTS, codeCompare: settings };
  const scripts = existing.scripts !== null && typeof existing.scripts === 'object' ? (existing.scripts as Json) : {};
  return { ...existing, scripts: { ...SCRIPTS, ...scripts }, codeCompare: settings };
}

/** Why `target` cannot take a new project, or undefined; `entries`: what it holds. */
function refusal(shown: string, entries: readonly string[], pkg: unknown): string | undefined {
  const foreign = entries.filter((e) => !TOLERATED.has(e)).sort();
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
    return `${shown} is not empty (it holds ${listed}); init writes a new project only into an empty folder, or one that holds no more than npm and git leave there (package.json, package-lock.json, node_modules/, .git/)`;
  }
  if (pkg === undefined) return undefined;
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) return `${path.join(shown, 'package.json')} does not hold a JSON object; fix or remove it first`;
  if ((pkg as Json).codeCompare !== undefined) return `${path.join(shown, 'package.json')} already has "codeCompare" settings: this is a code-compare project already`;
  return undefined;
}

async function readPackage(target: string): Promise<unknown> {
  const text = await fs.readFile(path.join(target, 'package.json'), 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Writes a small working project into `dir` (default: the current folder): an example family, labels, settings, a README. */
export async function initCommand(dir: string | undefined, options: InitCommandOptions, output: Output): Promise<number> {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const target = path.resolve(dir ?? '.');
  const relative = path.relative(process.cwd(), target);
  const shown = relative.startsWith('..') ? target : relative || '.';
  const stats = await fs.stat(target).catch(() => undefined);
  if (stats && !stats.isDirectory()) {
    output.err(`error: ${shown} is not a folder`);
    return 1;
  }
  const entries = stats ? await fs.readdir(target) : [];
  const pkg = entries.includes('package.json') ? await readPackage(target) : undefined;
  const problem = refusal(shown, entries, pkg);
  if (problem) {
    output.err(`error: ${problem}; nothing was written`);
    return 1;
  }
  await fs.mkdir(target, { recursive: true });
  const starter = path.join(PACKAGE_ROOT, 'starter');
  const written: string[] = [];
  for (const file of await filesUnder(starter, '')) {
    const rel = path.relative(starter, file);
    await fs.mkdir(path.dirname(path.join(target, rel)), { recursive: true });
    await fs.copyFile(file, path.join(target, rel), fs.constants.COPYFILE_EXCL);
    written.push(rel.split(path.sep).join('/'));
  }
  await fs.writeFile(path.join(target, '.gitignore'), GITIGNORE, { flag: 'wx' });
  const settings = projectPackage(pkg as Json | undefined, path.basename(target), baseUrl);
  await fs.writeFile(path.join(target, 'package.json'), `${JSON.stringify(settings, null, 2)}\n`, { flag: pkg === undefined ? 'wx' : 'w' });
  output.out(`${pkg === undefined ? 'wrote' : 'added "codeCompare" settings to'} ${path.join(shown, 'package.json')} (baseUrl: ${baseUrl}; set yours there)`);
  for (const file of ['.gitignore', ...written]) output.out(`wrote ${path.join(shown, file)}`);
  output.out('next:');
  if (shown !== '.') output.out(`  cd ${shown}`);
  output.out('  npx code-compare check    validate, with file:line:column for each problem');
  output.out('  npx code-compare build    build the site into dist/');
  output.out('  npx code-compare serve    preview on http://127.0.0.1:8080/, rebuilt as you save');
  output.out('README.md says what each file is for and how to make the project yours.');
  return 0;
}
