import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

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

if (!isMainThread && (workerData as FloorTask | undefined)?.files) {
  const { target, files } = workerData as FloorTask;
  const bytes = Buffer.alloc(Math.max(0, ...files.map(([, size]) => size)), 'a');
  for (const [file, size] of files) {
    const to = path.join(target, file);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, bytes.subarray(0, size));
  }
}
