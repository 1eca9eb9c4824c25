import { featuredPair } from '../model/featured.js';
import type { FamilyData } from '../model/types.js';
import type { FieldReader } from './fields.js';
import { splitPairName } from './pairs.js';

/**
 * `highlights:` of a _family.md: the comparisons the home page leads with, as `<a>-vs-<b>` names
 * of featured pairs, most important first.
 */
export function readHighlights(reader: FieldReader, family: Omit<FamilyData, 'highlights'>): Array<readonly [string, string]> {
  const known = new Set(family.codes.map((c) => c.code));
  return reader.stringList('highlights').flatMap((name, index): Array<readonly [string, string]> => {
    const split = splitPairName(name, known);
    if (!split || !known.has(split[0]) || !known.has(split[1])) {
      reader.error(['highlights', index], 'unknown-code', `\`highlights\` names "${name}", which is not <a>-vs-<b> of two codes of this family`);
      return [];
    }
    if (!featuredPair(family as FamilyData, split[0], split[1])) {
      reader.error(['highlights', index], 'not-featured', `\`highlights\` names ${name}, which is not featured: give it a pair file, or list one code in the other's \`related\``);
      return [];
    }
    const ordered = featuredPair(family as FamilyData, split[0], split[1])!;
    return [[ordered.a, ordered.b] as const];
  });
}
