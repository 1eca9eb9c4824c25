import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prependToDescription, writeCorpus } from '../../src/bench/corpus.js';
import { copiesUnderWay, copyOutput, COPY_FROM_FILES } from '../../src/write/kept-copy.js';
import { keptOutput } from '../../src/write/output.js';
import { markStaging, MARKER, readManifest } from '../../src/write/ownership.js';
import { buildSite, makeSite, makeTempDir, REPO } from '../support/site.js';

const CLI = path.join(REPO, 'bin/code-compare.js');

/** A copy's folder as a build leaves it to the copying process: made and marked as this tool's. */
async function copyFolderFor(out: string, owner: number): Promise<string> {
  const folder = `${keptOutput(out)}.copy-${owner}`;
  mkdirSync(folder, { recursive: true });
  await markStaging(folder);
  return folder;
}

const inode = (file: string) => statSync(file).ino;

describe('the kept copy of an output built without an earlier one', () => {
  it('links every file of the output, has its manifest, and is where the next build starts', async () => {
    const root = makeSite({ fixture: 'mini' });
    const { code, stderr, dist } = await buildSite(root);
    expect(code, stderr).toBe(0);
    const manifest = (await readManifest(dist))!;

    expect(await copyOutput(dist, await copyFolderFor(dist, process.pid))).toBe(true);
    const kept = keptOutput(dist);
    expect(readFileSync(path.join(kept, MARKER), 'utf8')).toBe(readFileSync(path.join(dist, MARKER), 'utf8'));
    for (const file of Object.keys(manifest.files)) expect(inode(path.join(kept, file)), file).toBe(inode(path.join(dist, file)));
    expect(copiesUnderWay(dist)).toEqual([]);

    // The next build updates the kept copy: its folders become the output's.
    const keptEnglish = inode(path.join(kept, 'en'));
    const codeFile = path.join(root, 'codes/smtp/550.md');
    writeFileSync(codeFile, readFileSync(codeFile, 'utf8').replace(/^description: /m, 'description: Changed. '));
    const next = await buildSite(root);
    expect(next.code, next.stderr).toBe(0);
    expect(Number(/\((\d+) rendered/.exec(next.stdout)?.[1])).toBeGreaterThan(0);
    expect(inode(path.join(dist, 'en'))).toBe(keptEnglish);
  });

  it('gives up, leaving nothing behind, when an output is kept already, and removes copies of processes that ended', async () => {
    const root = makeSite({ fixture: 'mini' });
    const { dist } = await buildSite(root);
    const kept = keptOutput(dist);
    mkdirSync(path.join(kept, 'en'), { recursive: true });
    writeFileSync(path.join(kept, 'en', 'mine.txt'), 'not to be touched');
    // A pid no process has: the copy it was making was cut short.
    const abandoned = await copyFolderFor(dist, 2 ** 22 + 1);
    writeFileSync(path.join(abandoned, 'half.html'), 'half');

    expect(await copyOutput(dist, await copyFolderFor(dist, process.pid))).toBe(false);
    expect(readFileSync(path.join(kept, 'en', 'mine.txt'), 'utf8')).toBe('not to be touched');
    expect(copiesUnderWay(dist)).toEqual([]);
  });

  it('is made in a process of its own after a build of the program, which does not wait for it', async () => {
    const root = makeTempDir('code-compare-kept-copy-');
    writeCorpus(root, REPO, { codes: 34, languages: 4, families: 1, translated: 0.5 });
    const dist = path.join(root, 'dist');
    const exit = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'build', '--root', root], { stdio: 'ignore' }).on('exit', resolve));
    expect(exit).toBe(0);
    const manifest = (await readManifest(dist))!;
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(COPY_FROM_FILES);
    // Under way when the build has exited, or done already.
    expect(copiesUnderWay(dist).length + (existsSync(keptOutput(dist)) ? 1 : 0)).toBe(1);
    const deadline = Date.now() + 60_000;
    while (copiesUnderWay(dist).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(path.join(keptOutput(dist), MARKER), 'utf8')).toBe(readFileSync(path.join(dist, MARKER), 'utf8'));
    const page = Object.keys(manifest.files).find((file) => file.endsWith('.html'))!;
    expect(inode(path.join(keptOutput(dist), page))).toBe(inode(path.join(dist, page)));

    // The first edit then starts from the copy: its folders become the output's.
    const keptEnglish = inode(path.join(keptOutput(dist), 'en'));
    prependToDescription(path.join(root, 'codes/family1/200.md'), 'Changed.');
    const second = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'build', '--root', root], { stdio: 'ignore' }).on('exit', resolve));
    expect(second).toBe(0);
    expect(inode(path.join(dist, 'en'))).toBe(keptEnglish);
    // An output was kept this time: no copy is made.
    expect(copiesUnderWay(dist)).toEqual([]);
  }, 120_000);
});
