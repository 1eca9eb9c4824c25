import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { checkRoot, checkSubset } from './project-root.js';
import { UsageError } from './usage-error.js';
import { MAX_SHARDS, parseShard, type Shard } from '../model/shards.js';

export { UsageError } from './usage-error.js';

export interface CommonOptions {
  readonly root?: string;
  readonly lang?: string[];
  readonly family?: string[];
}

export interface ResolvedCommon {
  readonly root: string;
  readonly languages?: string[];
  readonly families?: string[];
}

/** `--lang vi,pt-BR` → ['vi', 'pt-BR'] */
export function commaList(value: string, previous: string[] = []): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list');
  return [...previous, ...items];
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** `--shard 2/4` → shard 2 of 4. */
export function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(`expected K/N, shard K of N, with 1 ≤ K ≤ N ≤ ${MAX_SHARDS} (e.g. 2/4)`);
  return shard;
}

/** The root and subset of the command line, checked: a root that is no project, or an unknown language or family, is a usage error. */
export function resolveCommon(options: CommonOptions): ResolvedCommon {
  const root = path.resolve(options.root ?? '.');
  checkRoot(root, options.root ?? '.');
  checkSubset(root, options.lang, options.family);
  return { root, languages: options.lang, families: options.family };
}

/** --base-url, else `codeCompare.baseUrl` in the project's package.json. Always ends with '/'. */
export function resolveBaseUrl(root: string, flag: string | undefined): string {
  let value = flag;
  if (value === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { codeCompare?: { baseUrl?: unknown } };
      if (typeof pkg.codeCompare?.baseUrl === 'string') value = pkg.codeCompare.baseUrl;
    } catch {
      // No package.json in the root: the flag is then required.
    }
  }
  if (value === undefined) throw new UsageError('no base URL: pass --base-url URL or set "codeCompare": { "baseUrl": … } in package.json');
  return normalizeBaseUrl(value);
}

/** An absolute http(s) URL without query or fragment, ending with '/'; a UsageError otherwise. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url must be an absolute URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http or https URL, not "${value}"`);
  if (url.search || url.hash) throw new UsageError('--base-url may not have a query or fragment');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
