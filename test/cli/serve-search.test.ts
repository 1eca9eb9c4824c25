import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../support/search-index.js';
import { makeSite, REPO, writeProjectFile } from '../support/site.js';

describe('code-compare serve with search', () => {
  it('serves a search index made on demand, and a new one after a change', async () => {
    const root = makeSite({ fixture: 'search' });
    const child = spawn(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const waitFor = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => /serving http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 'the server');
      const base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const entry = async () => (await (await fetch(`${base}pagefind/pagefind-entry.json`)).json()) as SearchEntry;
      const before = await entry();
      expect(Object.keys(before.languages).sort()).toEqual(['ar', 'en', 'pt-br', 'vi', 'zh-cn']);
      const runtime = await fetch(`${base}pagefind/pagefind.js`);
      expect(runtime.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await fetch(`${base}pagefind/pagefind.${before.languages.vi!.hash}.pf_meta`)).status).toBe(200);
      expect((await fetch(`${base}pagefind/no-such-file`)).status).toBe(404);

      const file = path.join(root, 'locales/vi/smtp/450.md');
      writeProjectFile(root, 'locales/vi/smtp/450.md', readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Hộp thư tạm khóa'));
      await waitFor(() => /change locales\/vi\/smtp\/450\.md: \d+ rendered/.test(stdout), 'the rebuild');
      const after = await entry();
      expect(after.languages.vi!.hash).not.toBe(before.languages.vi!.hash);
      expect(after.languages.en!.hash).toBe(before.languages.en!.hash);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
