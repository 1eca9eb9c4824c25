import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import type { Run } from './measure.js';
import type { RenderFloor } from './render-floor.js';

interface FloorTask {
  readonly target: string;
  readonly files: ReadonlyArray<readonly [string, number]>;
}

/**
 * The cost of the output alone: the same folders and files of the same sizes as `source`, written
 * by one thread per core with nothing rendered. A build cannot be faster than this on the same disk.
 */
export async function writeFloor(source: string, target: string): Promise<number> {
  const files = (readdirSync(source, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, statSync(path.join(source, f)).size] as const);
  rmSync(target, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  for (const dir of new Set(files.map(([f]) => path.dirname(path.dirname(f))))) mkdirSync(path.join(target, dir), { recursive: true });
  const threads = availableParallelism();
  await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const task: FloorTask = { target, files: files.filter((_, k) => k % threads === i) };
      return new Promise<void>((resolve, reject) => new Worker(new URL(import.meta.url), { workerData: task }).on('error', reject).on('exit', () => resolve()));
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(target, { recursive: true, force: true });
  return seconds;
}

/** What a build of the corpus cannot go below on this machine and disk. */
export interface Floor {
  readonly pages: number;
  readonly cores: number;
  /** Every page rendered in memory by one thread: the render's CPU time (render-floor.ts). */
  readonly renderSeconds: number;
  /** The same, a share per core, all at once: what the cores give together. */
  readonly parallelSeconds: number;
  /** The files written with nothing rendered, one thread per core (writeFloor). */
  readonly writeSeconds: number;
  /** The render's CPU time spread evenly over the cores, then the writes. */
  readonly seconds: number;
  /** The render on every core at once as measured, then the writes. */
  readonly measuredSeconds: number;
}

export function buildFloor(one: RenderFloor, parallel: RenderFloor, writeSeconds: number): Floor {
  const cores = parallel.threads;
  return { pages: one.pages, cores, renderSeconds: one.seconds, parallelSeconds: parallel.seconds, writeSeconds, seconds: one.seconds / cores + writeSeconds, measuredSeconds: parallel.seconds + writeSeconds };
}

/** The floor's parts and how far the full build is above it (the goal: within 1.5× on a RAM disk). */
export function floorSummary(floor: Floor, full: Run): string {
  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  const times = (floorSeconds: number) => `${(full.seconds / floorSeconds).toFixed(2)}×`;
  return [
    `floor: rendering all ${floor.pages} pages in memory takes ${s(floor.renderSeconds)} in one thread, ${s(floor.parallelSeconds)} on ${floor.cores} threads at once (${(floor.renderSeconds / floor.parallelSeconds).toFixed(2)}× as fast); writing the same ${full.pages} files with nothing rendered ${s(floor.writeSeconds)} (${Math.round(full.pages / floor.writeSeconds)} pages/s) on this disk`,
    `  floor ${s(floor.seconds)} (the render's CPU time over ${floor.cores} cores, then the writes): the full build took ${times(floor.seconds)} that (goal: within 1.5× on a RAM disk); against the render as the cores ran it at once (${s(floor.measuredSeconds)}), ${times(floor.measuredSeconds)}`,
  ].join('\n');
}

if (!isMainThread && (workerData as FloorTask | undefined)?.files) {
  const { target, files } = workerData as FloorTask;
  const bytes = Buffer.alloc(Math.max(0, ...files.map(([, size]) => size)), 'a');
  for (const [file, size] of files) {
    const to = path.join(target, file);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, bytes.subarray(0, size));
  }
}
