import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A package loaded the first time the returned function is called, not when the build starts: what
 * only some builds use (a parser for a kind of file they may not parse, a worker pool) costs the
 * others nothing. The package must be loadable with `require`.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}
