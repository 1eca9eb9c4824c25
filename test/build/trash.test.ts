import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveToTrash } from '../../src/write/trash.js';
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

  it('keep their other links: a page shared with the published output stays there as it was', () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'staging/en/smtp/550'), { recursive: true });
    mkdirSync(path.join(dir, 'published/en/smtp/550'), { recursive: true });
    mkdirSync(path.join(dir, 'trash'));
    const staged = path.join(dir, 'staging/en/smtp/550/index.html');
    const published = path.join(dir, 'published/en/smtp/550/index.html');
    writeFileSync(published, 'the published page');
    linkSync(published, staged);
    moveToTrash(staged, path.join(dir, 'trash'), 'en/smtp/550/index.html');
    expect(existsSync(staged)).toBe(false);
    expect(statSync(path.join(dir, 'trash/en%smtp%550%index.html')).ino).toBe(statSync(published).ino);
    expect(readFileSync(published, 'utf8')).toBe('the published page');
    // A page already gone is not an error: there is nothing to move.
    expect(() => moveToTrash(staged, path.join(dir, 'trash'), 'en/smtp/550/index.html')).not.toThrow();
  });
});
