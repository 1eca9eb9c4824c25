import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndexedPages } from '../support/search-index.js';
import { BASE, makeSite, REPO, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';
import { startsIndexFirst } from '../../src/write/index-first.js';

const CLI = path.join(REPO, 'bin/code-compare.js');

/** A build by the compiled program with its phases traced: the phase names in order, and the summary. */
function tracedBuild(root: string, ...extra: string[]): { phases: string[]; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--base-url', BASE, '--jobs', '1', ...extra], { encoding: 'utf8', env: { ...process.env, CODE_COMPARE_TRACE: '1' } });
  expect(result.status, result.stderr).toBe(0);
  const phases = result.stderr.split('\n').flatMap((line) => /^trace: (.*?) \d+ ms /.exec(line)?.slice(1) ?? []);
  return { phases, stdout: result.stdout };
}

const replaceIn = (root: string, file: string, from: RegExp | string, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toMatch(from);
  writeProjectFile(root, file, text.replace(from, to));
};

describe('a build that changes searchable pages, from a kept output', () => {
  it('renders them and starts the index before hashing the other pages, and makes what a clean build makes', () => {
    const root = makeSite({ fixture: 'search' });
    tracedBuild(root);
    replaceIn(root, 'codes/smtp/550.md', /^title: .*$/m, 'title: Mailbox refused');
    // The first build's output is kept from here on: the next build starts from it.
    const second = tracedBuild(root);
    expect(second.phases.some((phase) => phase.endsWith("before the other pages' hashes"))).toBe(false);
    replaceIn(root, 'codes/smtp/550.md', /^title: .*$/m, 'title: Mailbox unavailable for good');

    const third = tracedBuild(root);
    const early = third.phases.findIndex((phase) => /^searchable pages rendered \(\d+\) before the other pages' hashes$/.test(phase));
    expect(early, third.phases.join('\n')).toBeGreaterThan(-1);
    expect(Number(/\((\d+)\)/.exec(third.phases[early]!)![1])).toBeGreaterThan(0);
    expect(early).toBeLessThan(third.phases.indexOf('hash page inputs'));
    expect(readIndexedPages(path.join(root, 'dist')).find((page) => page.url === '/en/smtp/550/')!.content).toContain('Mailbox unavailable for good');

    // By the same program: a build from the TypeScript sources hashes other code into its manifest.
    tracedBuild(root, '--out', path.join(root, 'clean'));
    expect(snapshot(path.join(root, 'dist'))).toEqual(snapshot(path.join(root, 'clean')));

    // A change every page shows: the searchable pages render with the others, as a clean build renders them.
    replaceIn(root, 'templates/partials/breadcrumbs.hbs', '<ol>', '<ol class="crumbs">');
    const fourth = tracedBuild(root);
    expect(fourth.phases.some((phase) => phase.endsWith("before the other pages' hashes"))).toBe(false);
    expect(fourth.phases).toContain('hash page inputs');
    tracedBuild(root, '--out', path.join(root, 'clean-template'));
    expect(snapshot(path.join(root, 'dist'))).toEqual(snapshot(path.join(root, 'clean-template')));
  });
});

describe('whether the index starts first', () => {
  const published = { 'en/a/index.html': '1', 'en/b/index.html': '2', 'en/c/index.html': '3', 'vi/a/index.html': '4' };
  const known = (changes: Record<string, string>) => new Map(Object.entries({ ...published, ...changes }));

  it('does when some searchable pages changed, fewer than half', () => {
    expect(startsIndexFirst(known({ 'en/a/index.html': 'x' }), published)).toBe(true);
    expect(startsIndexFirst(known({ 'en/d/index.html': 'new' }), published)).toBe(true);
  });

  it('does not when none changed, or half of them or more', () => {
    expect(startsIndexFirst(known({}), published)).toBe(false);
    expect(startsIndexFirst(known({ 'en/a/index.html': 'x', 'en/b/index.html': 'y' }), published)).toBe(false);
  });
});
