import Handlebars from 'handlebars';
import { compileAll, type Helper, type PartialMemo } from './compile.js';
import { isLocalized, isShared, RenderScope, SafeMarkup } from './scope.js';

type HelperOptions = Handlebars.HelperOptions;
type View = Record<string, unknown> & { $: RenderScope };

const scopeOf = (options: HelperOptions): RenderScope => (options.data.root as View).$;
const toSafe = (markup: string) => new Handlebars.SafeString(markup);

function countOf(options: HelperOptions): number | undefined {
  const count = options.hash.count as unknown;
  return typeof count === 'number' ? count : undefined;
}

/** The helpers templates may call, by name; each takes Handlebars' options last. */
const HELPER_FUNCTIONS = {
  t: (key: string, options: HelperOptions) => toSafe(scopeOf(options).label(key, options.hash, countOf(options))),
  ta: (key: string, options: HelperOptions) => scopeOf(options).plainLabel(key, options.hash, countOf(options)),
  text: (value: unknown, options: HelperOptions) => toSafe(scopeOf(options).value(value)),
  inline: (value: unknown, options: HelperOptions) => (isLocalized(value) ? toSafe(scopeOf(options).inline(value, options.hash.whole === true)) : ''),
  block: (value: unknown, options: HelperOptions) => {
    const level = typeof options.hash.level === 'number' ? options.hash.level : 3;
    return isLocalized(value) ? toSafe(scopeOf(options).block(value, level)) : '';
  },
  plain: (value: unknown) => (isLocalized(value) ? value.text : String(value ?? '')),
  eq: (a: unknown, b: unknown) => a === b,
  array: (...args: unknown[]) => args.slice(0, -1),
  any: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  json: (value: unknown) => toSafe(scriptJson(JSON.stringify(value))),
  jsonAttr: (value: unknown) => JSON.stringify(value),
  markup: (value: unknown) => (value instanceof SafeMarkup ? toSafe(value.markup) : ''),
  id: (...args: unknown[]) => idFrom(args.slice(0, -1)),
} satisfies Record<string, Helper>;

const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON safe inside a script element: '<' (of a closing tag) and the two line separators as escapes. */
function scriptJson(json: string): string {
  return json.replace(/[<\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

/** An element id from parts, holding only what ids may: ('desc', 'X.1.1') → 'desc-X-1-1'. */
export function idFrom(parts: readonly unknown[]): string {
  return parts.map(String).join('-').replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The names of this tool's helpers, as templates call them. */
export const HELPER_NAMES = Object.keys(HELPER_FUNCTIONS);

/** Declaring the helpers lets Handlebars call them directly instead of looking each name up at run time. */
const COMPILE_OPTIONS = {
  strict: false,
  preventIndent: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])),
  knownHelpersOnly: true,
} as const;

export interface TemplateSet {
  render(page: string, view: View): string;
}

export type TemplateEngine = 'fast' | 'handlebars';

/**
 * Compiles templates: `layout`, `pages/<kind>`, and `partials/<name>` (used as `{{> name}}`).
 * Plain functions where the templates use only what compile.ts covers (the bundled ones do), else
 * Handlebars itself; `engine: 'handlebars'` asks for Handlebars, to compare the two.
 */
export function compileTemplates(sources: Readonly<Record<string, string>>, engine: TemplateEngine = 'fast'): TemplateSet {
  // Every build of a preview server compiles the same templates: the last set is kept.
  const key = JSON.stringify([engine, sources]);
  if (lastCompiled?.key === key) return lastCompiled.set;
  const set = compile(sources, engine);
  lastCompiled = { key, set };
  return set;
}

let lastCompiled: { key: string; set: TemplateSet } | undefined;

/** A partial called on a shared value renders once per value: its output depends on the value and the page's language alone. */
const partialMemo: PartialMemo = (name, context, data, render) => (isShared(context) ? (data as { root: View }).root.$.remember(context as object, partialKey(name), () => flat(render())) : render());

/**
 * The same string in one piece. V8 keeps a string built by `+=` as a tree of its pieces until
 * something reads it whole, and a page holding a kept output would walk that tree again each time
 * it is written out (measured: a page of eight kept parts of 400 pieces each took 110 µs to write
 * out, 17 µs with the parts in one piece). Reading a character joins the pieces.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

const partialKeys = new Map<string, string>();

/** The key a partial's output is kept under, made once per name: a lookup then hashes no new string. */
function partialKey(name: string): string {
  let key = partialKeys.get(name);
  if (key === undefined) partialKeys.set(name, (key = `partial\u0000${name}`));
  return key;
}

function compile(sources: Readonly<Record<string, string>>, engine: TemplateEngine): TemplateSet {
  if (engine === 'fast') {
    try {
      const template = compileAll(sources, HELPER_FUNCTIONS, partialMemo);
      return { render: (page, view) => renderWith(template, page, view) };
    } catch {
      // Something only Handlebars covers, or an error Handlebars should report as it always has.
    }
  }
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPER_FUNCTIONS)) hb.registerHelper(name, helper);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, source] of Object.entries(sources)) {
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), hb.compile(source, COMPILE_OPTIONS));
    else compiled.set(name, hb.compile(source, COMPILE_OPTIONS));
  }
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return { render: (page, view) => renderWith((name) => compiled.get(name) && ((v: unknown) => compiled.get(name)!(v, runtime)), page, view) };
}

/** The page's body, then the layout around it. */
function renderWith(template: (name: string) => ((view: unknown) => string) | undefined, page: string, view: View): string {
  const body = template(`pages/${page}`);
  const layout = template('layout');
  if (!body || !layout) throw new Error(`template pages/${page}.hbs or layout.hbs is missing`);
  return layout({ ...view, body: new Handlebars.SafeString(body(view)) });
}
