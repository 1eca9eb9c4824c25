/**
 * What templates read, found in their syntax trees: what the compiler must track for them, and
 * which partials' output may be kept (see compile.ts).
 */
// For Handlebars' syntax tree types (the global `hbs` namespace).
import type {} from 'handlebars';

import AST = hbs.AST;

/** Whether any path in the template reaches up with `../`: only then are contexts tracked. */
export function usesDepths(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const path = node as Partial<AST.PathExpression>;
  if (path.type === 'PathExpression' && !path.data && (path.depth ?? 0) > 0) return true;
  return Object.entries(node).some(([key, value]) => key !== 'loc' && usesDepths(value));
}

/** Whether a template reads a data variable (`@index`, `@root.x`); the partials it calls, by name. */
function dataUse(node: unknown, calls: Set<string>): boolean {
  if (node === null || typeof node !== 'object') return false;
  const statement = node as Partial<AST.PartialStatement> & Partial<AST.PathExpression>;
  if (statement.type === 'PartialStatement' && statement.name?.type === 'PathExpression') calls.add((statement.name as AST.PathExpression).original);
  let reads = statement.type === 'PathExpression' && statement.data === true;
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && dataUse(value, calls)) reads = true;
  return reads;
}

/** The partials whose output depends on their context and the helpers alone: none of them, nor any partial they call, reads data. */
export function dataFreePartials(asts: ReadonlyMap<string, AST.Program>): Set<string> {
  const uses = new Map([...asts].map(([name, ast]) => {
    const calls = new Set<string>();
    return [name, { reads: dataUse(ast, calls), calls }] as const;
  }));
  const free = new Set<string>();
  const isFree = (name: string, seen: Set<string>): boolean => {
    const use = uses.get(`partials/${name}`);
    if (!use || use.reads) return false;
    if (seen.has(name)) return true;
    seen.add(name);
    return [...use.calls].every((called) => isFree(called, seen));
  };
  for (const name of asts.keys()) if (name.startsWith('partials/') && isFree(name.slice('partials/'.length), new Set())) free.add(name.slice('partials/'.length));
  return free;
}
