import Handlebars from 'handlebars';

import AST = hbs.AST;

/**
 * Templates parsed once per process: validation parses each one to report syntax errors, and the
 * compiler reads the same trees (neither changes them). A preview server keeps the trees of the
 * templates it last saw; an edited template's old trees go once there are too many.
 */
const parsed = new Map<string, AST.Program>();
const KEPT = 400;

/** The syntax tree of a template; throws Handlebars' parse error on a syntax error. */
export function parseTemplate(source: string): AST.Program {
  let ast = parsed.get(source);
  if (ast === undefined) {
    ast = Handlebars.parse(source) as unknown as AST.Program;
    if (parsed.size >= KEPT) parsed.clear();
    parsed.set(source, ast);
  }
  return ast;
}
