import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs git in `root` with a fixed identity and, for commits, both dates set to `date`. */
export function git(root: string, args: readonly string[], date?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-C', root, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { env, encoding: 'utf8' });
}

/**
 * Makes `root` a repository whose first commit, at `date`, holds everything in it but the output
 * and the cache beside it, which a project made by `code-compare init` ignores too (a build's
 * trash in the cache is emptied while later commands run).
 */
export function gitInit(root: string, date: string): void {
  const ignore = path.join(root, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, 'dist/\n.code-compare-cache/\n');
  git(root, ['init', '-q']);
  commitAll(root, date, 'first');
}

/** Commits every change in `root` at `date`. */
export function commitAll(root: string, date: string, message: string): void {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', message], date);
}
