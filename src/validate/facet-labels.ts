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
