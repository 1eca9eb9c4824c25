// For the scripts that check a built site (validate-site, lighthouse): the output folder named on
// the command line, or the bundled project built into a temporary folder that `remove` deletes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `given` (an output folder) as an absolute path, else a fresh build of the bundled project; exits as the build did if it fails. */
export function outputToCheck(given, prefix) {
  if (given) return { dist: path.resolve(given), remove: () => undefined };
  const temporary = mkdtempSync(path.join(tmpdir(), prefix));
  const dist = path.join(temporary, 'dist');
  const built = spawnSync(process.execPath, ['bin/code-compare.js', 'build', '--out', dist], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
  return { dist, remove: () => rmSync(temporary, { recursive: true, force: true }) };
}
