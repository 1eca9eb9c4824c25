import type { FamilyData } from '../model/types.js';

/** The label keys of one facet: `families.<family>.facets.<facet>.…`. */
export function facetKey(family: string, facet: string, part: string): string {
  return `families.${family}.facets.${facet}.${part}`;
}

/** The labels a family's facets need in en.json: each facet's name, aspect and list sentence, each value's name and sentence. */
export function requiredFacetLabels(family: FamilyData): string[] {
  return family.facets.flatMap((f) => [
    facetKey(family.id, f.id, 'name'),
    facetKey(family.id, f.id, 'aspect'),
    facetKey(family.id, f.id, 'sentence'),
    ...f.values.flatMap((v) => [facetKey(family.id, f.id, `values.${v}`), facetKey(family.id, f.id, `sentences.${v}`)]),
  ]);
}
