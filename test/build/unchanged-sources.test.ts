import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, buildSite, makeSite, readPage, REPO, text, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

/** A project whose build warns: a stray file, and two Vietnamese texts older than their English. */
const warningSite = () => makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'], files: { 'codes/smtp/notes.txt': 'a note\n' } });

/** The summary line without what differs between a full build and an unchanged one: the work done and the time. */
const summary = (stdout: string) => stdout.replace(/\((?:\d+ rendered, \d+ reused|up to date, nothing rewritten)\)/, '(…)').replace(/, [\d.]+ s$/, '');

const inodes = (dir: string) => Object.fromEntries(Object.keys(snapshot(dir)).map((file) => [file, statSync(path.join(dir, file)).ino]));

/** Runs the compiled CLI with phase timings on, to see which phases a build went through. */
function tracedBuild(root: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'build', '--root', root, '--base-url', BASE, '--jobs', '1'], { encoding: 'utf8', env: { ...process.env, CODE_COMPARE_TRACE: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a build after an edit', () => {
  it('reads the files it parsed before from the memo beside the output, with the same warnings at the same places', async () => {
    const root = warningSite();
    expect((await buildSite(root)).code).toBe(0);
    expect(existsSync(path.join(root, '.code-compare-cache/dist.parsed.json'))).toBe(true);
    const edit = (dir: string) => writeProjectFile(dir, 'codes/smtp/550.md', readFileSync(path.join(dir, 'codes/smtp/550.md'), 'utf8').replace(/^title: .*$/m, 'title: Edited title'));
    edit(root);
    const incremental = await buildSite(root);
    // The clean build runs in a process of its own: this one remembers every file it parsed, whatever the project.
    const fresh = warningSite();
    edit(fresh);
    const clean = spawnSync(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'build', '--root', fresh, '--base-url', BASE, '--jobs', '1'], { encoding: 'utf8' });
    expect(incremental.code, incremental.stderr).toBe(0);
    expect(incremental.stderr).toMatch(/locales\/vi\/smtp\/553\.md:\d+:\d+: warning: .*\[stale-translation\]/);
    expect(`${incremental.stderr}\n`).toBe(clean.stderr);
    // The manifests differ: the compiled tool is another tool (its code is part of every hash).
    const pages = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).filter(([file]) => file !== '.code-compare.json'));
    expect(pages(incremental.dist)).toEqual(pages(path.join(fresh, 'dist')));
  });
});

describe('a build of sources unchanged since the last one', () => {
  it('reads and parses nothing, and says what the full build said: the same warnings and counts', async () => {
    const root = warningSite();
    const full = await buildSite(root);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toMatch(/warning: .*\[ignored-file\]/);
    expect(full.stderr).toMatch(/warning: .*\[stale-translation\]/);
    const before = inodes(full.dist);

    const again = await buildSite(root);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(full.stderr);
    expect(again.stdout).toContain('(up to date, nothing rewritten)');
    expect(summary(again.stdout)).toBe(summary(full.stdout));
    expect(inodes(full.dist)).toEqual(before);

    // The compiled tool is another tool than the one under test here: its first build reads everything.
    expect(tracedBuild(root).stderr).toContain('trace: load and validate');
    const traced = tracedBuild(root);
    expect(traced.status, traced.stderr).toBe(0);
    expect(traced.stderr).toContain('trace: fingerprint sources');
    expect(traced.stderr).not.toContain('trace: load and validate');
    expect(traced.stderr.split('\n').filter((line) => !line.startsWith('trace:')).join('\n').trim()).toBe(full.stderr);
  });

  it('fails under --strict as the full build does, leaving the output as it was', async () => {
    const root = warningSite();
    expect((await buildSite(root)).code).toBe(0);
    const before = snapshot(path.join(root, 'dist'));
    const strictFull = await buildSite(makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'], files: { 'codes/smtp/notes.txt': 'a note\n' } }), '--strict');
    const strictAgain = await buildSite(root, '--strict');
    expect(strictAgain.code).toBe(1);
    expect(strictAgain.stderr).toMatch(/error: .*\[ignored-file\]/);
    expect(strictAgain.stderr.replace(/; \S+ was left as it was$/, '')).toBe(strictFull.stderr.replace(/; \S+ was left as it was$/, ''));
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('is still up to date when a file was only touched, and sees a change of one byte', async () => {
    const root = warningSite();
    expect((await buildSite(root)).code).toBe(0);
    const file = path.join(root, 'codes/smtp/550.md');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await buildSite(root)).stdout).toContain('up to date');

    const source = readFileSync(file, 'utf8');
    const title = /^title: (.*)$/m.exec(source)![1]!;
    writeFileSync(file, source.replace(`title: ${title}`, `title: ${title.slice(0, -1)}X`));
    const changed = await buildSite(root);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).not.toContain('up to date');
    expect(text(readPage(changed.dist, 'en/smtp/550/index.html').querySelector('h1'))).toContain(`${title.slice(0, -1)}X`);
  });

  it('is built again for other options: another base URL changes every canonical link', async () => {
    const root = warningSite();
    expect((await buildSite(root)).code).toBe(0);
    const other = await buildSite(root, '--base-url', 'https://elsewhere.example/');
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).not.toContain('up to date');
    expect(readPage(other.dist, 'en/smtp/550/index.html').querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://elsewhere.example/en/smtp/550/');
  });

  it('does not trust a manifest whose file table was edited: the output is refused as before', async () => {
    const root = warningSite();
    expect((await buildSite(root)).code).toBe(0);
    const marker = path.join(root, 'dist/.code-compare.json');
    const manifest = JSON.parse(readFileSync(marker, 'utf8'));
    manifest.files['../package.json'] = 'x';
    writeProjectFile(root, 'dist/.code-compare.json', JSON.stringify(manifest));
    const refused = await buildSite(root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\[foreign-output\]/);
  });
});
