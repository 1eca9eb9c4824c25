import { lazyModule } from '../lazy-module.js';

/*
 * The parsers, loaded when a file is first parsed rather than when the build starts: a build after
 * an edit finds all other files in its memo (see parse-memo.ts), so a label saved parses no code
 * file and a code saved no label file. Loading the YAML parser and gray-matter (with the js-yaml it
 * brings and is never asked to run) took 40–130 ms of such a build's start, jsonc-parser about 20.
 */
export const yaml = lazyModule<typeof import('yaml')>('yaml');
export const grayMatter = lazyModule<typeof import('gray-matter')>('gray-matter');
export const jsonc = lazyModule<typeof import('jsonc-parser')>('jsonc-parser');
