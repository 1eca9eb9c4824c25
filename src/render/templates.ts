import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { isLocalized, RenderScope, SafeMarkup } from './scope.js';

type HelperOptions = Handlebars.HelperOptions;
type View = Record<string, unknown> & { $: RenderScope };

const scopeOf = (options: HelperOptions): RenderScope => (options.data.root as View).$;
const toSafe = (markup: string) => new Handlebars.SafeString(markup);

function countOf(options: HelperOptions): number | undefined {
  const count = options.hash.count as unknown;
  return typeof count === 'number' ? count : undefined;
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('t', (key: string, options: HelperOptions) => toSafe(scopeOf(options).label(key, options.hash, countOf(options))));
  hb.registerHelper('ta', (key: string, options: HelperOptions) => scopeOf(options).plainLabel(key, options.hash, countOf(options)));
  hb.registerHelper('text', (value: unknown, options: HelperOptions) => toSafe(scopeOf(options).value(value)));
  hb.registerHelper('inline', (value: unknown, options: HelperOptions) => (isLocalized(value) ? toSafe(scopeOf(options).inline(value, options.hash.whole === true)) : ''));
  hb.registerHelper('block', (value: unknown, options: HelperOptions) => {
    const level = typeof options.hash.level === 'number' ? options.hash.level : 3;
    return isLocalized(value) ? toSafe(scopeOf(options).block(value, level)) : '';
  });
  hb.registerHelper('plain', (value: unknown) => (isLocalized(value) ? value.text : String(value ?? '')));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('array', (...args: unknown[]) => args.slice(0, -1));
  hb.registerHelper('any', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('json', (value: unknown) => toSafe(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')));
  hb.registerHelper('jsonAttr', (value: unknown) => JSON.stringify(value));
  hb.registerHelper('markup', (value: unknown) => (value instanceof SafeMarkup ? toSafe(value.markup) : ''));
  hb.registerHelper('id', (...args: unknown[]) => idFrom(args.slice(0, -1)));
}

/** An element id from parts, holding only what ids may: ('desc', 'X.1.1') → 'desc-X-1-1'. */
export function idFrom(parts: readonly unknown[]): string {
  return parts.map(String).join('-').replace(/[^A-Za-z0-9_-]+/g, '-');
}

const HELPERS = ['t', 'ta', 'text', 'inline', 'block', 'plain', 'eq', 'array', 'any', 'json', 'jsonAttr', 'markup', 'id'] as const;

/** Declaring the helpers lets Handlebars call them directly instead of looking each name up at run time. */
const COMPILE_OPTIONS = {
  strict: false,
  preventIndent: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  knownHelpersOnly: true,
} as const;

/** Handlebars reports "Parse error on line 3:"; lexer errors "Lexical error on line 3." */
function errorPosition(error: unknown): { line: number; column: number } {
  const hash = (error as { hash?: { loc?: { first_line?: number; first_column?: number }; line?: number } }).hash;
  if (hash?.loc?.first_line) return { line: hash.loc.first_line, column: (hash.loc.first_column ?? 0) + 1 };
  const message = String((error as Error).message);
  const block = / - (\d+):(\d+)$/.exec(message);
  if (block) return { line: Number(block[1]), column: Number(block[2]) + 1 };
  const line = /on line (\d+)/.exec(message)?.[1];
  return { line: line ? Number(line) : 1, column: 1 };
}

/** Parses every template so a syntax error is reported with its position before anything renders. */
export function checkTemplates(sources: Readonly<Record<string, string>>, fileOf: (name: string) => string, required: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, source] of Object.entries(sources)) {
    try {
      Handlebars.parse(source);
    } catch (error) {
      const message = String((error as Error).message).split('\n').filter((l) => l.trim() && !/^[-\s^]*$/.test(l)).at(-1) ?? 'syntax error';
      diagnostics.push(diagnostic(fileOf(name), errorPosition(error), 'error', 'template-syntax', message.replace(/^Parse error on line \d+:\s*/, '').replace(/ - \d+:\d+$/, '')));
      continue;
    }
    // Compiling finds what parsing cannot: a call of a helper this tool does not have.
    try {
      Handlebars.precompile(source, COMPILE_OPTIONS);
    } catch (error) {
      const helper = /unknown helper (\S+)/.exec(String((error as Error).message))?.[1];
      const message = helper ? `unknown helper "${helper}"; the helpers are ${HELPERS.join(', ')} and Handlebars' own (if, unless, each, with, lookup)` : String((error as Error).message).replace(/ - \d+:\d+$/, '');
      diagnostics.push(diagnostic(fileOf(name), errorPosition(error), 'error', 'template-syntax', message));
    }
  }
  for (const [name, source] of Object.entries(sources)) {
    for (const match of source.matchAll(/\{\{~?>\s*([\w./-]+)/g)) {
      if (`partials/${match[1]}` in sources) continue;
      const before = source.slice(0, match.index).split('\n');
      diagnostics.push(diagnostic(fileOf(name), { line: before.length, column: before.at(-1)!.length + 1 }, 'error', 'template-missing', `partial "${match[1]}" does not exist (expected ${fileOf(`partials/${match[1]}`)})`));
    }
  }
  for (const name of required) {
    if (!(name in sources)) diagnostics.push(diagnostic(fileOf(name), { line: 1, column: 1 }, 'error', 'template-missing', `template ${fileOf(name)} is missing`));
  }
  return diagnostics;
}

/** `{{t "code.fix"}}` or `{{ta "site.copy" …}}` naming a key en.json lacks is reported where it is written. */
export function checkTemplateLabels(sources: Readonly<Record<string, string>>, fileOf: (name: string) => string, hasLabel: (key: string) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, source] of Object.entries(sources)) {
    for (const match of source.matchAll(/\{\{~?\s*ta?\s+"([^"]+)"/g)) {
      if (hasLabel(match[1]!)) continue;
      const before = source.slice(0, match.index).split('\n');
      diagnostics.push(diagnostic(fileOf(name), { line: before.length, column: before.at(-1)!.length + 1 }, 'error', 'unknown-label', `label "${match[1]}" is not in locales/en.json`));
    }
  }
  return diagnostics;
}

export interface TemplateSet {
  render(page: string, view: View): string;
}

/** Compiles templates: `layout`, `pages/<kind>`, and `partials/<name>` (used as `{{> name}}`). */
export function compileTemplates(sources: Readonly<Record<string, string>>): TemplateSet {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, source] of Object.entries(sources)) {
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), hb.compile(source, COMPILE_OPTIONS));
    else compiled.set(name, hb.compile(source, COMPILE_OPTIONS));
  }
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    render(page, view) {
      const body = compiled.get(`pages/${page}`);
      const layout = compiled.get('layout');
      if (!body || !layout) throw new Error(`template pages/${page}.hbs or layout.hbs is missing`);
      const content = body(view, runtime);
      return layout({ ...view, body: new Handlebars.SafeString(content) }, runtime);
    },
  };
}
