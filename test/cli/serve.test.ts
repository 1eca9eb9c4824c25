import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { parse } from 'node-html-parser';
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

/** Reads a server-sent event stream; resolves with each event's name as it arrives. */
function eventStream(url: string): { next: (name: string) => Promise<void>; close: () => void } {
  const waiting: Array<{ name: string; resolve: () => void }> = [];
  const seen: string[] = [];
  let buffer = '';
  const request = http.get(url, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const name = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1] ?? '';
        buffer = buffer.slice(end + 2);
        const index = waiting.findIndex((w) => w.name === name);
        if (index === -1) seen.push(name);
        else waiting.splice(index, 1)[0]!.resolve();
      }
    });
  });
  request.on('error', () => undefined);
  return {
    next: (name) => {
      const index = seen.indexOf(name);
      if (index !== -1) {
        seen.splice(index, 1);
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push({ name, resolve }));
    },
    close: () => request.destroy(),
  };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

describe('code-compare serve, when a code is saved', () => {
  it('rewrites the page a reader has open first and tells that page to reload; the page then shows the change', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'] });
    const child = spawn(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const lineMatching = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (;;) {
        const found = pattern.exec(stdout);
        if (found) return found;
        await new Promise((resolve) => child.stdout.once('data', resolve));
      }
    };
    try {
      const base = (await lineMatching(/serving (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
      const page = `${base}en/smtp/550/`;
      const events = eventStream(`${base}__code-compare/events?page=${encodeURIComponent('/en/smtp/550/')}`);
      await events.next('state');
      const before = parse(await fetchText(page)).querySelector('h1')?.textContent ?? '';
      expect(before).toContain('Mailbox unavailable');

      const file = path.join(root, 'codes/smtp/550.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Mailbox unavailable', 'title: Mailbox not there'));
      await events.next('reload');
      const after = parse(await fetchText(page)).querySelector('h1')?.textContent ?? '';
      expect(after).toContain('Mailbox not there');
      expect((await lineMatching(/change codes\/smtp\/550\.md: .*open pages shown after \d+ ms/))[0]).toBeTruthy();

      // A label saved next: the update reads the label file again, and only what the watcher named.
      const labels = path.join(root, 'locales/en.json');
      const english = JSON.parse(readFileSync(labels, 'utf8')) as { code: { description: string } };
      english.code.description = 'What it means';
      writeFileSync(labels, JSON.stringify(english, null, 2));
      await events.next('reload');
      const headings = parse(await fetchText(page)).querySelectorAll('h2').map((h) => h.textContent.trim());
      expect(headings).toContain('What it means');
      expect(headings).not.toContain('Description');
      expect(parse(await fetchText(page)).querySelector('h1')?.textContent).toContain('Mailbox not there');
      events.close();
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
