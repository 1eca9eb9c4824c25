import { sourceHash, sourceRecord } from '../model/hash.js';
import type { FamilyData, TextFields } from '../model/types.js';
import { flatPairText } from './pair-text.js';
import { PAIR_PREFIX, pairKey } from './pair-translations.js';

export const FAMILY_KEY = '_family';

/** The English a translation is made from: its text as the source hash covers it, and that hash. */
export interface EnglishSource {
  /** `smtp/553`, `smtp/_family`, `smtp/pairs/421-vs-450` */
  readonly id: string;
  readonly hash: string;
  readonly record: Readonly<Record<string, string>>;
}

/** A family's translatable text: its title and introduction, and its class names as `class <prefix>`. */
export function familySourceText(text: TextFields, classes: Readonly<Record<string, string>>): Record<string, string | undefined> {
  return { ...text, ...Object.fromEntries(Object.entries(classes).map(([prefix, name]) => [`class ${prefix}`, name])) };
}

function sourceText(family: FamilyData, name: string): Record<string, string | undefined> | undefined {
  if (name === FAMILY_KEY) return familySourceText(family.text, family.classes);
  if (name.startsWith(PAIR_PREFIX)) {
    const pair = family.pairs.find((p) => pairKey(p) === name.slice(PAIR_PREFIX.length));
    return pair && flatPairText(pair.text);
  }
  return family.codes.find((c) => c.code === name)?.text;
}

/** The English of `<family>/<name>` (a code, `_family` or `pairs/<a>-vs-<b>`); undefined when there is none. */
export function englishSource(families: readonly FamilyData[], id: string): EnglishSource | undefined {
  const slash = id.indexOf('/');
  const family = families.find((f) => f.id === id.slice(0, slash));
  const text = family && slash > 0 ? sourceText(family, id.slice(slash + 1)) : undefined;
  return text && { id, hash: sourceHash(text), record: sourceRecord(text) };
}

/** Every piece of English content a translation can be made from, with its id. */
export function englishSources(families: readonly FamilyData[]): EnglishSource[] {
  return families.flatMap((family) =>
    [FAMILY_KEY, ...family.codes.map((c) => c.code), ...family.pairs.map((p) => `${PAIR_PREFIX}${pairKey(p)}`)].flatMap((name) => englishSource([family], `${family.id}/${name}`) ?? []),
  );
}
