import { createHash } from 'node:crypto';
import { pageFile, type PageRef } from './pages.js';

/** One share of a site's pages: shard `index` of `count` (1 ≤ index ≤ count). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The most shards a site is split into: more machines than this build nothing faster. */
export const MAX_SHARDS = 256;

/**
 * The shard (1 … count) a page's file belongs to, from a hash of its path: the same on every
 * machine, and a page keeps its shard when pages are added or removed around it, so a shard's kept
 * output stays useful to its next build.
 */
export function shardOf(file: string, count: number): number {
  if (count === 1) return 1;
  return (createHash('sha1').update(file).digest().readUInt32BE(0) % count) + 1;
}

/** The pages of a shard, in the site's order. */
export function shardPages(pages: readonly PageRef[], shard: Shard): PageRef[] {
  return pages.filter((page) => shardOf(pageFile(page), shard.count) === shard.index);
}

/** `2/4` → shard 2 of 4; undefined for anything else (`0/4`, `5/4`, `2/0`, `2`, `a/b`). */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9]\d{0,2})\/([1-9]\d{0,2})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index <= count && count <= MAX_SHARDS ? { index, count } : undefined;
}

export const describeShard = (shard: Shard) => `shard ${shard.index} of ${shard.count}`;
