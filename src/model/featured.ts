import { compareCodes } from './order.js';
import type { FamilyData, PairData } from './types.js';

export interface FeaturedPair {
  readonly a: string;
  readonly b: string;
  /** The written comparison, when the pair has a pair file. */
  readonly written?: PairData;
}

const memo = new WeakMap<FamilyData, { list: FeaturedPair[]; byKey: Map<string, FeaturedPair>; byCode: Map<string, number[]>; partners: Map<string, readonly string[]> }>();

const key = (a: string, b: string) => `${a}\u0000${b}`;

function ordered(x: string, y: string): [string, string] {
  return compareCodes(x, y) <= 0 ? [x, y] : [y, x];
}

function compute(family: FamilyData) {
  const byKey = new Map<string, FeaturedPair>();
  for (const pair of family.pairs) byKey.set(key(pair.a, pair.b), { a: pair.a, b: pair.b, written: pair });
  const related: FeaturedPair[] = [];
  for (const code of family.codes) {
    for (const other of code.related) {
      const [a, b] = ordered(code.code, other);
      if (a === b || byKey.has(key(a, b))) continue;
      const pair = { a, b };
      byKey.set(key(a, b), pair);
      related.push(pair);
    }
  }
  related.sort((x, y) => compareCodes(x.a, y.a) || compareCodes(x.b, y.b));
  // Written comparisons first: they are the ones readers confuse most, and say the most.
  const list = [...family.pairs.map((p) => byKey.get(key(p.a, p.b))!), ...related];
  const byCode = new Map<string, number[]>();
  list.forEach((pair, index) => {
    for (const code of pair.a === pair.b ? [pair.a] : [pair.a, pair.b]) byCode.set(code, [...(byCode.get(code) ?? []), index]);
  });
  return { list, byKey, byCode, partners: new Map<string, readonly string[]>() };
}

function featuredOf(family: FamilyData) {
  let found = memo.get(family);
  if (!found) memo.set(family, (found = compute(family)));
  return found;
}

/**
 * The family's featured pairs: those with a pair file, then those one code names in `related`.
 * They are indexed and linked; every other pair is built but kept out of the sitemap.
 */
export function featuredPairs(family: FamilyData): readonly FeaturedPair[] {
  return featuredOf(family).list;
}

const lookedUp = new WeakMap<FamilyData, Map<string, FeaturedPair | null>>();

/** The featured pair of two codes in either order; remembered, as every page of a pair asks. */
export function featuredPair(family: FamilyData, a: string, b: string): FeaturedPair | undefined {
  let found = lookedUp.get(family);
  if (!found) lookedUp.set(family, (found = new Map()));
  const asked = key(a, b);
  let pair = found.get(asked);
  if (pair === undefined) found.set(asked, (pair = featuredOf(family).byKey.get(key(...ordered(a, b))) ?? null));
  return pair ?? undefined;
}

/** The featured pairs either code is part of, in the order of featuredPairs, without the pair of the two. */
export function featuredPairsTouching(family: FamilyData, a: string, b: string): FeaturedPair[] {
  const { list, byCode } = featuredOf(family);
  const indexes = [...new Set([...(byCode.get(a) ?? []), ...(byCode.get(b) ?? [])])].sort((x, y) => x - y);
  return indexes.map((i) => list[i]!).filter((p) => !(p.a === a && p.b === b));
}

/** The codes a code is featured with, in pair order of the other code; remembered, as each of the code's pages asks. */
export function featuredPartners(family: FamilyData, code: string): readonly string[] {
  const { list, byCode, partners } = featuredOf(family);
  let found = partners.get(code);
  if (found === undefined) partners.set(code, (found = (byCode.get(code) ?? []).map((i) => (list[i]!.a === code ? list[i]!.b : list[i]!.a)).sort(compareCodes)));
  return found;
}

/** How many comparisons of each family the home page shows, unless the family highlights more. */
export const HOME_COMPARISONS = 12;

/** The comparisons the home page shows of a family: its highlights, then its other featured pairs (written ones first). */
export function homePairs(family: FamilyData): ReadonlyArray<{ readonly a: string; readonly b: string }> {
  const chosen = family.highlights.map(([a, b]) => ({ a, b }));
  for (const pair of featuredPairs(family)) {
    if (chosen.length >= HOME_COMPARISONS) break;
    if (!chosen.some((c) => c.a === pair.a && c.b === pair.b)) chosen.push({ a: pair.a, b: pair.b });
  }
  return chosen;
}

/** The codes whose titles the home page shows for a family: those of its home pairs, in code order. */
export function homeCodes(family: FamilyData): string[] {
  return [...new Set(homePairs(family).flatMap((p) => [p.a, p.b]))].sort(compareCodes);
}
