import path from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { pageFile, type PageRef } from '../model/pages.js';
import { describeShard, shardOf, type Shard } from '../model/shards.js';
import { lstatPath, MARKER, readManifest, TOOL_VERSION, type Manifest } from './ownership.js';

/** The shards a merge takes its pages from, once every check passed: the folder each page is in. */
export interface ShardFolders {
  readonly folderOf: (file: string) => string | undefined;
}

interface Found {
  readonly dir: string;
  readonly shown: string;
  readonly manifest: Manifest & { readonly shard: Shard };
}

/**
 * Reads the outputs of `build --shard K/N` a merge was given and checks that together they are the
 * site these sources make: each a shard's output made by this version, from the site model this
 * merge reads (`inputsOf(shard)`, the hash a shard build of it records), one of each K = 1 … N,
 * each listing exactly the pages of its share. One diagnostic per problem, at the shard's manifest.
 */
export async function readShardFolders(root: string, dirs: readonly string[], pages: readonly PageRef[], inputsOf: (shard: Shard) => string): Promise<{ readonly diagnostics: Diagnostic[]; readonly folders?: ShardFolders }> {
  const diagnostics: Diagnostic[] = [];
  const at = (shown: string, rule: string, message: string) => diagnostics.push(diagnostic(shown, START, 'error', rule, message));
  const found: Found[] = [];
  for (const dir of dirs) {
    const shown = path.join(path.relative(root, dir) || '.', MARKER);
    const manifest = await readManifest(dir);
    if (!manifest?.shard) {
      const what = (await lstatPath(dir)) === undefined ? 'does not exist' : 'is not the output of `code-compare build --shard K/N`';
      at(shown, 'not-a-shard', `${dir} ${what}`);
    } else if (manifest.version !== TOOL_VERSION) {
      at(shown, 'shard-mismatch', `${describeShard(manifest.shard)} was made by another version of code-compare; build it again with this one`);
    } else {
      found.push({ dir, shown, manifest: manifest as Found['manifest'] });
    }
  }
  if (found.length === 0) return { diagnostics };
  const count = found[0]!.manifest.shard.count;
  const byIndex = new Map<number, Found>();
  for (const shard of found) {
    const { index, count: its } = shard.manifest.shard;
    if (its !== count) at(shard.shown, 'shard-mismatch', `${describeShard(shard.manifest.shard)} belongs to another split than ${found[0]!.shown} (${describeShard(found[0]!.manifest.shard)}); every shard of a merge comes from one split`);
    else if (byIndex.has(index)) at(shard.shown, 'shard-twice', `${describeShard(shard.manifest.shard)} is given twice (also ${byIndex.get(index)!.dir})`);
    else if (shard.manifest.inputs !== inputsOf(shard.manifest.shard)) at(shard.shown, 'shard-mismatch', `${describeShard(shard.manifest.shard)} was built from other sources, templates or options than this merge reads, or by another version of code-compare; build every shard and the merge from one commit, with the same options and version`);
    else byIndex.set(index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !found.some((shard) => shard.manifest.shard.index === index));
  if (missing.length > 0) at(found[0]!.shown, 'shard-missing', `the split into ${count} has no ${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} here; pass the folder of every shard`);
  if (diagnostics.length > 0) return { diagnostics };
  // Equal inputs make equal pages: what remains to check is that each shard lists its share, no more and no less.
  const shardOfFile = new Map<string, number>();
  const expected = new Map<number, number>();
  for (const page of pages) {
    const file = pageFile(page);
    const index = shardOf(file, count);
    shardOfFile.set(file, index);
    expected.set(index, (expected.get(index) ?? 0) + 1);
  }
  for (const [index, shard] of byIndex) {
    const listed = Object.keys(shard.manifest.files);
    const foreign = listed.find((file) => shardOfFile.get(file) !== index);
    if (foreign !== undefined || listed.length !== (expected.get(index) ?? 0)) {
      at(shard.shown, 'shard-mismatch', `${describeShard(shard.manifest.shard)} lists ${listed.length} files where its share of this site is ${expected.get(index) ?? 0} pages${foreign ? ` (${foreign} is not of its share)` : ''}`);
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { diagnostics, folders: { folderOf: (file) => byIndex.get(shardOfFile.get(file) ?? 0)?.dir } };
}
