import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileAll, Unsupported } from '../../src/render/compile.js';
import { compileTemplates, type TemplateEngine } from '../../src/render/templates.js';
import { REPO } from '../support/site.js';

class WithPrototype {
  own = 'own value';
  get inherited(): string {
    return 'from the prototype';
  }
}

/** A view with values of every kind a template can meet. */
const VIEW = {
  title: 'A <b>"quoted"</b> & `ticked` = \'single\'',
  zero: 0,
  one: 1,
  empty: '',
  no: false,
  yes: true,
  nothing: null,
  list: ['x', 'y', 'z'],
  none: [] as string[],
  items: [
    { name: 'first', n: 0, tags: ['a', 'b'], inner: { name: 'deep' } },
    { name: 'second', n: 2, tags: [], inner: null },
  ],
  object: { alpha: 'A', beta: 'B', gamma: 0 },
  map: new Map([['k1', 'v1'], ['k2', 'v2']]),
  safe: new Handlebars.SafeString('<i>safe</i>'),
  fn: function (this: { title?: string }) {
    return `called with ${typeof this}`;
  },
  instance: new WithPrototype(),
  key: 'alpha',
  name: 'root name',
};

function render(engine: TemplateEngine, page: string, partials: Record<string, string> = {}, view: object = VIEW): string {
  const sources: Record<string, string> = { layout: '{{body}}', 'pages/x': page };
  for (const [name, source] of Object.entries(partials)) sources[`partials/${name}`] = source;
  return compileTemplates(sources, engine).render('x', { ...view, $: undefined as never });
}

/** Both engines' output, or both engines' error message. */
function both(page: string, partials: Record<string, string> = {}, view: object = VIEW): [string, string] {
  const attempt = (engine: TemplateEngine) => {
    try {
      return render(engine, page, partials, view);
    } catch (error) {
      return `threw: ${(error as Error).message}`;
    }
  };
  return [attempt('fast'), attempt('handlebars')];
}

describe('templates compiled to plain functions render as Handlebars does', () => {
  it.each([
    ['escaping of every character Handlebars escapes', '{{title}}|{{{title}}}|{{&title}}'],
    ['safe strings, numbers, false, null and missing values', '{{safe}}|{{zero}}|{{one}}|{{no}}|{{nothing}}|{{missing}}|{{missing.deeper}}'],
    ['a function in the view is called with the context', '{{fn}}|{{#with object}}{{../fn}}{{/with}}'],
    ['properties of a prototype are not read', '{{instance.own}}|{{instance.inherited}}|{{list.length}}|{{title.length}}|{{object.constructor}}|{{object.__proto__}}'],
    ['if and unless with every kind of value', '{{#if zero}}Z{{else}}z{{/if}}{{#if zero includeZero=true}}Z{{/if}}{{#if empty}}E{{/if}}{{#if none}}N{{else}}n{{/if}}{{#if object}}O{{/if}}{{#unless no}}u{{/unless}}{{#if fn}}F{{/if}}{{#unless list}}L{{else}}l{{/unless}}'],
    ['else if chains', '{{#if no}}1{{else if zero}}2{{else if one}}3{{else}}4{{/if}}'],
    ['each over arrays with its data', '{{#each list}}[{{@index}}{{@first}}{{@last}}{{@key}}:{{this}}]{{/each}}'],
    ['each over an object and a Map', '{{#each object}}{{@key}}={{this}}{{#if @last}}.{{/if}}{{/each}}|{{#each map}}{{this}}{{@index}}{{/each}}'],
    ['each over nothing takes the else branch', '{{#each none}}x{{else}}empty{{/each}}{{#each missing}}x{{else}}gone{{/each}}{{#each title}}s{{else}}string{{/each}}'],
    ['../ reaches the context outside the nearest block that changed it', '{{#each items}}{{#if name}}{{../name}}/{{name}}{{/if}}{{#each tags}}<{{../name}}.{{this}}.{{../../name}}>{{/each}}{{/each}}'],
    ['data of outer loops', '{{#each items}}{{#each tags}}{{@../index}}.{{@index}} {{/each}}{{/each}}{{@root.name}}'],
    ['with, and with over nothing', '{{#with items.[0].inner}}{{name}}{{/with}}{{#with nothing}}x{{else}}no{{/with}}{{#with items}}{{length}}{{/with}}'],
    ['lookup', '{{lookup object key}}|{{lookup object "beta"}}|{{lookup missing "x"}}|{{#each list}}{{lookup ../list @index}}{{/each}}'],
    ['helpers as subexpressions and mustaches', '{{#if (eq one 1)}}eq{{/if}}{{#each (array title one)}}({{this}}){{/each}}{{any zero empty}}{{id "card" "5.1.1"}}{{jsonAttr object}}{{plain title}}'],
    ['this and ./ paths', '{{#each items}}{{this.name}}{{./n}}{{.}}{{/each}}'],
    ['standalone lines and whitespace control', '<ul>\n  {{#each list}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n{{~#if yes~}}  tight  {{~/if~}}\n'],
    ['comments', 'a{{! one }}b{{!-- two --}}c'],
  ])('%s', (_name, page) => {
    const [fast, handlebars] = both(page);
    expect(fast).not.toMatch(/^threw/);
    expect(fast).toBe(handlebars);
  });

  it.each([
    ['a partial with the current context', '{{#each items}}{{> item}}{{/each}}', { item: '<{{name}}:{{@index}}:{{@root.name}}>' }],
    ['a partial with a hash', '{{#each items}}{{> item extra=../title}}{{/each}}', { item: '{{name}}+{{extra}};' }],
    ['a partial with another context', '{{> item items.[1]}}', { item: '{{name}}' }],
    ['a standalone partial keeps its indentation once', '<div>\n  {{> item}}\n</div>\n', { item: 'line one\nline two\n' }],
    ['../ inside a partial starts at its context', '{{#each items}}{{> item}}{{/each}}', { item: '{{#each tags}}{{../name}}{{/each}}|{{../name}}' }],
    ['a partial calling another', '{{> outer}}', { outer: '[{{> inner}}]', inner: '{{name}}' }],
  ])('%s', (_name, page, partials) => {
    const [fast, handlebars] = both(page, partials);
    expect(fast).not.toMatch(/^threw/);
    expect(fast).toBe(handlebars);
  });

  it.each([
    ['block parameters', '{{#each list as |item|}}{{item}}{{/each}}'],
    ['a block of a value', '{{#items}}{{name}}{{/items}}'],
    ['an inverse section', '{{^none}}none{{/none}}'],
    ['an inline partial', '{{#*inline "x"}}in{{/inline}}{{> x}}'],
    ['a partial block', '{{#> item}}default{{/item}}'],
    ['log', '{{log title level="debug"}}'],
    ['a literal as a mustache', '{{"title"}}'],
    ['#each without a list', '{{#each}}x{{/each}}'],
  ])('%s is left to Handlebars, with the same result', (_name, page) => {
    const sources = { layout: '{{body}}', 'pages/x': page, 'partials/item': '{{name}}' };
    expect(() => compileAll(sources, {})).toThrow(Unsupported);
    const [fast, handlebars] = both(page, { item: '{{name}}' });
    expect(fast).toBe(handlebars);
  });

  it('compiles every bundled template to plain functions', () => {
    const dir = path.join(REPO, 'templates');
    const sources = Object.fromEntries(
      (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.hbs')).map((f) => [f.replace(/\.hbs$/, '').split(path.sep).join('/'), readFileSync(path.join(dir, f), 'utf8')]),
    );
    expect(Object.keys(sources)).toContain('pages/pair');
    const helpers = Object.fromEntries(['t', 'ta', 'text', 'inline', 'block', 'plain', 'eq', 'array', 'any', 'json', 'jsonAttr', 'markup', 'id'].map((h) => [h, () => '']));
    expect(() => compileAll(sources, helpers)).not.toThrow();
  });
});

/** Random templates over the view's names: blocks nested in blocks, paths up and down, helpers and partials. */
function templateArbitrary(): fc.Arbitrary<string> {
  const name = fc.constantFrom('title', 'zero', 'one', 'empty', 'no', 'yes', 'nothing', 'list', 'none', 'items', 'object', 'map', 'safe', 'fn', 'instance', 'name', 'n', 'tags', 'inner', 'missing', 'this', 'length', 'alpha');
  const path = fc.oneof(
    name,
    fc.tuple(name, name).map(([a, b]) => `${a}.${b}`),
    fc.tuple(fc.integer({ min: 1, max: 3 }), name).map(([depth, n]) => `${'../'.repeat(depth)}${n}`),
    fc.constantFrom('@index', '@first', '@last', '@key', '@root.name', '@../index', '.', 'items.[0].name'),
  );
  const text = fc.constantFrom('', 'a', ' ', '\n', '<&>', '  \n', '=`\'"');
  const leaf = fc.oneof(
    text,
    path.map((p) => `{{${p}}}`),
    path.map((p) => `{{{${p}}}}`),
    fc.tuple(path, path).map(([a, b]) => `{{eq ${a} ${b}}}`),
    fc.tuple(path, path).map(([a, b]) => `{{lookup ${a} ${b}}}`),
    path.map((p) => `{{> item ctx=${p}}}`),
    fc.constant('{{> item}}'),
  );
  const block = (inner: fc.Arbitrary<string>) =>
    fc.tuple(fc.constantFrom('if', 'unless', 'each', 'with'), path, inner, fc.option(inner, { nil: undefined }), fc.boolean(), fc.boolean()).map(([helper, p, body, otherwise, standalone, strip]) => {
      const nl = standalone ? '\n' : '';
      const open = strip ? '{{~#' : '{{#';
      return `${open}${helper} ${p}}}${nl}${body}${otherwise === undefined ? '' : `${nl}{{else}}${otherwise}`}${nl}{{/${helper}}}${nl}`;
    });
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, block(tie('nodes') as fc.Arbitrary<string>)),
    nodes: fc.array(tie('node') as fc.Arbitrary<string>, { maxLength: 4 }).map((parts) => parts.join('')),
  }));
  return tree.nodes as fc.Arbitrary<string>;
}

describe('random templates', () => {
  it('render to the same text with both engines', () => {
    const partials = { item: '({{name}}{{#each tags}}{{../name}}{{@index}}{{/each}}{{ctx}})' };
    fc.assert(
      fc.property(templateArbitrary(), (page) => {
        const [fast, handlebars] = both(page, partials);
        expect(fast).toBe(handlebars);
      }),
      { seed: 17, numRuns: 600 },
    );
  });
});
