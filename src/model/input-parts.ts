import type { PairData } from './types.js';

/** What an earlier build's manifest says its pages were made from: their hashes, and per language its parts (InputHashes.components). */
export interface EarlierHashes {
  readonly files: Readonly<Record<string, string>>;
  readonly components?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** One part of what a language's pages are made from (see InputHashes.languageParts). */
export interface Part {
  readonly kind: '*' | 'F' | 'C' | 'P' | 'D';
  readonly family: string;
  /** `_family`, a code, or a written comparison (`pairs/550-vs-553`). */
  readonly unit: string;
  readonly hash: string;
}

/** A part's key in the manifest: `*`, `["C","smtp","550"]`. */
export const partKey = (part: Part) => (part.kind === '*' ? '*' : JSON.stringify([part.kind, part.family, part.unit]));

/** The changed parts, by what a page asks: a family's own (its data, its file's date), and its codes' and comparisons'. */
export interface ChangedParts {
  readonly families: ReadonlySet<string>;
  readonly units: ReadonlyMap<string, ReadonlySet<string>>;
}

export function changedParts(parts: readonly Part[]): ChangedParts {
  const families = new Set<string>();
  const units = new Map<string, Set<string>>();
  for (const part of parts) {
    if (part.unit === '_family') families.add(part.family);
    else units.set(part.family, (units.get(part.family) ?? new Set()).add(part.unit));
  }
  return { families, units };
}

/** A written comparison as a content unit: `pairs/550-vs-553`. */
export const pairUnit = (pair: PairData) => `pairs/${pair.a}-vs-${pair.b}`;
