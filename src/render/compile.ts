import Handlebars from 'handlebars';

import AST = hbs.AST;
import { parseTemplate } from './template-parse.js';
import { dataFreePartials, usesDepths } from './template-reads.js';

/**
 * Templates compiled to plain JavaScript functions that build a page by string concatenation,
 * with Handlebars' semantics: the same escaping, the same lookups (own properties only), the same
 * truthiness for if/unless/each/with, the same `../` contexts and data frames. Handlebars' own
 * runtime wraps every block in closures, option objects and frames; this one does not, and
 * renders a page in about half the time. What this compiler does not cover (block parameters,
 * partial blocks, decorators, inline and dynamic partials, blocks of unknown helpers, `log`) makes
 * it decline the whole set, which then runs on Handlebars itself; the bytes are the same either way.
 */

export type Helper = (...args: any[]) => unknown;

/** Thrown while compiling a construct this compiler leaves to Handlebars. */
export class Unsupported extends Error {}

/** A compiled template: the page for a view, as Handlebars would render it with `data.root` = view. */
export type Render = (view: unknown) => string;

const hasOwn = Object.prototype.hasOwnProperty;
const NULL_CONTEXT = Object.seal({});

/** Handlebars' lookupProperty with prototype access denied: own properties only, never a prototype's own constructor. */
function lookup(parent: any, name: string): unknown {
  const result = parent[name];
  if (result == null) return result;
  if (hasOwn.call(parent, name) && !(name === 'constructor' && typeof result === 'function' && parent === result.prototype)) return result;
  return undefined;
}

/** The run-time support every compiled template receives. */
const RUNTIME = {
  get: (base: unknown, name: string) => (base != null ? lookup(base, name) : base),
  dataGet: (base: unknown, name: string) => base && lookup(base, name),
  dataUp: (data: any, depth: number) => {
    let value = data;
    while (value && depth--) value = value._parent;
    return value;
  },
  lambda: (value: unknown, context: unknown) => (typeof value === 'function' ? value.call(context) : value),
  esc: Handlebars.Utils.escapeExpression as (value: unknown) => string,
  /** Handlebars' extend: own enumerable properties, in the same order (views hold no symbol keys that a template could read). */
  extend: Object.assign as (target: object, ...sources: unknown[]) => object,
  lookupHelper: (value: unknown, field: unknown) => (value ? lookup(value, field as string) : value),
  /** The condition of #if as Handlebars decides it. */
  truthy: (value: unknown, includeZero: unknown) => !((!includeZero && !value) || (!value && value !== 0) || (Array.isArray(value) && value.length === 0)),
  isEmpty: (value: unknown) => (!value && value !== 0) || (Array.isArray(value) && value.length === 0),
  self: (context: unknown) => (context != null ? context : NULL_CONTEXT),
  /** The contexts `../` reaches: a block run on a new context pushes it. */
  enter: (depths: unknown[] | undefined, context: unknown) => (depths && context != depths[0] && !(context === NULL_CONTEXT && depths[0] === null) ? [context, ...depths] : depths),
  /** #each over an array, an iterable or an object's own keys, as Handlebars iterates them. */
  each: (list: unknown, data: any, body: (item: unknown, frame: any) => string): string | undefined => {
    if (!list || typeof list !== 'object') return undefined;
    const frame = Object.assign({}, data, { _parent: data });
    let out = '';
    let i = 0;
    const step = (key: unknown, index: number, last: boolean, value: unknown) => {
      frame.key = key;
      frame.index = index;
      frame.first = index === 0;
      frame.last = last;
      out += body(value, frame);
    };
    if (Array.isArray(list)) {
      for (const j = list.length; i < j; i++) if (i in list) step(i, i, i === list.length - 1, list[i]);
    } else if (typeof (list as Iterable<unknown>)[Symbol.iterator] === 'function') {
      const iterator = (list as Iterable<unknown>)[Symbol.iterator]();
      for (let current = iterator.next(); !current.done; i++) {
        const next = iterator.next();
        step(i, i, !!next.done, current.value);
        current = next;
      }
    } else {
      const keys = Object.keys(list);
      for (; i < keys.length; i++) step(keys[i], i, i === keys.length - 1, (list as Record<string, unknown>)[keys[i]!]);
    }
    return i === 0 ? undefined : out;
  },
};

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

interface TemplateInfo {
  readonly useDepths: boolean;
  /** The template's name as an identifier, for the names of its functions. */
  readonly prefix: string;
}

/** Generates the source of one template: a set of functions, one per block body. */
class Generator {
  private readonly programs: string[] = [];
  /** Hashes of literals only, made once: the helpers read their hash, never change it. */
  private readonly constants: string[] = [];

  constructor(
    private readonly helpers: ReadonlySet<string>,
    private readonly partials: ReadonlySet<string>,
    private readonly info: TemplateInfo,
  ) {}

  source(ast: AST.Program): string {
    const main = this.program(ast);
    return `${this.constants.join('\n')}\n${this.programs.join('\n')}\nreturn ${main};`;
  }

  /** A block body as a function (context, data, depths) → string; its name. */
  private program(program: AST.Program): string {
    if (program.blockParams?.length) throw new Unsupported('block parameters');
    // Named after the template, so that a profile says which template a block belongs to: pages_pair_3.
    const index = this.programs.length;
    const name = `${this.info.prefix}_${index}`;
    this.programs.push('');
    const parts = program.body.map((statement) => this.statement(statement)).filter((s) => s !== '');
    this.programs[index] = `function ${name}(c, d, ds) {\n  let o = '';\n${parts.map((p) => `  ${p}\n`).join('')}  return o;\n}`;
    return name;
  }

  private statement(node: AST.Statement): string {
    switch (node.type) {
      case 'ContentStatement': {
        const value = (node as AST.ContentStatement).value;
        return value ? `o += ${JSON.stringify(value)};` : '';
      }
      case 'CommentStatement':
        return '';
      case 'MustacheStatement':
        return this.mustache(node as AST.MustacheStatement);
      case 'BlockStatement':
        return this.block(node as AST.BlockStatement);
      case 'PartialStatement':
        return this.partial(node as AST.PartialStatement);
      default:
        throw new Unsupported(node.type);
    }
  }

  private isHelperName(path: AST.Expression): path is AST.PathExpression {
    if (path.type !== 'PathExpression') return false;
    const p = path as AST.PathExpression;
    return !p.data && p.depth === 0 && p.parts.length === 1 && !/^\.|this\b/.test(p.original) && this.helpers.has(p.parts[0]!);
  }

  private mustache(node: AST.MustacheStatement): string {
    const hasArguments = node.params.length > 0 || node.hash !== undefined;
    let value: string;
    if (this.isHelperName(node.path) || hasArguments) {
      value = this.call(node.path, node.params, node.hash);
    } else if (node.path.type === 'PathExpression') {
      value = `rt.lambda(${this.expression(node.path)}, c)`;
    } else {
      // Handlebars reads `{{"name"}}` as the path `name`.
      throw new Unsupported('a literal as a mustache');
    }
    return node.escaped ? `o += rt.esc(${value});` : `{ const v = ${value}; if (v != null) o += v; }`;
  }

  /** A helper call, as a mustache or a subexpression. */
  private call(path: AST.Expression, params: readonly AST.Expression[], hash: AST.Hash | undefined): string {
    if (!this.isHelperName(path)) throw new Unsupported('call of something that is not a known helper');
    const name = path.parts[0]!;
    const args = params.map((p) => this.expression(p));
    if (name === 'lookup') {
      if (args.length !== 2) throw new Unsupported('lookup with other than two arguments');
      return `rt.lookupHelper(${args[0]}, ${args[1]})`;
    }
    if (BUILT_IN_BLOCKS.has(name) || name === 'log' || name === 'helperMissing' || name === 'blockHelperMissing') throw new Unsupported(`${name} outside a block`);
    const options = `{ name: ${JSON.stringify(name)}, hash: ${this.hash(hash)}, data: d }`;
    return `h[${JSON.stringify(name)}].call(rt.self(c), ${[...args, options].join(', ')})`;
  }

  private hash(hash: AST.Hash | undefined): string {
    const literal = `{ ${(hash?.pairs ?? []).map((pair) => `${JSON.stringify(pair.key)}: ${this.expression(pair.value)}`).join(', ')} }`;
    if (hash?.pairs.some((pair) => pair.value.type === 'PathExpression' || pair.value.type === 'SubExpression')) return literal;
    const name = `k${this.constants.length}`;
    this.constants.push(`const ${name} = ${literal};`);
    return name;
  }

  private expression(node: AST.Expression): string {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node as AST.PathExpression);
      case 'SubExpression': {
        const sub = node as AST.SubExpression;
        return this.call(sub.path, sub.params, sub.hash);
      }
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return JSON.stringify((node as AST.StringLiteral).value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      default:
        throw new Unsupported(node.type);
    }
  }

  private path(node: AST.PathExpression): string {
    if (node.data) {
      let value = node.depth ? `rt.dataUp(d, ${node.depth})` : 'd';
      for (const part of node.parts) value = `rt.dataGet(${value}, ${JSON.stringify(part)})`;
      return value;
    }
    if (node.depth > 0 && !this.info.useDepths) throw new Unsupported('../ without depths');
    let value = node.depth > 0 ? `ds[${node.depth}]` : 'c';
    for (const part of node.parts) value = `rt.get(${value}, ${JSON.stringify(part)})`;
    return value;
  }

  /** A call of a block body on a context, with the contexts `../` reaches from it. */
  private run(program: string, context: string, data: string): string {
    return this.info.useDepths ? `${program}(${context}, ${data}, rt.enter(ds, ${context}))` : `${program}(${context}, ${data})`;
  }

  private block(node: AST.BlockStatement): string {
    const name = this.isHelperName(node.path) ? node.path.parts[0]! : undefined;
    if (name === undefined || !BUILT_IN_BLOCKS.has(name)) throw new Unsupported('a block of something else than if, unless, each or with');
    if (node.params.length !== 1) throw new Unsupported(`#${name} with ${node.params.length} arguments`);
    const fn = node.program ? this.program(node.program) : undefined;
    const inverse = node.inverse ? this.program(node.inverse) : undefined;
    const self = 'rt.self(c)';
    const yes = fn ? `o += ${this.run(fn, 'y', 'd')};` : '';
    const no = inverse ? `o += ${this.run(inverse, 'y', 'd')};` : '';
    // The hash is evaluated as Handlebars does, though only #if reads it: a helper in it may mark the page.
    const value = `let v = ${this.expression(node.params[0]!)}; const hs = ${this.hash(node.hash)}; const y = ${self}; if (typeof v === 'function') v = v.call(y);`;
    switch (name) {
      case 'if':
      case 'unless': {
        const test = 'rt.truthy(v, hs.includeZero)';
        const [then, otherwise] = name === 'if' ? [yes, no] : [no, yes];
        return `{ ${value} if (${test}) { ${then} } else { ${otherwise} } }`;
      }
      case 'with':
        return `{ ${value} if (!rt.isEmpty(v)) { ${fn ? `o += ${this.run(fn, 'v', 'd')};` : ''} } else { ${no} } }`;
      default: {
        const body = fn ? `(item, frame) => ${this.run(fn, 'item', 'frame')}` : `() => ''`;
        return `{ ${value} const r = rt.each(v, d, ${body}); if (r !== undefined) o += r; else { ${no} } }`;
      }
    }
  }

  private partial(node: AST.PartialStatement): string {
    if (node.name.type !== 'PathExpression') throw new Unsupported('a partial named otherwise than by its name');
    const name = node.name.original;
    if (!this.partials.has(name)) throw new Unsupported(`missing partial ${name}`);
    if (node.params.length > 1) throw new Unsupported('partial with more than one context');
    // With preventIndent, Handlebars writes a standalone partial's indentation once, before it.
    const indent = node.indent ? `o += ${JSON.stringify(node.indent)}; ` : '';
    // Called on a value of the view as it is: the call may be answered from the memo (see compileAll).
    if (node.params.length === 1 && !node.hash) return `${indent}o += mp(${JSON.stringify(name)}, ${this.expression(node.params[0]!)}, d);`;
    let context = node.params.length ? this.expression(node.params[0]!) : 'c';
    if (node.hash) context = `rt.extend({}, ${context}, ${this.hash(node.hash)})`;
    return `${indent}o += pt[${JSON.stringify(name)}](${context}, d);`;
  }
}

/** One template's function of (context, data): the page, or a partial run with its caller's data. */
type TemplateFunction = (context: unknown, data: unknown) => string;

/**
 * Asked for a partial called on one value (`{{> card a}}`) whose output can depend only on that
 * value and the helpers: the partial, and any partial it calls, read no data variable (`@index`,
 * `@root`…). It may answer from what it kept for the same value; `render` makes the output.
 */
export type PartialMemo = (name: string, context: unknown, data: unknown, render: () => string) => string;

/**
 * Compiles every template; throws Unsupported when one uses what only Handlebars covers.
 * `partials/x` is the partial `x`; the rest are rendered by name.
 */
export function compileAll(sources: Readonly<Record<string, string>>, helpers: Readonly<Record<string, Helper>>, memo?: PartialMemo): (name: string) => Render | undefined {
  const partialNames = new Set(Object.keys(sources).filter((n) => n.startsWith('partials/')).map((n) => n.slice('partials/'.length)));
  const partials: Record<string, TemplateFunction> = {};
  const templates = new Map<string, Render>();
  const helperNames = new Set([...Object.keys(helpers), 'lookup', 'log', 'helperMissing', 'blockHelperMissing', ...BUILT_IN_BLOCKS]);
  const asts = new Map(Object.entries(sources).map(([name, source]) => [name, parseTemplate(source)]));
  const memoized = memo ? dataFreePartials(asts) : new Set<string>();
  const callPartial = (name: string, context: unknown, data: unknown): string =>
    memo && memoized.has(name) && context !== null && typeof context === 'object' ? memo(name, context, data, () => partials[name]!(context, data)) : partials[name]!(context, data);
  for (const [name, ast] of asts) {
    const info = { useDepths: usesDepths(ast), prefix: name.replace(/[^A-Za-z0-9_$]/g, '_') };
    const main = new Function('rt', 'h', 'pt', 'mp', new Generator(helperNames, partialNames, info).source(ast))(RUNTIME, helpers, partials, callPartial) as (c: unknown, d: unknown, ds?: unknown[]) => string;
    // A partial starts its own `../` chain at its context, and runs with its caller's data.
    const run: TemplateFunction = info.useDepths ? (context, data) => main(context, data, [context]) : (context, data) => main(context, data);
    if (name.startsWith('partials/')) partials[name.slice('partials/'.length)] = run;
    else templates.set(name, (view) => run(view, { root: view }));
  }
  return (name) => templates.get(name);
}
