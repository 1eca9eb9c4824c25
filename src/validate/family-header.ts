import { DEFAULT_ACTORS, type FacetDefinition } from '../model/types.js';
import { readFacetDefinitions } from './facets.js';
import type { FieldReader } from './fields.js';

export const FAMILY_FIELDS = ['name', 'title', 'pattern', 'classes', 'outcomes', 'actors', 'wildcard', 'links', 'facets', 'highlights'];

/** The code fields whose values may name codes of another family, declared under `links`. */
export const LINK_FIELDS = ['enhanced'] as const;

/** Outcome words, actors and family ids become label keys and URL segments. */
const WORD = /^[a-z0-9][a-z0-9-]*$/;

export interface FamilyHeader {
  readonly name: string;
  readonly title: string;
  readonly pattern: RegExp;
  readonly classes: Record<string, string>;
  readonly outcomes: Record<string, string>;
  readonly actors: readonly string[];
  readonly wildcard?: string;
  readonly links: Record<string, string>;
  readonly facets: FacetDefinition[];
}

function readStringMap(reader: FieldReader, key: string, required: boolean): Record<string, string> {
  const map = reader.mapping(key, { required }) ?? {};
  const out: Record<string, string> = {};
  for (const [prefix, value] of Object.entries(map)) {
    if (typeof value !== 'string' || value.trim() === '') reader.error([key, prefix], 'field-type', `\`${key}.${prefix}\` must be a non-empty string`);
    else out[prefix] = value.trim();
  }
  return out;
}

function readWords(reader: FieldReader, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, value] of Object.entries(readStringMap(reader, key, false))) {
    if (WORD.test(value)) out[prefix] = value;
    else reader.error([key, prefix], 'field-value', `\`${key}.${prefix}\` must be a word of lower-case letters, digits and '-' (it names a label), not "${value}"`);
  }
  return out;
}

function readActors(reader: FieldReader): readonly string[] {
  if (!reader.has('actors')) return DEFAULT_ACTORS;
  const actors = reader.stringList('actors');
  actors.forEach((actor, index) => {
    if (!WORD.test(actor)) reader.error(['actors', index], 'field-value', `\`actors\` must hold words of lower-case letters, digits and '-' (each names a label), not "${actor}"`);
  });
  if (actors.length === 0) reader.error(['actors'], 'field-value', '`actors` must list at least one value');
  return actors.filter((actor) => WORD.test(actor));
}

function readLinks(reader: FieldReader): Record<string, string> {
  const links = readStringMap(reader, 'links', false);
  for (const field of Object.keys(links)) {
    if (!(LINK_FIELDS as readonly string[]).includes(field)) {
      reader.error(['links', field], 'field-value', `\`links\` may declare only ${LINK_FIELDS.join(', ')}, the code fields that name codes of another family; not "${field}"`);
      delete links[field];
    }
  }
  return links;
}

function readWildcard(reader: FieldReader): string | undefined {
  const wildcard = reader.string('wildcard');
  if (wildcard !== undefined && !/^[A-Za-z]+$/.test(wildcard)) {
    reader.error(['wildcard'], 'field-value', `\`wildcard\` must be letters only, the way the family writes a component that any value fills (X in X.1.1), not "${wildcard}"`);
    return undefined;
  }
  return wildcard;
}

export function readFamilyHeader(reader: FieldReader): FamilyHeader | undefined {
  reader.unknownFields(FAMILY_FIELDS);
  const name = reader.string('name', { required: true });
  const title = reader.string('title', { required: true });
  const source = reader.string('pattern', { required: true });
  const classes = readStringMap(reader, 'classes', true);
  const outcomes = readWords(reader, 'outcomes');
  let pattern: RegExp | undefined;
  if (source !== undefined) {
    try {
      pattern = new RegExp(source, 'u');
    } catch (error) {
      reader.error(['pattern'], 'field-value', `\`pattern\` is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const actors = readActors(reader);
  const wildcard = readWildcard(reader);
  const links = readLinks(reader);
  const facets = readFacetDefinitions(reader);
  if (!name || !title || !pattern) return undefined;
  return { name, title, pattern, classes, outcomes, actors, ...(wildcard === undefined ? {} : { wildcard }), links, facets };
}
