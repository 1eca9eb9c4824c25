import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { backgroundDone } from '../../src/bench/measure.js';

export const BUNDLED_BASE = 'https://codes.example.com/reference/';

declare module 'vitest' {
  export interface ProvidedContext {
    bundledDist: string;
  }
}

/** Builds the bundled project once (with the compiled CLI, --strict: a warning fails it) for the test files that check its pages. */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'code-compare-bundled-'));
  const dist = path.join(dir, 'dist');
  const repo = path.resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, [path.join(repo, 'bin/code-compare.js'), 'build', '--root', repo, '--out', dist, '--base-url', BUNDLED_BASE, '--strict'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the bundled site failed:\n${result.stderr}`);
  project.provide('bundledDist', dist);
  // The build's copy of its output for the next build, and the emptying of its trash, run in processes
  // of their own (write/kept-copy.ts, write/trash.ts): a short run may end before they do.
  return async () => {
    await backgroundDone(dist);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
}
