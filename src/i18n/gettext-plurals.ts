import { createRequire } from 'node:module';
import { pluralCategories, type PluralCategory } from './tags.js';

/**
 * gettext's `Plural-Forms` for a language, made from CLDR's plural rules (cldr-core's
 * plurals.json): msgstr[k] is the k-th of the language's CLDR categories in CLDR order (zero, one,
 * two, few, many, other), the same categories and order Intl.PluralRules and i18next's key
 * suffixes use. gettext counts are whole numbers, so the rules are read for integers: the operands
 * for fraction digits (v, w, f, t) and the exponent (c, e) are 0, and i equals n. A category that no
 * whole number selects (Russian `other`, for fractions) keeps its index but the formula never
 * yields it.
 */

type Rules = Record<string, Record<string, string>>;

let rules: Rules | undefined;

function cldrRules(): Rules {
  if (!rules) {
    const plurals = createRequire(import.meta.url)('cldr-core/supplemental/plurals.json') as { supplemental: { 'plurals-type-cardinal': Rules } };
    rules = plurals.supplemental['plurals-type-cardinal'];
  }
  return rules;
}

/** A condition folded as far as whole numbers allow: a constant, or C source over `n`. */
type Condition = boolean | string;

const INTEGER_OPERANDS = new Set(['n', 'i']);
const ZERO_OPERANDS = new Set(['v', 'w', 'f', 't', 'c', 'e']);

function and(parts: Condition[]): Condition {
  if (parts.includes(false)) return false;
  const rest = parts.filter((p): p is string => p !== true);
  return rest.length === 0 ? true : rest.length === 1 ? rest[0]! : rest.map((p) => (p.includes('||') ? `(${p})` : p)).join(' && ');
}

function or(parts: Condition[]): Condition {
  if (parts.includes(true)) return true;
  const rest = parts.filter((p): p is string => p !== false);
  return rest.length === 0 ? false : rest.length === 1 ? rest[0]! : rest.join(' || ');
}

/** `i % 10 = 2..4,9` (equal) or `!=`: one relation of a CLDR rule. */
function relation(text: string): Condition {
  const match = /^([nivwftce])\s*(?:%\s*(\d+))?\s*(!=|=)\s*([\d.,\s]+)$/.exec(text.trim());
  if (!match) throw new Error(`unsupported CLDR plural relation "${text}"`);
  const [, operand, modulus, operator, list] = match;
  const ranges = list!.split(',').map((item) => item.trim().split('..').map(Number) as [number, number?]);
  const negate = operator === '!=';
  if (ZERO_OPERANDS.has(operand!)) {
    const value = 0;
    const inside = ranges.some(([low, high]) => (high === undefined ? value === low : value >= low && value <= high));
    return inside !== negate;
  }
  if (!INTEGER_OPERANDS.has(operand!)) throw new Error(`unsupported CLDR plural operand "${operand}"`);
  const expr = modulus ? `n % ${modulus}` : 'n';
  const tests = ranges.map(([low, high]) => {
    if (high === undefined) return negate ? `${expr} != ${low}` : `${expr} == ${low}`;
    return negate ? `${expr} < ${low} || ${expr} > ${high}` : `${expr} >= ${low} && ${expr} <= ${high}`;
  });
  return negate ? and(tests) : or(tests.map((t) => (tests.length > 1 && t.includes('&&') ? `(${t})` : t)));
}

/** A CLDR rule (`v = 0 and i % 10 = 1 or …  @integer 1, 21, …`) as a condition on a whole number n. */
export function ruleCondition(rule: string): Condition {
  const source = rule.split('@')[0]!.trim();
  if (source === '') return true;
  return or(source.split(/\bor\b/).map((alternative) => and(alternative.split(/\band\b/).map(relation))));
}

function rulesFor(tag: string): Record<string, string> {
  const all = cldrRules();
  const locale = new Intl.Locale(tag);
  const candidates = [tag, `${locale.language}${locale.region ? `-${locale.region}` : ''}`, locale.language];
  for (const candidate of candidates) if (all[candidate]) return all[candidate]!;
  return all.root ?? {};
}

export interface GettextPlurals {
  /** The categories msgstr[0], msgstr[1], … stand for. */
  readonly categories: readonly PluralCategory[];
  /** `nplurals=3; plural=(…);` */
  readonly header: string;
}

export function gettextPlurals(tag: string): GettextPlurals {
  const categories = pluralCategories(tag);
  const cldr = rulesFor(tag);
  const other = categories.indexOf('other');
  let expression = String(other === -1 ? categories.length - 1 : other);
  for (let index = categories.length - 1; index >= 0; index--) {
    const category = categories[index]!;
    if (category === 'other') continue;
    const rule = cldr[`pluralRule-count-${category}`];
    const condition = rule === undefined ? false : ruleCondition(rule);
    if (condition === false) continue;
    expression = condition === true ? String(index) : `${condition} ? ${index} : ${expression}`;
  }
  const plural = /^\d+$/.test(expression) ? expression : `(${expression})`;
  return { categories, header: `nplurals=${categories.length}; plural=${plural};` };
}
