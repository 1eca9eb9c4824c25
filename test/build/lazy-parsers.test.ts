import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, makeSite, makeTempDir, REPO, writeProjectFile } from '../support/site.js';

const CLI = path.join(REPO, 'bin/code-compare.js');
const LIBRARIES = ['gray-matter', 'yaml', 'jsonc-parser', 'piscina'] as const;

/** A build by the compiled program, and which of the libraries above it loaded (read from require's cache as it exits). */
function build(root: string): Record<(typeof LIBRARIES)[number], boolean> {
  const dir = makeTempDir('code-compare-probe-');
  const probe = path.join(dir, 'probe.cjs');
  const loaded = path.join(dir, 'loaded.json');
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const result = spawnSync(process.execPath, ['--require', probe, CLI, 'build', '--root', root, '--base-url', BASE, '--jobs', '1'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/\d+ rendered/);
  const files = JSON.parse(readFileSync(loaded, 'utf8')) as string[];
  const has = (name: string) => files.some((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));
  return Object.fromEntries(LIBRARIES.map((name) => [name, has(name)])) as Record<(typeof LIBRARIES)[number], boolean>;
}

const edit = (root: string, file: string, change: (text: string) => string) => writeProjectFile(root, file, change(readFileSync(path.join(root, file), 'utf8')));

describe('the parsers a build loads', () => {
  it('are those of the files it parses: a label saved loads no YAML, a code saved no JSON parser', () => {
    const root = makeSite({ fixture: 'search' });
    // A clean build parses every file, in this thread.
    expect(build(root)).toEqual({ 'gray-matter': true, yaml: true, 'jsonc-parser': true, piscina: false });
    const saveLabel = (n: number) =>
      edit(root, 'locales/vi.json', (text) => {
        const labels = JSON.parse(text) as { code?: Record<string, string> };
        labels.code = { ...labels.code, description: `Mô tả ${n}` };
        return `${JSON.stringify(labels, null, 2)}\n`;
      });
    // The first edit after a clean build may parse a file again for the position of a warning, which it then remembers.
    saveLabel(1);
    build(root);
    saveLabel(2);
    expect(build(root)).toEqual({ 'gray-matter': false, yaml: false, 'jsonc-parser': true, piscina: false });
    edit(root, 'codes/smtp/550.md', (text) => text.replace(/^title: .*$/m, 'title: Mailbox unavailable for good'));
    expect(build(root)).toEqual({ 'gray-matter': true, yaml: true, 'jsonc-parser': false, piscina: false });
  });
});
