import { describe, expect, it } from 'vitest';
import { gettextPlurals, ruleCondition } from '../../src/i18n/gettext-plurals.js';

/** gettext's formula is C; for these operators JavaScript reads it the same way. */
function evaluate(header: string): (n: number) => number {
  const expression = /plural=(.+);$/.exec(header)![1]!;
  return new Function('n', `return Number(${expression});`) as (n: number) => number;
}

const NUMBERS = [...Array.from({ length: 2001 }, (_, n) => n), 1e6, 3e6, 1e6 + 1, 1e7 + 21];

describe('Plural-Forms from CLDR', () => {
  it.each(['en', 'vi', 'es', 'fr', 'de', 'pt-BR', 'pt-PT', 'ja', 'zh-CN', 'ru', 'ar', 'uk', 'pl', 'cs', 'lt', 'lv', 'ga', 'cy', 'he', 'sl', 'ro', 'is', 'mk', 'br'])(
    '%s: msgstr[k] is the k-th CLDR category, and the formula picks what Intl.PluralRules picks',
    (tag) => {
      const { categories, header } = gettextPlurals(tag);
      expect(categories).toEqual(['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => new Intl.PluralRules(tag).resolvedOptions().pluralCategories.includes(c as Intl.LDMLPluralRule)));
      expect(header).toMatch(new RegExp(`^nplurals=${categories.length}; plural=.+;$`));
      const plural = evaluate(header);
      const rules = new Intl.PluralRules(tag);
      expect(NUMBERS.filter((n) => categories[plural(n)] !== rules.select(n))).toEqual([]);
    },
  );

  it('writes the rules of a language with one form as a constant', () => {
    expect(gettextPlurals('ja').header).toBe('nplurals=1; plural=0;');
    expect(gettextPlurals('en').header).toBe('nplurals=2; plural=(n == 1 ? 0 : 1);');
  });

  it.each([
    ['i = 1 and v = 0 @integer 1', 'n == 1'],
    ['v = 0 and i % 10 = 2..4 and i % 100 != 12..14', 'n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)'],
    ['n = 0,1 or i = 0 and f = 1', 'n == 0 || n == 1'],
    ['e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5', 'n != 0 && n % 1000000 == 0'],
    ['v != 0 @decimal 0.1', false],
    [' @integer 0~15', true],
  ])('reads the CLDR rule %j for whole numbers as %j', (rule, condition) => {
    expect(ruleCondition(rule)).toBe(condition);
  });
});
