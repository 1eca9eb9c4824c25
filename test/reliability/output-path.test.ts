import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, makeSite, makeTempDir, writeProjectFile } from '../support/site.js';
import { trashEmptied } from '../support/trash.js';
import { snapshot } from '../support/snapshot.js';

const DIAGNOSTIC = /^\S.*:\d+:\d+: error: refusing to replace .* \[foreign-output\]$/m;
const clean = () => makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json'] });
const code250 = (root: string) => path.join(root, 'codes/smtp/250.md');
const changePage = (root: string, title: string) => writeFileSync(code250(root), readFileSync(code250(root), 'utf8').replace(/^title: .*$/m, `title: ${title}`));

/** Everything under a folder, links included and not followed: name → kind and bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    const stats = lstatSync(file);
    out[name] = stats.isSymbolicLink() ? `link to ${readlinkSync(file)}` : stats.isFile() ? `file ${readFileSync(file, 'utf8')}` : stats.isDirectory() ? 'folder' : 'other';
  }
  return out;
}

async function refused(root: string, out: string): Promise<void> {
  // An earlier build's trash is emptied after it returns: not this build's doing.
  await trashEmptied(root);
  const before = tree(root);
  const result = await buildSite(root, '--out', out);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(DIAGNOSTIC);
  expect(result.stderr).toMatch(/^build failed: 1 error/m);
  expect(tree(root)).toEqual(before);
}

describe('--out that is not an output of code-compare (data loss, round two)', () => {
  it('refuses `--out package.json`: the file stays where it was, with its bytes, and nothing is moved into the cache', async () => {
    const root = clean();
    writeProjectFile(root, 'package.json', '{ "name": "mine" }\n');
    const result = await buildSite(root, '--out', 'package.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^package\.json:1:1: error: refusing to replace .*package\.json: it is a file, not a folder.* \[foreign-output\]$/m);
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe('{ "name": "mine" }\n');
    expect(existsSync(path.join(root, '.code-compare-cache'))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith('.package.json'))).toEqual([]);
  });

  it('refuses `--out ../unrelated/important.txt`, and the file survives the builds that follow', async () => {
    const parent = makeTempDir('code-compare-parent-');
    const root = path.join(parent, 'project');
    cpSync(clean(), root, { recursive: true });
    writeProjectFile(parent, 'unrelated/important.txt', 'keep me');
    const result = await buildSite(root, '--out', '../unrelated/important.txt');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\.\.\/unrelated\/important\.txt:1:1: error: refusing to replace .* \[foreign-output\]$/m);
    for (const title of ['First', 'Second', 'Third']) {
      changePage(root, title);
      expect((await buildSite(root)).code).toBe(0);
    }
    expect(readdirSync(path.join(parent, 'unrelated'))).toEqual(['important.txt']);
    expect(readFileSync(path.join(parent, 'unrelated/important.txt'), 'utf8')).toBe('keep me');
  });

  it.each([
    ['a symbolic link to an earlier output', (root: string) => symlinkSync(path.join(root, 'dist'), path.join(root, 'site'))],
    ['a symbolic link to a file', (root: string) => symlinkSync(path.join(root, 'package.json'), path.join(root, 'site'))],
    ['a dangling symbolic link', (root: string) => symlinkSync(path.join(root, 'nowhere'), path.join(root, 'site'))],
    ['a named pipe', (root: string) => execFileSync('mkfifo', [path.join(root, 'site')])],
    ['an empty folder it did not make', (root: string) => mkdirSync(path.join(root, 'site'))],
    ['a folder of someone else\'s', (root: string) => writeProjectFile(root, 'site/index.html', '<p>mine</p>')],
    ['a folder whose marker is not a manifest', (root: string) => writeProjectFile(root, 'site/.code-compare.json', '{"tool":"code-compare"}')],
    ['a folder whose marker is a link to a real manifest', (root: string) => {
      mkdirSync(path.join(root, 'site'));
      symlinkSync(path.join(root, 'dist/.code-compare.json'), path.join(root, 'site/.code-compare.json'));
    }],
    ['a folder whose manifest names files outside it', (root: string) => {
      cpSync(path.join(root, 'dist'), path.join(root, 'site'), { recursive: true });
      const manifest = JSON.parse(readFileSync(path.join(root, 'site/.code-compare.json'), 'utf8'));
      manifest.files['../package.json'] = 'x';
      writeFileSync(path.join(root, 'site/.code-compare.json'), JSON.stringify(manifest));
    }],
  ])('refuses %s, touching nothing', async (_, make) => {
    const root = clean();
    writeProjectFile(root, 'package.json', '{}\n');
    expect((await buildSite(root)).code).toBe(0);
    make(root);
    changePage(root, 'Changed');
    await refused(root, 'site');
  });

  it('refuses a unix socket', async () => {
    const root = clean();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'site'), resolve));
    try {
      await refused(root, 'site');
    } finally {
      server.close();
    }
  });

  it('refuses a device node', async (context) => {
    const root = clean();
    try {
      execFileSync('mknod', [path.join(root, 'site'), 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      context.skip('mknod is not allowed here (needs CAP_MKNOD)');
    }
    await refused(root, 'site');
  });

  it('refuses a path below a file', async () => {
    const root = clean();
    writeProjectFile(root, 'package.json', '{}\n');
    const before = tree(root);
    const result = await buildSite(root, '--out', 'package.json/site');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a part of its path is a file, not a folder.*\[foreign-output\]$/m);
    expect(tree(root)).toEqual(before);
  });

  it('reports the output problem together with the input problems', async () => {
    const root = clean();
    writeProjectFile(root, 'package.json', '{}\n');
    writeFileSync(code250(root), readFileSync(code250(root), 'utf8').replace(/^when: .*\n/m, ''));
    const result = await buildSite(root, '--out', 'package.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[missing-field\]$/m);
    expect(result.stderr).toMatch(/\[foreign-output\]$/m);
  });
});

describe('the kept output and staging folders are made only from the tool\'s own output', () => {
  it('leaves a file of someone else\'s where the kept output would go', async () => {
    const root = clean();
    writeProjectFile(root, '.code-compare-cache/dist', 'not a folder');
    for (const title of ['First', 'Second', 'Third']) {
      changePage(root, title);
      const result = await buildSite(root);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(readFileSync(path.join(root, '.code-compare-cache/dist'), 'utf8')).toBe('not a folder');
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
  });

  it('does not follow a cache folder that is a link to someone else\'s folder', async () => {
    const root = clean();
    const elsewhere = makeTempDir('code-compare-elsewhere-');
    writeProjectFile(elsewhere, 'dist/.code-compare.json', '{"tool":"code-compare"}');
    writeProjectFile(elsewhere, 'dist/notes.txt', 'mine');
    symlinkSync(elsewhere, path.join(root, '.code-compare-cache'));
    const before = tree(elsewhere);
    for (const title of ['First', 'Second', 'Third']) {
      changePage(root, title);
      expect((await buildSite(root)).code).toBe(0);
    }
    expect(tree(elsewhere)).toEqual(before);
  });

  it('neither puts back nor removes leftovers that are not its own, and still cleans up its own', async () => {
    const root = clean();
    const first = await buildSite(root);
    const output = snapshot(first.dist);
    const dead = 2 ** 22 + 4321;
    writeProjectFile(root, `.dist.retired-${dead}`, 'a file with a name like ours');
    writeProjectFile(root, `.dist.building-${dead}/notes.txt`, 'a folder with a name like ours');
    writeProjectFile(root, `.dist.building-${dead + 1}/.code-compare.json`, '{"tool":"code-compare","staging":true}');
    writeProjectFile(root, `.dist.building-${dead + 1}/en/index.html`, 'half a build');
    rmSync(first.dist, { recursive: true });
    const again = await buildSite(root);
    expect(again.code, again.stderr).toBe(0);
    expect(snapshot(first.dist)).toEqual(output);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.')).sort()).toEqual([`.dist.building-${dead}`, `.dist.retired-${dead}`]);
    expect(readFileSync(path.join(root, `.dist.retired-${dead}`), 'utf8')).toBe('a file with a name like ours');
  });

  it('puts back its own output that a killed build had moved aside', async () => {
    const root = clean();
    const first = await buildSite(root);
    const output = snapshot(first.dist);
    const dead = 2 ** 22 + 999;
    renameSync(first.dist, path.join(root, `.dist.retired-${dead}`));
    const again = await buildSite(root);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(snapshot(first.dist)).toEqual(output);
  });
});
