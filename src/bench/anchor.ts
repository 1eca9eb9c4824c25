import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlOutput, settleDisk, timedNode, type Run } from './measure.js';
import { IN_PROCESS_BELOW } from '../write/in-process.js';

/**
 * The benchmark's anchor: the same corpus built by Eleventy 3 with .11ty.js templates, so that
 * code-compare's pages per second can be read against a well-known generator on the same machine
 * and disk. Eleventy is installed on demand into a cache folder, never into the project.
 */

export const ELEVENTY_VERSION = '3.1.8';
const PACKAGE = '@11ty/eleventy';

/** A template per kind of page: each paginates over its list in the anchor data, one page per entry. */
const TEMPLATES = { chooser: 'chooserPage', notFound: 'notFoundPage', home: 'homePage', family: 'familyPage', code: 'codePage', pair: 'pairPage' } as const;

/**
 * The Eleventy project's files, by path relative to its folder. Its global data file reads the
 * corpus at `corpus` and its templates render with the modules in `moduleDir` (anchor-data.js,
 * anchor-render.js), imported by absolute URL; the output goes to `_site`.
 */
export function anchorProjectFiles(corpus: string, moduleDir: string): Record<string, string> {
  const module = (name: string) => JSON.stringify(pathToFileURL(path.join(moduleDir, name)).href);
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`,
    'eleventy.config.js': [
      'export default function (eleventyConfig) {',
      '  eleventyConfig.setQuietMode(true);',
      "  return { dir: { input: 'src', output: '_site' }, templateFormats: ['11ty.js'] };",
      '}',
      '',
    ].join('\n'),
    'src/_data/anchor.js': [`import { loadAnchorData } from ${module('anchor-data.js')};`, '', `export default () => loadAnchorData(${JSON.stringify(corpus)});`, ''].join('\n'),
  };
  for (const [kind, render] of Object.entries(TEMPLATES)) {
    const single = kind === 'chooser' || kind === 'notFound';
    files[`src/${kind}.11ty.js`] = [
      `import { ${render} } from ${module('anchor-render.js')};`,
      '',
      'export const data = {',
      `  pagination: { data: 'anchor.pages.${kind}', size: 1, alias: 'entry' },`,
      '  permalink: (data) => data.entry.url,',
      '  eleventyExcludeFromCollections: true,',
      '};',
      '',
      `export function render(data) {`,
      `  return ${render}(data.anchor${single ? '' : ', data.entry'});`,
      '}',
      '',
    ].join('\n');
  }
  return files;
}

export function writeAnchorProject(dir: string, corpus: string, moduleDir: string): void {
  for (const [file, text] of Object.entries(anchorProjectFiles(corpus, moduleDir))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function installedVersion(cacheDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(cacheDir, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Eleventy's command-line script in `cacheDir`, installing it there first if it is missing. Says
 * in one line when it installs, and in one line why when it cannot (then returns undefined).
 */
export function ensureEleventy(cacheDir: string, say: (line: string) => void): string | undefined {
  if (installedVersion(cacheDir) !== ELEVENTY_VERSION) {
    say(`anchor: installing Eleventy ${ELEVENTY_VERSION} into ${cacheDir} (once)`);
    const args = ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', cacheDir, `${PACKAGE}@${ELEVENTY_VERSION}`];
    let why: string | undefined;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const result = spawnSync('npm', args, { encoding: 'utf8' });
      if (result.error || result.status !== 0) why = result.error?.message ?? result.stderr.split('\n').find((l) => /error/i.test(l))?.trim() ?? `npm exited ${result.status}`;
      else if (installedVersion(cacheDir) !== ELEVENTY_VERSION) why = `npm did not install it into ${cacheDir}`;
    } catch (error) {
      why = (error as Error).message;
    }
    if (why) {
      say(`anchor: skipped: could not install Eleventy ${ELEVENTY_VERSION} (${why})`);
      return undefined;
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(cacheDir, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.eleventy!;
  return path.join(cacheDir, 'node_modules', PACKAGE, bin);
}

export interface AnchorRun extends Run {
  readonly tool: string;
  /** Our full build's pages per second over Eleventy's. */
  readonly ratio: number;
}

/**
 * Builds the corpus with Eleventy (`eleventy` from ensureEleventy) in `projectDir`, a folder next
 * to the corpus on the same disk, into `output` there, timed like our builds; undefined, said in
 * one line, if it fails.
 */
export async function runAnchor(eleventy: string, corpus: string, projectDir: string, moduleDir: string, say: (line: string) => void, output = '_site'): Promise<Omit<AnchorRun, 'ratio'> | undefined> {
  writeAnchorProject(projectDir, corpus, moduleDir);
  const out = path.join(projectDir, output);
  settleDisk();
  try {
    const result = await timedNode([eleventy, `--output=${output}`], projectDir);
    const { pages, bytes } = htmlOutput(out);
    return {
      tool: `Eleventy ${ELEVENTY_VERSION}`,
      step: `Eleventy ${ELEVENTY_VERSION} full build (anchor)`,
      pages,
      bytes,
      seconds: result.seconds,
      pagesPerSecond: Math.round(pages / result.seconds),
      peakRssMb: Math.round(result.rssKb / 1024),
      // A new output folder: every page is a new file (Eleventy writes nothing but the pages here).
      filesWritten: pages,
      summary: result.stdout.split('\n').at(-1) ?? '',
    };
  } catch (error) {
    const said = String((error as Error).message).split('\n').find((l) => /error/i.test(l))?.trim();
    say(`anchor: skipped: the Eleventy build failed${said ? ` (${said})` : ''}`);
    return undefined;
  }
}

/** An Eleventy run with our full build's pages per second over its own. */
export function withRatio(anchor: Omit<AnchorRun, 'ratio'>, ours: Run): AnchorRun {
  return { ...anchor, ratio: ours.pages / ours.seconds / (anchor.pages / anchor.seconds) };
}

/** runAnchor, read against our full build `ours`. */
export async function buildAnchor(eleventy: string, corpus: string, projectDir: string, moduleDir: string, ours: Run, say: (line: string) => void): Promise<AnchorRun | undefined> {
  const anchor = await runAnchor(eleventy, corpus, projectDir, moduleDir, say);
  return anchor && withRatio(anchor, ours);
}

export function anchorSummary(ours: Run, anchor: AnchorRun): string {
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  return [
    `anchor: code-compare ${ours.pagesPerSecond} pages/s, ${anchor.tool} ${anchor.pagesPerSecond} pages/s: ${anchor.ratio.toFixed(2)}× (goals: ≥ 2.0× on the benchmark corpus, ≥ 1.5× at 40 codes × 2 languages)`,
    `  same corpus, machine and disk; pages: ours ${ours.pages}, Eleventy's ${anchor.pages}; HTML: ours ${mb(ours.bytes)} MB, Eleventy's ${mb(anchor.bytes)} MB (${(ours.bytes / anchor.bytes).toFixed(1)}× larger);`,
    `  Eleventy renders in one process and one thread (--jobs does not apply to it); ours ${ours.pages >= IN_PROCESS_BELOW ? 'in a worker thread per core, or --jobs' : `in its own thread too (fewer than ${IN_PROCESS_BELOW.toLocaleString('en-US')} pages to render)`}`,
  ].join('\n');
}
