import { facetKey } from '../i18n/facet-keys.js';
import type { LocalizedCode } from '../model/localize.js';
import type { FacetDefinition, FamilyData } from '../model/types.js';
import { escapeHtml, html, type Html } from './html.js';
import { safe, type RenderScope, type SafeMarkup } from './scope.js';

const listFormats = new Map<string, Intl.ListFormat>();

/** Joined lists by language, type and items: the same few value lists recur on thousands of pages. */
const joined = new Map<string, Html>();

/** Items joined as the language joins them ("A, B or C", "A and B"), each item's markup kept as it is. */
function joinList(lang: string, type: 'disjunction' | 'conjunction', items: readonly Html[]): Html {
  if (items.length === 1) return items[0]!;
  const key = `${lang}\u0000${type}\u0000${items.join('\u0000')}`;
  let list = joined.get(key);
  if (list === undefined) {
    let format = listFormats.get(`${lang}\u0000${type}`);
    if (!format) listFormats.set(`${lang}\u0000${type}`, (format = new Intl.ListFormat(lang, { type })));
    const pieces = format.formatToParts(items.map((_, i) => String(i))).map((part) => (part.type === 'element' ? String(items[Number(part.value)]!) : escapeHtml(part.value)));
    if (joined.size >= 10_000) joined.clear();
    joined.set(key, (list = html(SPACED_SCRIPTS.test(lang) ? spaceBetweenScripts(pieces) : pieces.join(''))));
  }
  return list;
}

/** Languages whose style guides put a space between Han or kana and Latin letters or digits. */
const SPACED_SCRIPTS = /^(ja|zh)\b/;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const NARROW = /[A-Za-z0-9]/;

/** Joins pieces of markup, with a space where a Han or kana character meets a Latin letter or digit. */
export function spaceBetweenScripts(pieces: readonly string[]): string {
  let joined = '';
  let last = '';
  for (const piece of pieces) {
    const visible = piece.replace(/<[^>]*>/g, '');
    const first = visible.slice(0, 1);
    if ((WIDE.test(last) && NARROW.test(first)) || (NARROW.test(last) && WIDE.test(first))) joined += ' ';
    joined += piece;
    if (visible) last = visible.slice(-1);
  }
  return joined;
}

function valuesOf(code: LocalizedCode, facet: FacetDefinition): readonly string[] {
  return code.data.facets[facet.id] ?? [];
}

function sameValues(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v) => y.includes(v));
}

/** A code's values of one facet as a phrase: "RCPT TO or end of data". */
function valueNames(scope: RenderScope, family: string, facet: FacetDefinition, values: readonly string[]): Html {
  return joinList(scope.lang, 'disjunction', values.map((v) => scope.label(facetKey(family, facet.id, `values.${v}`))));
}

/** One sentence about one code's values: the value's own sentence, or the facet's sentence over a list. */
function sentence(scope: RenderScope, family: string, facet: FacetDefinition, code: LocalizedCode): Html {
  const values = valuesOf(code, facet);
  if (values.length === 1) return scope.label(facetKey(family, facet.id, `sentences.${values[0]}`), { code: code.data.code });
  return scope.label(facetKey(family, facet.id, 'sentence'), { code: code.data.code, values: safe(valueNames(scope, family, facet, values)) });
}

export interface FacetRow {
  readonly name: SafeMarkup;
  readonly a: SafeMarkup;
  readonly b: SafeMarkup;
  readonly differs: boolean;
}

/** The side-by-side rows: one per facet that both codes give. */
export function facetRows(scope: RenderScope, family: FamilyData, a: LocalizedCode, b: LocalizedCode): FacetRow[] {
  return family.facets.filter((f) => valuesOf(a, f).length > 0 && valuesOf(b, f).length > 0).map((facet) => ({
    name: safe(scope.label(facetKey(family.id, facet.id, 'name'))),
    a: safe(valueNames(scope, family.id, facet, valuesOf(a, facet))),
    b: safe(valueNames(scope, family.id, facet, valuesOf(b, facet))),
    differs: !sameValues(valuesOf(a, facet), valuesOf(b, facet)),
  }));
}

/** The facets in which two codes differ, in the family's order. */
export function differingFacets(family: FamilyData, a: LocalizedCode, b: LocalizedCode): FacetDefinition[] {
  return family.facets.filter((f) => valuesOf(a, f).length > 0 && valuesOf(b, f).length > 0 && !sameValues(valuesOf(a, f), valuesOf(b, f)));
}

/** A difference as the page says it: what the facet is for A, then for B, each a full sentence. */
export function facetDifference(scope: RenderScope, family: FamilyData, facet: FacetDefinition, a: LocalizedCode, b: LocalizedCode): SafeMarkup {
  return safe(`${sentence(scope, family.id, facet, a)} ${sentence(scope, family.id, facet, b)}`);
}

/** The facets' names as a phrase: "what fails and when the reply comes". */
export function aspectList(scope: RenderScope, family: FamilyData, facets: readonly FacetDefinition[]): Html {
  return joinList(scope.lang, 'conjunction', facets.map((f) => scope.label(facetKey(family.id, f.id, 'aspect'))));
}
