import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { parseTemplate } from './template-parse.js';
import { HELPER_NAMES } from './templates.js';

import AST = hbs.AST;

/** Helpers Handlebars itself provides to a template compiled with only known helpers allowed. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing'];
const KNOWN_HELPERS = new Set([...HELPER_NAMES, ...BUILT_IN_HELPERS]);

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

interface Misuse {
  readonly node: AST.Node;
  readonly message: string;
}

type Call = AST.MustacheStatement | AST.BlockStatement | AST.SubExpression;

/** The name a call's path gives, as Handlebars' compiler reads it (a literal in a helper's place is a name too). */
function callName(call: Call): { name: string; simple: boolean } {
  const path = call.path as Partial<AST.PathExpression> & { original: unknown };
  if (!path.parts) return { name: String(path.original), simple: true };
  return { name: path.parts[0] ?? '', simple: path.parts.length === 1 && !/^\.|this\b/.test(String(path.original)) && !path.depth };
}

/**
 * What Handlebars' compiler rejects in a template that parsed, found without compiling it: a call
 * with arguments (or a block, or a subexpression) of a helper it does not know, and a partial
 * given more than one context. Its rules: a block parameter (`as |x|`) is never a helper, and
 * `{{name}}` alone may be a value.
 */
function misuses(program: AST.Program): Misuse[] {
  const found: Misuse[] = [];
  const scopes: (readonly string[])[] = [];
  const isBlockParam = (name: string) => scopes.some((params) => params.includes(name));
  const visitCall = (call: Call) => {
    const { name, simple } = callName(call);
    const param = simple && isBlockParam(name);
    const withArguments = call.type === 'SubExpression' || call.params.length > 0 || call.hash !== undefined;
    if (!param && withArguments && !KNOWN_HELPERS.has(name)) {
      found.push({ node: call, message: `unknown helper "${name}"; the helpers are ${HELPER_NAMES.join(', ')} and Handlebars' own (if, unless, each, with, lookup)` });
    }
  };
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const typed = node as AST.Node;
    switch (typed.type) {
      case 'Program': {
        const params = (typed as AST.Program).blockParams;
        if (params) scopes.unshift(params);
        (typed as AST.Program).body.forEach(visit);
        if (params) scopes.shift();
        return;
      }
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        const call = typed as Call;
        if (call.type === 'BlockStatement') {
          visit(call.program);
          visit(call.inverse);
        }
        visitCall(call);
        visit(call.params);
        visit(call.hash);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = typed as AST.PartialStatement;
        if (partial.params.length > 1) found.push({ node: partial, message: `Unsupported number of partial arguments: ${partial.params.length}` });
        visit(partial.name);
        visit(partial.params);
        visit(partial.hash);
        if (typed.type === 'PartialBlockStatement') visit((typed as AST.PartialBlockStatement).program);
        return;
      }
      case 'DecoratorBlock':
      case 'Decorator': {
        const decorator = typed as AST.Decorator & { program?: AST.Program };
        visit(decorator.program);
        visit(decorator.params);
        visit(decorator.hash);
        return;
      }
      case 'Hash':
        return (typed as AST.Hash).pairs.forEach((pair) => visit(pair.value));
      default:
        return;
    }
  };
  visit(program);
  return found;
}

/** Parses every template so a syntax error is reported with its position before anything renders. */
export function checkTemplates(sources: Readonly<Record<string, string>>, fileOf: (name: string) => string, required: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, source] of Object.entries(sources)) {
    let ast: AST.Program;
    try {
      ast = parseTemplate(source);
    } catch (error) {
      const message = String((error as Error).message).split('\n').filter((l) => l.trim() && !/^[-\s^]*$/.test(l)).at(-1) ?? 'syntax error';
      diagnostics.push(diagnostic(fileOf(name), errorPosition(error), 'error', 'template-syntax', message.replace(/^Parse error on line \d+:\s*/, '').replace(/ - \d+:\d+$/, '')));
      continue;
    }
    for (const misuse of misuses(ast)) {
      const start = misuse.node.loc.start;
      diagnostics.push(diagnostic(fileOf(name), { line: start.line, column: start.column + 1 }, 'error', 'template-syntax', misuse.message));
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
