import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPages, pageFile } from '../../src/model/pages.js';
import { parseShard, shardPages } from '../../src/model/shards.js';
import { validateProject } from '../../src/project.js';
import { readManifest } from '../../src/write/ownership.js';
import { listFiles } from '../support/dist.js';
import { snapshot } from '../support/snapshot.js';
import { BASE, buildSite, makeSite, makeTempDir, REPO, run } from '../support/site.js';

/** Builds every shard of a split of `root` into folders of their own, and gives the folders. */
async function buildShards(root: string, count: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const out = path.join(makeTempDir('code-compare-shard-'), `shard-${index}`);
    const result = await run('build', '--root', root, '--base-url', BASE, '--jobs', '1', '--shard', `${index}/${count}`, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`built shard ${index} of ${count}: `);
    dirs.push(out);
  }
  return dirs;
}

async function merge(root: string, shards: readonly string[], out: string) {
  return run('merge', '--root', root, '--base-url', BASE, '--jobs', '1', '--out', out, ...shards);
}

describe('build --shard K/N and merge', () => {
  it('merges N shards into the site one build makes, byte for byte, the manifest and search index included', async () => {
    const root = makeSite({ fixture: 'search' });
    const whole = await buildSite(root);
    expect(whole.code, whole.stderr).toBe(0);
    const expected = snapshot(whole.dist);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['sitemap.xml', 'robots.txt', '.code-compare.json']));
    expect(Object.keys(expected).some((file) => file.startsWith('pagefind/'))).toBe(true);
    const pages = Object.keys(expected).filter((file) => file.endsWith('.html'));

    for (const count of [1, 2, 3]) {
      const shards = await buildShards(root, count);
      const held = shards.map((dir) => listFiles(dir).filter((file) => file !== '.code-compare.json'));
      // Pages only: what depends on every page is the merge's.
      for (const files of held) expect(files.every((file) => file.endsWith('/index.html') || file === '404.html' || file === 'index.html')).toBe(true);
      expect(held.flat().sort()).toEqual([...pages].sort());
      const out = path.join(makeTempDir(), 'merged');
      const merged = await merge(root, shards, out);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stdout).toContain(`merged ${count} ${count === 1 ? 'shard' : 'shards'}: ${pages.length} pages`);
      expect(snapshot(out)).toEqual(expected);
    }
  });

  it('merges shards built in checkouts at other paths, the folders named relative to the root as --out is', async () => {
    const root = makeSite({ fixture: 'search' });
    const elsewhere = path.join(makeTempDir(), 'checkout');
    cpSync(root, elsewhere, { recursive: true });
    const first = await run('build', '--root', root, '--base-url', BASE, '--jobs', '1', '--shard', '1/2', '--out', 'shard-1');
    const second = await run('build', '--root', elsewhere, '--base-url', BASE, '--jobs', '1', '--shard', '2/2', '--out', 'shard-2');
    expect([first.code, second.code]).toEqual([0, 0]);
    const merged = await run('merge', '--root', root, '--base-url', BASE, '--jobs', '1', '--out', 'merged', 'shard-1', path.relative(root, path.join(elsewhere, 'shard-2')));
    expect(merged.code, merged.stderr).toBe(0);
    const whole = await buildSite(root);
    expect(snapshot(path.join(root, 'merged'))).toEqual(snapshot(whole.dist));
    const missing = await run('merge', '--root', root, '--base-url', BASE, '--out', 'merged', 'shard-1', 'shard-9');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.join(root, 'shard-9')} does not exist [not-a-shard]`);
  });

  it('builds the same shard twice to the same bytes, and rebuilds only what changed in it', async () => {
    const root = makeSite({ fixture: 'search' });
    const [first] = await buildShards(root, 2);
    const again = path.join(makeTempDir(), 'again');
    expect((await run('build', '--root', root, '--base-url', BASE, '--jobs', '1', '--shard', '1/2', '--out', again)).code).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(first!));
    const manifest = (await readManifest(first!))!;
    expect(manifest.shard).toEqual({ index: 1, count: 2 });
    const unchanged = await run('build', '--root', root, '--base-url', BASE, '--jobs', '1', '--shard', '1/2', '--out', first!);
    expect(unchanged.stdout).toContain('up to date, nothing rewritten');
  });

  it('splits the bundled site so that every page is in exactly one shard, and the shares are even', async () => {
    const site = (await validateProject({ root: REPO, baseUrl: BASE })).site!;
    const pages = allPages(site);
    expect(pages.length).toBeGreaterThan(50_000);
    for (let count = 1; count <= 7; count++) {
      const shares = Array.from({ length: count }, (_, i) => shardPages(pages, { index: i + 1, count }).map(pageFile));
      const all = new Set(shares.flat());
      expect(all.size).toBe(pages.length);
      expect(shares.reduce((n, share) => n + share.length, 0)).toBe(pages.length);
      // Measured: at most 2.25 % off an even share (N = 5).
      for (const share of shares) expect(Math.abs(share.length - pages.length / count)).toBeLessThan(0.03 * (pages.length / count));
    }
  });

  it('refuses a merge of shards that do not make this site, and leaves the output as it was', async () => {
    const root = makeSite({ fixture: 'search' });
    const shards = await buildShards(root, 3);
    const other = await buildShards(root, 2);
    const out = path.join(makeTempDir(), 'merged');
    expect((await merge(root, shards, out)).code).toBe(0);
    const before = snapshot(out);
    const refused = async (given: readonly string[], rule: string, where: string) => {
      const result = await merge(root, given, out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`${where.replaceAll('.', '\\.')}/\\.code-compare\\.json:1:1: error: .*\\[${rule}\\]`));
      expect(result.stderr).toContain('merge failed');
      expect(snapshot(out)).toEqual(before);
    };
    const shown = (dir: string) => path.relative(root, dir);
    await refused([shards[0]!, shards[1]!], 'shard-missing', shown(shards[0]!));
    await refused([...shards, shards[1]!], 'shard-twice', shown(shards[1]!));
    await refused([shards[0]!, other[1]!, shards[1]!, shards[2]!], 'shard-mismatch', shown(other[1]!));
    const whole = await buildSite(root);
    expect(whole.code).toBe(0);
    await refused([...shards, whole.dist], 'not-a-shard', shown(whole.dist));
    // One English text edited after the shards were built: the merge reads another site.
    const code = path.join(root, 'codes/smtp/550.md');
    writeFileSync(code, readFileSync(code, 'utf8').replace('title:', 'title: Edited'));
    await refused(shards, 'shard-mismatch', shown(shards[0]!));
  });

  it('takes --shard K/N with an output folder of its own, for the whole site only', async () => {
    const root = makeSite({ fixture: 'search' });
    const usage = async (args: string[], message: string) => {
      const result = await run('build', '--root', root, '--base-url', BASE, ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    };
    await usage(['--shard', '1/2'], '--shard needs --out');
    await usage(['--shard', '1/2', '--lang', 'vi', '--out', path.join(makeTempDir(), 'x')], 'cannot be combined with --lang or --family');
    for (const bad of ['0/2', '3/2', '2', 'a/b', '1/0', '1/257']) await usage(['--shard', bad, '--out', path.join(makeTempDir(), 'x')], 'expected K/N');
    const merged = await run('merge', '--root', root, '--base-url', BASE, '--family', 'smtp', path.join(makeTempDir(), 'x'));
    expect(merged.code).toBe(2);
    const [shard] = await buildShards(root, 1);
    const intoShard = await run('merge', '--root', root, '--base-url', BASE, '--out', shard!, shard!);
    expect(intoShard.code).toBe(2);
    expect(intoShard.stderr).toContain('is one of the shards');

    const whole = await buildSite(root);
    expect(whole.code).toBe(0);
    const before = snapshot(whole.dist);
    const over = await run('build', '--root', root, '--base-url', BASE, '--shard', '1/2', '--out', whole.dist);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('[partial-over-full]');
    expect(snapshot(whole.dist)).toEqual(before);
    expect(existsSync(path.join(whole.dist, 'sitemap.xml'))).toBe(true);

    // A partial output (a subset's, a shard's) may give way to another partial one.
    const partial = path.join(makeTempDir(), 'partial');
    expect((await run('build', '--root', root, '--base-url', BASE, '--shard', '1/2', '--out', partial)).code).toBe(0);
    const subsetOverShard = await run('build', '--root', root, '--base-url', BASE, '--lang', 'vi', '--out', partial);
    expect(subsetOverShard.code, subsetOverShard.stderr).toBe(0);
    const shardOverSubset = await run('build', '--root', root, '--base-url', BASE, '--shard', '2/2', '--out', partial);
    expect(shardOverSubset.code, shardOverSubset.stderr).toBe(0);
    expect((await readManifest(partial))?.shard).toEqual({ index: 2, count: 2 });
  });

  it('reads K/N strictly', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('256/256')).toEqual({ index: 256, count: 256 });
    for (const bad of ['0/4', '5/4', '2/0', '02/4', '2/4/1', ' /4', '2/ ', '-1/4', '1.5/4']) expect(parseShard(bad), bad).toBeUndefined();
  });
});
