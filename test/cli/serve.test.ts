import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { makeSite, makeTempDir, REPO } from '../support/site.js';

describe('code-compare serve on a port that is in use', () => {
  it('says so in one line with a hint, exits 1, and does not build first', async () => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json'] });
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      // The preview is built under the system's temporary folder: given one of its own, it stays empty.
      const temporary = makeTempDir();
      const result = spawnSync(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'serve', '--root', root, '--port', String(port)], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, TMPDIR: temporary } });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`error: port ${port} on 127.0.0.1 is already in use; pass --port N for another port, or --port 0 for any free one\n`);
      expect(readdirSync(temporary)).toEqual([]);
    } finally {
      taken.close();
    }
  });
});
