import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeSite, REPO, run } from '../support/site.js';

describe('command-line usage', () => {
  it.each([
    [[]],
    [['build', '--no-such-option']],
    [['frobnicate']],
    [['build', '--jobs', 'many']],
    [['new-locale']],
  ])('exits 2 with help text for %j', async (argv) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: code-compare/);
  });

  it('exits 0 for --help and lists every command of the contract', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    for (const command of ['build', 'check', 'status', 'serve', 'new-locale']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('builds with the base URL configured in package.json when --base-url is absent', async () => {
    const root = makeSite({ fixture: 'clean', files: { 'package.json': JSON.stringify({ codeCompare: { baseUrl: 'https://docs.example.org/codes' } }) } });
    const result = await run('build', '--root', root, '--jobs', '1');
    expect(result.code, result.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${root}/dist/en/smtp/250/index.html`, 'utf8')).toContain('<link rel="canonical" href="https://docs.example.org/codes/en/smtp/250/">');
  });

  it('exits 2 when no base URL is given or configured', async () => {
    const result = await run('build', '--root', makeSite({ fixture: 'clean' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no base URL/);
  });
});

describe('output read by a program that stops early', () => {
  it('ends quietly with exit 0 when the reader closes the pipe (export | head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'export', '--root', REPO, '--lang', 'vi', '--format', 'po'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  });
});
