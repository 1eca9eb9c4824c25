import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, REPO, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

const CLI = path.join(REPO, 'bin/code-compare.js');
const code250 = readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8');
const site = () => makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });

/** The CLI in a process whose heap is capped at 128 MB: a build that takes memory without limit dies (exit 134), not 1. */
function build(root: string) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--max-old-space-size=128', CLI, 'build', '--root', root, '--base-url', 'https://codes.example.com/', '--jobs', '1'], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  return `---\ncode: "250"\n${lines.join('\n')}\n---\n`;
}

function manyLabels(count: number): string {
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i++) labels[`k${i}`] = "x";
  return JSON.stringify({ ...JSON.parse(readFileSync(path.join(REPO, 'locales/vi.json'), 'utf8')), extra: labels });
}

describe('input that would take memory without limit gets a clear error and a bounded build', () => {
  it.each([
    ['a billion-laughs alias expansion in a code file', (root: string) => writeProjectFile(root, 'codes/smtp/250.md', billionLaughs()), /^codes\/smtp\/250\.md:4:\d+: error: aliases here expand to too much data \(more than 100 copies\); write the values out \[input-limit\]$/m],
    ['a 50 MB code file', (root: string) => {
      writeProjectFile(root, 'codes/smtp/250.md', code250);
      truncateSync(path.join(root, 'codes/smtp/250.md'), 50 * 1024 * 1024);
    }, /^codes\/smtp\/250\.md:1:1: error: the file has 50\.0 MB; a file like it may have at most 1\.0 MB \[input-limit\]$/m],
    ['a label file of 100,000 keys', (root: string) => writeProjectFile(root, 'locales/vi.json', manyLabels(100_000)), /^locales\/vi\.json:1:\d+: error: a label file may hold at most 10,000 labels; this is the next one \[input-limit\]$/m],
    ['an English label file of 100,000 keys', (root: string) => writeProjectFile(root, 'locales/en.json', manyLabels(100_000)), /^locales\/en\.json:1:\d+: error: a label file may hold at most 10,000 labels; this is the next one \[input-limit\]$/m],
    ['a label file nested 100,000 deep', (root: string) => writeProjectFile(root, 'locales/vi.json', `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`), /^locales\/vi\.json:1:161: error: nested more than 32 levels deep \[input-limit\]$/m],
    ['a front matter nested 50,000 deep', (root: string) => writeProjectFile(root, 'codes/smtp/250.md', `---\ncode: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n`), /^codes\/smtp\/250\.md:\d+:\d+: error: the front matter is nested too deeply to read \[input-limit\]$/m],
  ])('%s', async (_, make, expected) => {
    const root = site();
    const first = build(root);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(path.join(root, 'dist'));
    make(root);
    const result = build(root);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.seconds).toBeLessThan(20);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });
});

describe('input that is not text', () => {
  it('refuses a NUL byte, at its position', async () => {
    const root = site();
    writeProjectFile(root, 'codes/smtp/250.md', code250.replace('okay', 'ok\u0000ay'));
    const result = build(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^codes\/smtp\/250\.md:3:32: error: the control character U\+0000 is not allowed in text; remove it \[encoding\]$/m);
  });

  it('refuses a code file that is a named pipe instead of waiting on it forever', async () => {
    const root = site();
    spawnSync('mkfifo', [path.join(root, 'codes/smtp/251.md')]);
    const result = build(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^codes\/smtp\/251\.md:1:1: error: codes\/smtp\/251\.md is not a regular file \[input-limit\]$/m);
  });

  it('never runs front matter written as JavaScript (`---js`)', async () => {
    const root = site();
    const proof = path.join(root, 'evaluated');
    writeProjectFile(root, 'codes/smtp/251.md', `---js\n{ code: (require('fs').writeFileSync(${JSON.stringify(proof)}, 'x'), '251') }\n---\n`);
    const result = build(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^codes\/smtp\/251\.md:1:1: error: file must start with YAML front matter between two `---` lines \[front-matter-missing\]$/m);
    expect(existsSync(proof)).toBe(false);
  });
});

describe('a label that would take time without limit is read in linear time', () => {
  // Found by the fuzzer: an unclosed `{{` before 100,000 characters took 35 s (the placeholder
  // pattern backtracked over the whole rest of the label); 300,000 of them never finished.
  it.each([
    ['an unclosed placeholder before 200,000 characters', `{{${'x'.repeat(200_000)}`],
    ['300,000 unclosed placeholders', '{{'.repeat(300_000)],
  ])('%s', (_, value) => {
    const root = site();
    const labels = JSON.parse(readFileSync(path.join(root, 'locales/vi.json'), 'utf8'));
    labels.site.name = value;
    writeProjectFile(root, 'locales/vi.json', JSON.stringify(labels));
    const result = build(root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^locales\/vi\.json:1:\d+: warning: `site\.name`: unbalanced braces in ".*"; a placeholder is written \{\{name\}\}; (English|code-compare's own vi label) is used instead \[placeholder-syntax\]$/m);
    expect(result.seconds).toBeLessThan(20);
  });
});
