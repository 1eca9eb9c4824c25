import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
type GrayMatter = typeof import('gray-matter');
type Jsonc = typeof import('jsonc-parser');

const load = createRequire(import.meta.url);
let yamlLibrary: Yaml | undefined;
let grayMatterLibrary: GrayMatter | undefined;
let jsoncLibrary: Jsonc | undefined;

/*
 * The parsers, loaded when a file is first parsed rather than when the build starts: a build after
 * an edit finds all other files in its memo (see parse-memo.ts), so a label saved parses no code
 * file and a code saved no label file. Loading the YAML parser and gray-matter (with the js-yaml it
 * brings and is never asked to run) took 40–130 ms of such a build's start, jsonc-parser about 20.
 */
export const yaml = (): Yaml => (yamlLibrary ??= load('yaml') as Yaml);
export const grayMatter = (): GrayMatter => (grayMatterLibrary ??= load('gray-matter') as GrayMatter);
export const jsonc = (): Jsonc => (jsoncLibrary ??= load('jsonc-parser') as Jsonc);
