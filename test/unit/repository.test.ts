import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayBeInRepository } from '../../src/load/history.js';
import { git } from '../support/git.js';

const base = mkdtempSync(path.join(tmpdir(), 'code-compare-repository-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** What git itself says: whether it finds a repository from `dir`. */
function gitFinds(dir: string, env: NodeJS.ProcessEnv = {}): boolean {
  try {
    execFileSync('git', ['-C', dir, 'rev-parse', '--git-dir'], { stdio: 'ignore', env: { ...process.env, ...env } });
    return true;
  } catch {
    return false;
  }
}

describe('whether a project may be in a git repository (git is asked only then)', () => {
  const plain = path.join(base, 'plain', 'site');
  const repo = path.join(base, 'repo');
  const inside = path.join(repo, 'docs', 'site');
  const linked = path.join(base, 'linked');
  const bare = path.join(base, 'bare.git');
  mkdirSync(plain, { recursive: true });
  mkdirSync(inside, { recursive: true });
  git(repo, ['init', '-q']);
  symlinkSync(inside, linked);
  mkdirSync(bare);
  git(bare, ['init', '-q', '--bare']);

  it('agrees with git on a folder outside any repository, a repository, a folder in one, a link into one and a bare one', () => {
    const cases = { plain, repo, inside, linked, bare };
    const ours = Object.fromEntries(Object.entries(cases).map(([name, dir]) => [name, mayBeInRepository(dir)]));
    const git = Object.fromEntries(Object.entries(cases).map(([name, dir]) => [name, gitFinds(dir)]));
    expect(ours).toEqual(git);
    // The temporary folder is in no repository on any machine this runs on; if it were, the case proves nothing.
    expect(git.plain).toBe(false);
    expect(ours.inside).toBe(true);
  });

  it('leaves the answer to git when GIT_DIR names a repository', () => {
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(repo, '.git');
    try {
      expect(mayBeInRepository(plain)).toBe(true);
      expect(gitFinds(plain, { GIT_DIR: path.join(repo, '.git') })).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it('leaves the answer to git for a folder that does not exist', () => {
    expect(mayBeInRepository(path.join(base, 'missing'))).toBe(true);
  });
});
