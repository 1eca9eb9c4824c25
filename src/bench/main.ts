import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus, type CorpusShape } from './corpus.js';
import { writeFloor } from './floor.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'bin/code-compare.js');

interface Run {
  readonly step: string;
  readonly pages: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly pagesPerSecond: number;
  readonly peakRssMb: number;
  readonly filesWritten: number;
  readonly summary: string;
}

/** Inode of every file under `dir`: a file with an inode the previous output did not have was written anew. */
function inodes(dir: string): Map<string, number> {
  const map = new Map<string, number>();
  if (!existsSync(dir)) return map;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
    const stat = statSync(path.join(dir, file));
    if (stat.isFile()) map.set(file, stat.ino);
  }
  return map;
}

function sizeOf(dir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) if (file.endsWith('.html')) total += statSync(path.join(dir, file)).size;
  return total;
}

/** Peak resident set size of a running process, from /proc (kB); 0 once it has exited. */
function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs one build under /usr/bin/time -v, which reports the peak resident set size from outside;
 * without it, the peak is read from /proc while the build runs.
 */
function timedBuild(root: string, out: string, jobs: number | undefined): Promise<{ seconds: number; rssKb: number; stdout: string; stderr: string }> {
  const args = [CLI, 'build', '--root', root, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])];
  const useTime = existsSync('/usr/bin/time');
  const [command, argv] = useTime ? ['/usr/bin/time', ['-v', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let polledKb = 0;
    const poll = useTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, peakRssKb(child.pid!))), 20);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`build exited ${code}\n${stdout}\n${stderr}`));
      const rssKb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) : polledKb;
      resolve({ seconds, rssKb, stdout: stdout.trim(), stderr });
    });
  });
}

/** Writes dirty pages to disk, so a step does not pay for the writeback of the one before it. */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No sync command: the steps are then measured as they come.
  }
}

async function step(name: string, root: string, out: string, jobs: number | undefined): Promise<Run> {
  const before = new Set(inodes(out).values());
  settleDisk();
  const result = await timedBuild(root, out, jobs);
  const after = inodes(out);
  const pages = [...after.keys()].filter((f) => f.endsWith('.html')).length;
  const filesWritten = [...after.values()].filter((ino) => !before.has(ino)).length;
  return {
    step: name,
    pages,
    bytes: sizeOf(out, after.keys()),
    seconds: result.seconds,
    pagesPerSecond: Math.round(pages / result.seconds),
    peakRssMb: Math.round(result.rssKb / 1024),
    filesWritten,
    summary: result.stdout.split('\n').at(-1) ?? '',
  };
}

function table(runs: readonly Run[]): string {
  const header = ['step', 'pages', 'MB', 'seconds', 'pages/s', 'peak RSS MB', 'files written'];
  const rows = runs.map((r) => [r.step, String(r.pages), (r.bytes / 1e6).toFixed(1), r.seconds.toFixed(2), String(r.pagesPerSecond), String(r.peakRssMb), String(r.filesWritten)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

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
    },
  });
  const shape: CorpusShape = values.quick
    ? { codes: 12, languages: 3, families: 1, translated: 0.5 }
    : { codes: Number(values.codes), languages: Number(values.languages), families: Number(values.families), translated: Number(values.translated) };
  const jobs = values.jobs ? Number(values.jobs) : undefined;
  // --dir /dev/shm measures on a RAM disk: what the build costs without this disk's folder creation.
  const root = mkdtempSync(path.join(values.dir ?? tmpdir(), 'code-compare-bench-'));
  try {
    const { languages } = writeCorpus(root, REPO, shape);
    const out = path.join(root, 'dist');
    const label = `${shape.codes} codes × ${languages.length} languages × ${shape.families} ${shape.families === 1 ? 'family' : 'families'}`;
    process.stdout.write(`benchmark: ${label} (corpus in ${root})\n`);
    const runs: Run[] = [];
    runs.push(await step('full build', root, out, jobs));
    runs.push(await step('no-op rebuild', root, out, jobs));
    const codeFiles = readdirSync(path.join(root, 'codes/family1')).filter((f) => /^\d+\.md$/.test(f)).map((f) => path.join(root, 'codes/family1', f));
    const changeCode = (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace('description: >-\n  ', 'description: >-\n  Changed. '));
    // The first build after a clean one makes a new folder tree; later ones update the output kept from the build before.
    changeCode(codeFiles[0]!);
    runs.push(await step('one code changed, first edit', root, out, jobs));
    changeCode(codeFiles[1]!);
    runs.push(await step('one code changed', root, out, jobs));
    const viFile = path.join(root, 'locales', `${languages.includes('vi') ? 'vi' : languages.at(-1)}.json`);
    const labels = JSON.parse(readFileSync(viFile, 'utf8'));
    labels.code.description = `${labels.code.description} *`;
    writeFileSync(viFile, JSON.stringify(labels, null, 2));
    runs.push(await step('one label changed', root, out, jobs));
    // Last, so that removing its files does not slow the steps measured after it.
    settleDisk();
    const floorSeconds = await writeFloor(out, path.join(root, 'floor'));
    process.stdout.write(`${table(runs)}\n`);
    const full = runs[0]!;
    process.stdout.write(`floor: writing the same ${full.pages} files with nothing rendered takes ${floorSeconds.toFixed(2)} s (${Math.round(full.pages / floorSeconds)} pages/s) on this disk\n`);
    for (const run of runs.slice(1)) process.stdout.write(`${run.step}: ${((run.seconds / full.seconds) * 100).toFixed(1)} % of the full build\n`);
    const report = { shape: { ...shape, languages: languages.length }, jobs: jobs ?? 'cores', node: process.version, runs, floor: { seconds: floorSeconds, pagesPerSecond: Math.round(full.pages / floorSeconds) } };
    const file = values.json ?? path.join(REPO, 'bench-results', `bench-${shape.codes}x${languages.length}x${shape.families}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}

await main();
