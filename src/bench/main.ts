import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { anchorSummary, buildAnchor, ensureEleventy, type AnchorRun } from './anchor.js';
import { prependToDescription, writeCorpus, type CorpusShape } from './corpus.js';
import { describeDisk, diskNote } from './disk.js';
import { buildFloor, floorSummary, writeFloor } from './floor.js';
import { renderFloor } from './render-floor.js';
import { anchorPairs, anchorPairsSummary } from './anchor-runs.js';
import { settleDisk, step, table, type Run } from './measure.js';
import { measureScale, scaleTable, type ScalePoint } from './scale.js';
import { bundledEdits, copyBundled } from './bundled.js';
import { serveRoundTrips } from './serve.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const CLI = path.join(REPO, 'bin/code-compare.js');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      codes: { type: 'string', default: '100' },
      languages: { type: 'string', default: '10' },
      families: { type: 'string', default: '1' },
      translated: { type: 'string', default: '0.5' },
      jobs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      dir: { type: 'string' },
      scale: { type: 'boolean', default: false },
      'round-trips': { type: 'string', default: '5' },
      anchor: { type: 'boolean', default: false },
      bundled: { type: 'boolean', default: false },
      'anchor-dir': { type: 'string' },
      'anchor-runs': { type: 'string', default: '1' },
    },
  });
  const shape: CorpusShape = values.quick
    ? { codes: 12, languages: 3, families: 1, translated: 0.5 }
    : { codes: Number(values.codes), languages: Number(values.languages), families: Number(values.families), translated: Number(values.translated) };
  const jobs = values.jobs ? Number(values.jobs) : undefined;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (values.anchor && values.quick) say('anchor: skipped: --anchor is off with --quick');
  const anchorRuns = Number(values['anchor-runs']);
  if (!Number.isInteger(anchorRuns) || anchorRuns < 1) {
    process.stderr.write(`bench: --anchor-runs takes a whole number of runs, 1 or more (got ${values['anchor-runs']})\n`);
    process.exit(2);
  }
  if (anchorRuns > 1 && !values.anchor) say('anchor: --anchor-runs applies with --anchor only');
  // Installed before anything is measured, so that its downloads and writes weigh on no step.
  const eleventy = values.anchor && !values.quick ? ensureEleventy(values['anchor-dir'] ?? path.join(tmpdir(), 'code-compare-bench-anchor'), say) : undefined;
  // --dir /dev/shm measures on a RAM disk: what the build costs without this disk's folder creation.
  const root = mkdtempSync(path.join(values.dir ?? tmpdir(), 'code-compare-bench-'));
  // The Eleventy project and its output: next to the corpus, on the same disk.
  const anchorDir = eleventy ? mkdtempSync(path.join(values.dir ?? tmpdir(), 'code-compare-anchor-')) : undefined;
  try {
    const { languages } = writeCorpus(root, REPO, shape);
    const out = path.join(root, 'dist');
    const label = `${shape.codes} codes × ${languages.length} languages × ${shape.families} ${shape.families === 1 ? 'family' : 'families'}`;
    process.stdout.write(`benchmark: ${label} (corpus in ${root}${anchorDir ? `, Eleventy project in ${anchorDir}` : ''})\n`);
    const disk = describeDisk(root);
    const aboutDisk = diskNote(disk);
    if (aboutDisk) say(aboutDisk);
    const runs: Run[] = [];
    runs.push(await step(CLI, 'full build', root, out, jobs));
    const anchor: AnchorRun | undefined = eleventy && anchorDir ? await buildAnchor(eleventy, root, anchorDir, HERE, runs[0]!, say) : undefined;
    runs.push(await step(CLI, 'no-op rebuild', root, out, jobs));
    const codeFiles = readdirSync(path.join(root, 'codes/family1')).filter((f) => /^\d+\.md$/.test(f)).map((f) => path.join(root, 'codes/family1', f));
    const changeCode = (file: string, text = 'Changed.') => prependToDescription(file, text);
    // The first build after a clean one makes a new folder tree; later ones update the output kept from the build before.
    changeCode(codeFiles[0]!);
    runs.push(await step(CLI, 'one code changed, first edit', root, out, jobs));
    changeCode(codeFiles[1]!);
    runs.push(await step(CLI, 'one code changed', root, out, jobs));
    // The codes above are translated into every language, so only their English pages change; a code no language translates changes its pages in all of them.
    const untranslated = codeFiles.find((file) => !languages.some((tag) => existsSync(path.join(root, 'locales', tag, 'family1', path.basename(file)))));
    if (untranslated) {
      changeCode(untranslated);
      runs.push(await step(CLI, 'one untranslated code changed', root, out, jobs));
    } else {
      say('one untranslated code changed: skipped, every code has a translation');
    }
    const viFile = path.join(root, 'locales', `${languages.includes('vi') ? 'vi' : languages.at(-1)}.json`);
    const labels = JSON.parse(readFileSync(viFile, 'utf8'));
    labels.code.description = `${labels.code.description} *`;
    writeFileSync(viFile, JSON.stringify(labels, null, 2));
    runs.push(await step(CLI, 'one label changed', root, out, jobs));
    // The preview: from saving a code to its open page showing the change (other codes than those built above).
    settleDisk();
    const trips = await serveRoundTrips(CLI, root, codeFiles.slice(2, 2 + Number(values['round-trips'])).map((file) => ({ page: `/en/family1/${path.basename(file, '.md')}/`, save: (marker: string) => changeCode(file, marker) })));
    // A lead in every run is the goal: more pairs of clean builds, after the steps (see anchor-runs.ts).
    const pairs = eleventy && anchorDir && anchor ? await anchorPairs({ cli: CLI, eleventy, corpus: root, anchorDir, moduleDir: HERE, jobs, say }, anchorRuns - 1) : [];
    const rendering = [await renderFloor(root, 1), await renderFloor(root, availableParallelism())] as const;
    // Last, so that removing its files does not slow the steps measured after it.
    settleDisk();
    const floorSeconds = await writeFloor(out, path.join(root, 'floor'));
    process.stdout.write(`${table(anchor ? [runs[0]!, anchor, ...runs.slice(1)] : runs)}\n`);
    if (anchor) say(anchorSummary(runs[0]!, anchor));
    if (anchor && pairs.length > 0) say(anchorPairsSummary(anchor.ratio, pairs));
    if (trips.length) say(`serve round trip (save a code → its open page shows it), ${tripSummary(trips)}`);
    const full = runs[0]!;
    const floor = buildFloor(...rendering, floorSeconds);
    say(floorSummary(floor, full));
    for (const run of runs) if (run.backgroundSeconds) say(`after "${run.step}": what it left to processes of its own (its output's kept copy, emptying its trash) took ${run.backgroundSeconds.toFixed(2)} s more (not in the step's time; the next step started after it)`);
    for (const run of runs.slice(1)) process.stdout.write(`${run.step}: ${((run.seconds / full.seconds) * 100).toFixed(1)} % of the full build\n`);
    let scale: ScalePoint[] | undefined;
    if (values.scale) {
      scale = await measureScale(CLI, REPO, values.dir ?? tmpdir());
      process.stdout.write(`full builds of three families in ten languages, by size:\n${scaleTable(scale)}\n`);
    }
    let bundled: { code: number[]; label: number[] } | undefined;
    if (values.bundled) {
      // The bundled site (about 64,000 pages) in a copy: a code's text and a Vietnamese label saved in turn.
      const copy = copyBundled(REPO, values.dir ?? tmpdir());
      try {
        settleDisk();
        const times = await serveRoundTrips(CLI, copy, bundledEdits(copy, 2 * Number(values['round-trips'])));
        bundled = { code: times.filter((_, i) => i % 2 === 0), label: times.filter((_, i) => i % 2 === 1) };
        say(`serve round trip on the bundled site, a code saved: ${tripSummary(bundled.code)}`);
        say(`serve round trip on the bundled site, a Vietnamese label saved: ${tripSummary(bundled.label)}`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }
    const report = { shape: { ...shape, languages: languages.length }, jobs: jobs ?? 'cores', node: process.version, disk, runs, serveRoundTrips: trips, bundledRoundTrips: bundled, floor, anchor, anchorPairs: pairs, scale };
    const file = values.json ?? path.join(REPO, 'bench-results', `bench-${shape.codes}x${languages.length}x${shape.families}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  } finally {
    if (!values.keep) for (const dir of [root, anchorDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Round-trip times as `N edits: median M ms, A–B ms`. */
function tripSummary(trips: readonly number[]): string {
  const sorted = [...trips].sort((a, b) => a - b);
  const ms = (seconds: number) => (seconds * 1000).toFixed(0);
  return `${trips.length} edits: median ${ms(sorted[Math.floor(sorted.length / 2)]!)} ms, ${ms(sorted[0]!)}–${ms(sorted.at(-1)!)} ms`;
}

await main();
