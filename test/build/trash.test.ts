import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyTrashLater, makeTrash, moveToTrash } from '../../src/write/trash.js';
import { getPriority } from 'node:os';
import { ownerOf } from '../../src/write/process-alive.js';
import { buildSite, makeSite, makeTempDir, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';
import { trashFolders, until } from '../support/trash.js';

describe('files a build replaces in the kept output', () => {
  it('are moved aside and removed after the build, with what ended builds left; the output is a clean build’s', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'] });
    const cache = path.join(root, '.code-compare-cache');
    const retitle = (title: string) => writeProjectFile(root, 'codes/smtp/550.md', readFileSync(path.join(root, 'codes/smtp/550.md'), 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    expect((await buildSite(root)).code).toBe(0);
    retitle('Mailbox not there');
    expect((await buildSite(root)).code).toBe(0);
    // What a build killed before it emptied its trash leaves (no process has this id).
    const dead = 2 ** 22 + 777;
    writeProjectFile(root, `.code-compare-cache/dist.trash-${dead}/en%smtp%550%index.html`, 'an old page');

    retitle('No such mailbox');
    const next = await buildSite(root);
    expect(next.code, next.stderr).toBe(0);
    await until(() => trashFolders(root).length === 0);
    expect(readdirSync(cache)).toContain('dist');
    const clean = await buildSite(root, '--out', path.join(root, 'clean'));
    expect(clean.code, clean.stderr).toBe(0);
    expect(snapshot(next.dist)).toEqual(snapshot(path.join(root, 'clean')));
  });

  /** A page in a staging folder that is a hard link to the published output's file. */
  const sharedPage = () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'staging/en/smtp/550'), { recursive: true });
    mkdirSync(path.join(dir, 'published/en/smtp/550'), { recursive: true });
    const staged = path.join(dir, 'staging/en/smtp/550/index.html');
    const published = path.join(dir, 'published/en/smtp/550/index.html');
    writeFileSync(published, 'the published page');
    linkSync(published, staged);
    return { dir, staged, published };
  };

  it('keep their other links: a page shared with the published output stays there as it was', () => {
    const { dir, staged, published } = sharedPage();
    mkdirSync(path.join(dir, 'trash'));
    moveToTrash(staged, path.join(dir, 'trash'), 'en/smtp/550/index.html');
    expect(existsSync(staged)).toBe(false);
    expect(statSync(path.join(dir, 'trash/en%smtp%550%index.html')).ino).toBe(statSync(published).ino);
    expect(readFileSync(published, 'utf8')).toBe('the published page');
    // A page already gone is not an error: there is nothing to move.
    expect(() => moveToTrash(staged, path.join(dir, 'trash'), 'en/smtp/550/index.html')).not.toThrow();
  });

  it('are removed where the trash folder is gone, never left to be written over', () => {
    const { dir, staged, published } = sharedPage();
    moveToTrash(staged, path.join(dir, 'emptied-meanwhile'), 'en/smtp/550/index.html');
    expect(existsSync(staged)).toBe(false);
    expect(readFileSync(published, 'utf8')).toBe('the published page');
  });

  it('go to a new folder for each build, even of one process, whose name says the process', async () => {
    const cache = makeTempDir();
    const first = await makeTrash(cache, 'dist');
    const second = await makeTrash(cache, 'dist');
    expect(second).not.toBe(first);
    expect(existsSync(first) && existsSync(second)).toBe(true);
    for (const folder of [first, second]) expect(ownerOf(path.basename(folder), 'dist.trash-')).toBe(process.pid);
  });
});

describe('the process that empties a trash folder', () => {
  it('has the folder named after it before it removes it, and runs below the builds’ priority', async () => {
    const cache = makeTempDir();
    const dead = 2 ** 22 + 779;
    const trash = path.join(cache, `dist.trash-${dead}-a1B2c3`);
    // Enough files that removing them takes a while: the folder is seen under its new name.
    for (let folder = 0; folder < 40; folder++) {
      mkdirSync(path.join(trash, `f${folder}`), { recursive: true });
      for (let file = 0; file < 500; file++) writeFileSync(path.join(trash, `f${folder}`, `${file}.html`), 'x');
    }
    emptyTrashLater(trash);
    const seen = new Set<string>();
    const priorities = new Set<number>();
    await until(() => {
      for (const name of readdirSync(cache)) {
        seen.add(name);
        const owner = ownerOf(name, 'dist.trash-');
        if (owner === undefined || owner === dead) continue;
        try {
          priorities.add(getPriority(owner));
        } catch {
          // ended between the listing and the question
        }
      }
      return readdirSync(cache).length === 0;
    }, 30_000);
    const owners = [...seen].map((name) => ownerOf(name, 'dist.trash-'));
    // Its own name: the same suffix, another process than the dead build's and this one.
    expect([...seen].filter((name) => name !== path.basename(trash)).every((name) => name.endsWith('-a1B2c3'))).toBe(true);
    expect(owners.some((owner) => owner !== undefined && owner !== dead && owner !== process.pid)).toBe(true);
    expect(priorities.size).toBeGreaterThan(0);
    expect([...priorities].every((priority) => priority > getPriority())).toBe(true);
  });
});

describe('the process a folder is named after', () => {
  it('is read from the name alone, with or without a suffix', () => {
    expect(ownerOf('dist.trash-4242', 'dist.trash-')).toBe(4242);
    expect(ownerOf('dist.trash-4242-a1B2c3', 'dist.trash-')).toBe(4242);
    for (const name of ['dist.trash-', 'dist.trash-0', 'dist.trash-x42', 'dist.trash-42-', 'dist.trash-42-a/b', 'other.trash-42', 'dist.trash-4.2']) expect(ownerOf(name, 'dist.trash-'), name).toBeUndefined();
  });
});
