import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { checkTemplates } from '../../src/render/template-check.js';
import { HELPER_NAMES } from '../../src/render/templates.js';

/** Templates that parse; some Handlebars' compiler rejects when only known helpers are allowed. */
const TEMPLATES = [
  '{{upper title}}',
  '<p>\n  {{#each xs as |x|}}{{x 1}}{{/each}}</p>',
  '{{#each xs as |x|}}{{y 1}}{{/each}}',
  '{{t "a"}}{{foo}}',
  '{{foo.bar 1}}',
  '{{t (up x)}}',
  '{{#if (eq a b)}}x{{else}}{{nope 1}}{{/if}}',
  '{{> p a b}}',
  '{{> p a}}',
  '{{#custom}}x{{/custom}}',
  '{{#custom a}}x{{/custom}}',
  '{{"lit" a}}',
  '{{this.foo 1}}',
  '{{../foo 1}}',
  '{{#with a as |b|}}{{b.c 1}}{{b 2}}{{/with}}',
  '{{t "x" k=(bad 1)}}',
  '{{#each a}}{{else}}{{zz 1}}{{/each}}',
  '{{lookup a "b"}}',
  '{{{raw 1}}}',
  '{{x y=1}}',
  '{{#*inline "x"}}{{bad 3}}{{/inline}}',
  '{{#> p}}{{bad 2}}{{/p}}',
];

/** Handlebars' own verdict: the message's helper, and where, or nothing; a fresh options object each time. */
function compilerVerdict(source: string): { line: number; column: number; helper: string } | undefined {
  try {
    Handlebars.precompile(source, { knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])), knownHelpersOnly: true });
    return undefined;
  } catch (error) {
    const message = String((error as Error).message);
    const at = / - (\d+):(\d+)$/.exec(message)!;
    return { line: Number(at[1]), column: Number(at[2]) + 1, helper: /unknown helper (\S+)/.exec(message)?.[1] ?? /partial arguments: (\d+)/.exec(message)![1]! };
  }
}

const check = (source: string) => checkTemplates({ 'pages/x': source, 'partials/p': 'p' }, (name) => `templates/${name}.hbs`, []);

describe('template check', () => {
  it.each(TEMPLATES)('finds what Handlebars compiling %j rejects, and where', (source) => {
    const verdict = compilerVerdict(source);
    const found = check(source);
    if (verdict === undefined) return expect(found).toEqual([]);
    // Handlebars stops at its first error; the check reports every one, the compiler's first among them.
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ file: 'templates/pages/x.hbs', line: verdict.line, column: verdict.column, rule: 'template-syntax' });
    expect(found[0]!.message).toContain(verdict.helper);
  });

  it('reports every unknown helper in a template, not only the first', () => {
    expect(check('{{one 1}}\n{{two 2}}').map((d) => [d.line, d.message.slice(0, 21)])).toEqual([
      [1, 'unknown helper "one";'],
      [2, 'unknown helper "two";'],
    ]);
  });

  it('still knows a block parameter from a helper after a template that failed inside one', () => {
    // Compiling with Handlebars kept the failed template's block parameter `x` for the next one.
    expect(check('{{#each xs as |x|}}{{y 1}}{{/each}}')).toHaveLength(1);
    expect(check('{{x y=1}}')).toHaveLength(1);
  });

  it('reports a syntax error with its position', () => {
    expect(check('<p>\n{{#if a}}\n</p>')).toMatchObject([{ line: 3, rule: 'template-syntax' }]);
  });
});
