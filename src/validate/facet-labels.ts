import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { RawFamily } from '../load/project.js';
import type { FamilyData } from '../model/types.js';
import { requiredFacetLabels } from '../i18n/facet-keys.js';

/**
 * Every facet a family declares needs its labels in en.json (the source of every key): its name,
 * the aspect it names in a sentence, and each value's name and sentence. A missing one is reported
 * at the facet in _family.md.
 */
export function checkFacetLabels(families: readonly FamilyData[], raw: readonly RawFamily[], englishKeys: ReadonlySet<string>): Diagnostic[] {
  return families.flatMap((family) => {
    const file = raw.find((r) => r.id === family.id)!.file;
    const missing = requiredFacetLabels(family).filter((key) => !englishKeys.has(key));
    const byFacet = new Map<string, string[]>();
    for (const key of missing) {
      const facet = key.split('.')[3]!;
      byFacet.set(facet, [...(byFacet.get(facet) ?? []), key]);
    }
    return [...byFacet].map(([facet, keys]) =>
      diagnostic(file.path, file.locate(['facets', facet]), 'error', 'missing-facet-label', `facet "${facet}" has label${keys.length > 1 ? 's' : ''} ${keys.join(', ')} missing in locales/en.json`),
    );
  });
}

/**
 * The words a family declares for its classes' outcomes and for who must act are shown through
 * labels (`outcomeShort.<word>`, `actor.<value>`), the family's own (`families.<id>.…`) or the
 * shared ones; en.json must have one or the other.
 */
export function checkFamilyWordLabels(families: readonly FamilyData[], raw: readonly RawFamily[], englishKeys: ReadonlySet<string>): Diagnostic[] {
  return families.flatMap((family) => {
    const file = raw.find((r) => r.id === family.id)!.file;
    const has = (key: string) => englishKeys.has(`families.${family.id}.${key}`) || englishKeys.has(key);
    const found: Diagnostic[] = [];
    for (const [prefix, word] of Object.entries(family.outcomes)) {
      if (!has(`outcomeShort.${word}`)) found.push(diagnostic(file.path, file.locate(['outcomes', prefix]), 'error', 'missing-family-label', `outcome "${word}" needs the label families.${family.id}.outcomeShort.${word} (or outcomeShort.${word}) in locales/en.json`));
    }
    family.actors.forEach((actor, index) => {
      if (!has(`actor.${actor}`)) found.push(diagnostic(file.path, file.locate(['actors', index]), 'error', 'missing-family-label', `actor "${actor}" needs the label families.${family.id}.actor.${actor} (or actor.${actor}) in locales/en.json`));
    });
    return found;
  });
}
