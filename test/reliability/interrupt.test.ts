import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { makeTempDir, REPO } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

const CLI = path.join(REPO, 'bin/code-compare.js');

function corpus(): string {
  const root = makeTempDir('code-compare-kill-');
  writeCorpus(root, REPO, { codes: 20, languages: 5, families: 1, translated: 0.5 });
  return root;
}

/** A corpus built once, then changed, so the next build has pages to render. */
async function builtAndChanged(): Promise<{ root: string; before: Record<string, string> }> {
  const root = corpus();
  expect(await build(root)).toBe(0);
  const before = snapshot(path.join(root, 'dist'));
  const file = path.join(root, 'locales/en.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"Skip to main content"', '"Skip to the content"'));
  return { root, before };
}

function build(root: string): Promise<number> {
  return new Promise((resolve) => spawn(process.execPath, [CLI, 'build', '--root', root], { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1)));
}

/** Starts a build and sends `signal` once its staging folder holds rendered pages. */
async function interrupted(root: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawStaging: boolean }> {
  const child = spawn(process.execPath, [CLI, 'build', '--root', root], { stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  const staging = path.join(root, `.dist.building-${child.pid}`);
  let sawStaging = false;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (existsSync(path.join(staging, 'en'))) {
      sawStaging = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { ...(await exited), sawStaging };
}

describe('a build that is interrupted', () => {
  it('leaves the previous output complete when killed with SIGKILL, and the next build cleans up', async () => {
    const { root, before } = await builtAndChanged();
    const result = await interrupted(root, 'SIGKILL');
    expect(result.sawStaging).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    expect(await build(root)).toBe(0);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
    expect(snapshot(path.join(root, 'dist'))).not.toEqual(before);
  }, 180_000);

  it('removes its temporary folder and exits 130 on SIGINT, leaving the previous output as it was', async () => {
    const { root, before } = await builtAndChanged();
    const result = await interrupted(root, 'SIGINT');
    expect(result.sawStaging).toBe(true);
    expect(result.code).toBe(130);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  }, 180_000);
});
