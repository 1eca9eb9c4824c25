import type { FacetDefinition } from '../model/types.js';
import type { FieldReader } from './fields.js';

/** Facet ids and values become parts of label keys (`families.smtp.facets.scope.values.recipient`). */
const FACET_NAME = /^[a-z0-9][a-z0-9_-]*$/i;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** `facets:` of a _family.md: a mapping from each facet to the list of its values. */
export function readFacetDefinitions(reader: FieldReader): FacetDefinition[] {
  const map = reader.mapping('facets') ?? {};
  const facets: FacetDefinition[] = [];
  for (const [id, raw] of Object.entries(map)) {
    if (!FACET_NAME.test(id)) {
      reader.error(['facets', id], 'field-value', `facet name "${id}" may hold only letters, digits, '_' and '-'`);
      continue;
    }
    if (!Array.isArray(raw) || raw.length === 0) {
      reader.error(['facets', id], 'field-type', `\`facets.${id}\` must be a non-empty list of values`);
      continue;
    }
    const values: string[] = [];
    raw.forEach((value, index) => {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !FACET_NAME.test(text)) reader.error(['facets', id, index], 'field-value', `each value of \`facets.${id}\` must be a name of letters, digits, '_' and '-'`);
      else if (values.includes(text)) reader.error(['facets', id, index], 'duplicate-value', `\`facets.${id}\` lists "${text}" twice`);
      else values.push(text);
    });
    facets.push({ id, values });
  }
  return facets;
}

/**
 * `facets:` of a code: one value or a list of values for each facet its family declares. A facet
 * the family does not declare, or a value it does not allow, is an error; a facet left out, a
 * warning (the comparison then cannot say how the codes differ in it).
 */
export function readCodeFacets(reader: FieldReader, definitions: readonly FacetDefinition[]): Record<string, string[]> {
  const given = reader.mapping('facets') ?? {};
  const facets: Record<string, string[]> = {};
  if (definitions.length === 0) {
    if (Object.keys(given).length > 0) reader.error(['facets'], 'unknown-facet', 'this family declares no facets in its _family.md');
    return facets;
  }
  for (const [id, raw] of Object.entries(given)) {
    const definition = definitions.find((d) => d.id === id);
    if (!definition) {
      reader.error(['facets', id], 'unknown-facet', `unknown facet "${id}"; the family declares ${definitions.map((d) => d.id).join(', ')}`);
      continue;
    }
    const values: string[] = [];
    listOf(raw).forEach((value, index) => {
      const at = Array.isArray(raw) ? ['facets', id, index] : ['facets', id];
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !definition.values.includes(text)) {
        reader.error(at, 'unknown-facet-value', `\`facets.${id}\` cannot be ${JSON.stringify(value)}; allowed: ${definition.values.join(', ')}`);
      } else if (values.includes(text)) reader.error(at, 'duplicate-value', `\`facets.${id}\` lists "${text}" twice`);
      else values.push(text);
    });
    if (values.length > 0) facets[id] = values;
  }
  const missing = definitions.filter((d) => given[d.id] === undefined).map((d) => d.id);
  if (missing.length > 0) reader.warn(reader.has('facets') ? ['facets'] : ['code'], 'missing-facet', `no value for facet${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the family declares`);
  return facets;
}
