import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { copiesUnderWay } from '../write/kept-copy.js';
import { keptOutput } from '../write/output.js';
import { processAlive } from '../write/process-alive.js';
import { trashFolders } from '../write/trash.js';

export interface Run {
  readonly step: string;
  readonly pages: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly pagesPerSecond: number;
  readonly peakRssMb: number;
  readonly filesWritten: number;
  readonly summary: string;
  /** Seconds the next step waited, after this one ended, for what the build left to processes of its own (the copy of its output, emptying its trash). */
  readonly backgroundSeconds?: number;
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

/** The HTML pages under `dir` and their total size in bytes. */
export function htmlOutput(dir: string): { pages: number; bytes: number } {
  const files = [...inodes(dir).keys()].filter((f) => f.endsWith('.html'));
  return { pages: files.length, bytes: sizeOf(dir, files) };
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

export interface Timed {
  readonly seconds: number;
  readonly rssKb: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node ARGS` in `cwd` under /usr/bin/time -v, which reports the peak resident set size from
 * outside; without it, the peak is read from /proc while the process runs.
 */
export function timedNode(args: readonly string[], cwd?: string): Promise<Timed> {
  const useTime = existsSync('/usr/bin/time');
  const [command, argv] = useTime ? ['/usr/bin/time', ['-v', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (code !== 0) return reject(new Error(`${args.slice(0, 2).map((a) => path.basename(a)).join(' ')} exited ${code}\n${stdout}\n${stderr}`));
      const rssKb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) : polledKb;
      resolve({ seconds, rssKb, stdout: stdout.trim(), stderr });
    });
  });
}

/** Runs one build of code-compare, timed as timedNode does. */
export function timedBuild(cli: string, root: string, out: string, jobs: number | undefined): Promise<Timed> {
  return timedNode([cli, 'build', '--root', root, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])]);
}

/** Writes dirty pages to disk, so a step does not pay for the writeback of the one before it. */
export function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No sync command: the steps are then measured as they come.
  }
}

export async function step(cli: string, name: string, root: string, out: string, jobs: number | undefined): Promise<Run> {
  const before = new Set(inodes(out).values());
  settleDisk();
  const result = await timedBuild(cli, root, out, jobs);
  // A build may leave a copy of its output, and the emptying of its trash, under way in the background: no step is measured beside them.
  const background = await backgroundDone(out);
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
    ...(background > 0 ? { backgroundSeconds: background } : {}),
  };
}

/**
 * Waits for what a build left to processes of its own: the copy of its output, the emptying of its
 * trash; the seconds waited (0 when there was nothing). No step is measured beside them: see emptyTrashLater.
 */
export async function backgroundDone(out: string, timeoutMs = 120_000): Promise<number> {
  const start = performance.now();
  // A folder is named after the build until the process working on it takes it (within a second or
  // two); after that, a folder whose process has ended is one it left, waited for no longer.
  const pending = () => [...copiesUnderWay(out), ...trashFolders(path.dirname(keptOutput(out)), path.basename(out))];
  const waiting = () => pending().some((work) => performance.now() - start < 3000 || processAlive(work.owner));
  while (waiting() && performance.now() - start < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 25));
  return pending().length > 0 || performance.now() - start < 25 ? 0 : (performance.now() - start) / 1000;
}

export function table(runs: readonly Run[]): string {
  const header = ['step', 'pages', 'MB', 'seconds', 'pages/s', 'peak RSS MB', 'files written'];
  const rows = runs.map((r) => [r.step, String(r.pages), (r.bytes / 1e6).toFixed(1), r.seconds.toFixed(2), String(r.pagesPerSecond), String(r.peakRssMb), String(r.filesWritten)]);
  return formatTable(header, rows, true);
}

/** Columns padded to their widest cell and right-aligned, the first left-aligned if `leftFirst`. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], leftFirst = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((c, i) => (i === 0 && leftFirst ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

