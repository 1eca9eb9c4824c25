import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Content file (`codes/smtp/550.md`) → when it last changed, as an ISO date in UTC to the second. */
export type ContentDates = ReadonlyMap<string, string>;

const FOLDERS = ['codes', 'locales'];

/**
 * Whether git could find a repository for `root`: a `.git` in it or in a folder above its real path,
 * a bare repository's own folder, or GIT_DIR set. Without any of them git is not asked: starting it
 * costs a build 10–30 ms (a process forked from this one) to learn nothing.
 */
export function mayBeInRepository(root: string): boolean {
  if (process.env.GIT_DIR) return true;
  let dir: string;
  try {
    dir = realpathSync(root);
  } catch {
    return true;
  }
  const has = (name: string) => existsSync(path.join(dir, name));
  for (;;) {
    if (has('.git') || (has('HEAD') && has('objects') && has('refs'))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

/** A git command run in `root`; undefined when git is missing, `root` is in no repository, or it fails. */
function git(root: string, args: readonly string[]): Promise<string | undefined> {
  if (!mayBeInRepository(root)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, '-c', 'log.showSignature=false', '-c', 'core.quotePath=false', ...args],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

const isoSeconds = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Reads `git log` output made with `--format=%x01%ct --name-status -z`: per commit its date, then
 * pairs of a status letter and a path. Keeps each path's latest change, and drops paths whose
 * latest change deleted them (a file by that name now is not the one the history knows).
 */
export function parseLog(output: string): Map<string, string> {
  const latest = new Map<string, { seconds: number; deleted: boolean }>();
  let seconds = 0;
  let status: string | undefined;
  for (const raw of output.split('\0')) {
    const token = raw.replace(/^\n/, '');
    if (token.startsWith('\u0001')) {
      seconds = Number(token.slice(1));
      status = undefined;
    } else if (status === undefined) {
      status = token;
    } else {
      const known = latest.get(token);
      if (!known || seconds > known.seconds) latest.set(token, { seconds, deleted: status === 'D' });
      status = undefined;
    }
  }
  const dates = new Map<string, string>();
  for (const [file, change] of latest) if (!change.deleted && Number.isFinite(change.seconds) && change.seconds > 0) dates.set(file, isoSeconds(change.seconds));
  return dates;
}

/** Roots found to be in no git repository (or without git), for the life of the process. */
const outsideRepository = new Set<string>();

/**
 * When each file under codes/ and locales/ last changed: its last commit's committer date, from
 * one `git log` over both folders. A file that differs from the last commit (changed, staged, new
 * or ignored) has no date, and so has every file when the root is in no git repository, git is not
 * installed, or the repository has no commit: a date must be the same on every build of the same input.
 */
export async function readContentDates(root: string): Promise<ContentDates> {
  // Outside a repository there is nothing to ask git; a preview server would ask on every update.
  if (outsideRepository.has(root)) return new Map();
  const [log, changed] = await Promise.all([
    git(root, ['log', '--no-renames', '--relative', '--format=%x01%ct', '--name-status', '-z', '--', ...FOLDERS]),
    git(root, ['diff', '--no-renames', '--relative', '--name-only', '-z', 'HEAD', '--', ...FOLDERS]),
  ]);
  if (log === undefined || changed === undefined) {
    if ((await git(root, ['rev-parse', '--git-dir'])) === undefined) outsideRepository.add(root);
    return new Map();
  }
  const dates = parseLog(log);
  for (const file of changed.split('\0')) dates.delete(file);
  return dates;
}

/**
 * The commit HEAD names, or '' outside a repository: with the bytes of the files, it decides the
 * dates readContentDates gives (a commit of unchanged bytes gives files a date they lacked).
 */
export async function repositoryHead(root: string): Promise<string> {
  return (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim() ?? '';
}
