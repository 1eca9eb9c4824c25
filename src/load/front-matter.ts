import type { Document, LineCounter } from 'yaml';
import { diagnostic, positionAt, type Diagnostic, type Position } from '../diagnostics.js';
import type { SourceFile } from './files.js';
import { MAX_YAML_ALIASES } from '../limits.js';
import { describeYamlErrors, firstAlias } from './yaml-errors.js';
import { grayMatter, yaml as yamlLibrary } from './parsers.js';

export type YamlPath = readonly (string | number)[];

/** A Markdown file split into its YAML front matter (as plain data) and its body. */
export interface FrontMatterFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** Where a front-matter field (or the deepest part of it that exists) starts in the file. */
  readonly locate: (at: YamlPath) => Position;
  /** Where `needle` first appears in the source of the field at `at`; else where the field starts. */
  readonly locateInValue: (at: YamlPath, needle: string) => Position;
  /** Where `needle` first appears in the body; else where the body starts. */
  readonly locateInBody: (needle: string) => Position;
  /** A field as written in the file (`0123e4` stays that, where YAML reads a number). */
  readonly sourceOf: (at: YamlPath) => string | undefined;
}

export interface FrontMatterResult {
  readonly file?: FrontMatterFile;
  readonly diagnostics: Diagnostic[];
}

interface YamlParse {
  text: string;
  document?: Document;
  lineCounter: LineCounter;
}

/** gray-matter would evaluate `---js` front matter as code: no engine but YAML is ever run. */
const refuse = () => {
  throw new Error('only YAML front matter is read');
};

const START: Position = { line: 1, column: 1 };
const TOO_DEEP = 'the front matter is nested too deeply to read';

function locator(source: SourceFile, yaml: YamlParse, document: Document, body: string) {
  const toPosition = (offset: number): Position => {
    const { line, col } = yaml.lineCounter.linePos(offset);
    return { line, column: col };
  };
  const rangeOf = (at: YamlPath): [number, number] | undefined => {
    for (let depth = at.length; depth > 0; depth--) {
      const node = document.getIn(at.slice(0, depth), true);
      if (yamlLibrary().isNode(node) && node.range) return [node.range[0], node.range[1]];
    }
    return undefined;
  };
  const fallback: Position = { line: 2, column: 1 };
  const bodyStart = source.text.endsWith(body) ? source.text.length - body.length : source.text.length;
  return {
    locate: (at: YamlPath): Position => {
      const range = rangeOf(at);
      return range ? toPosition(range[0]) : fallback;
    },
    locateInValue: (at: YamlPath, needle: string): Position => {
      const range = rangeOf(at);
      if (!range) return fallback;
      const index = yaml.text.slice(range[0], range[1]).indexOf(needle);
      return toPosition(range[0] + Math.max(index, 0));
    },
    locateInBody: (needle: string): Position => positionAt(source.text, bodyStart + Math.max(body.indexOf(needle), 0)),
    sourceOf: (at: YamlPath): string | undefined => {
      const node = document.getIn(at, true);
      return yamlLibrary().isNode(node) && node.range ? yaml.text.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

/**
 * Splits with gray-matter and parses the front matter with `yaml`, which keeps node ranges so
 * diagnostics can point at a field. The YAML text handed to the engine starts right after the
 * opening `---`, so its line numbers are the file's.
 */
export function parseFrontMatter(source: SourceFile): FrontMatterResult {
  const opened = source.text.startsWith('---\n') || source.text === '---';
  if (!opened) {
    return { diagnostics: [diagnostic(source.path, START, 'error', 'front-matter-missing', 'file must start with YAML front matter between two `---` lines')] };
  }
  const { isMap, isNode, LineCounter, parseDocument } = yamlLibrary();
  const yaml: YamlParse = { text: '', lineCounter: new LineCounter() };
  const engine = (text: string): object => {
    yaml.text = text;
    yaml.document = parseDocument(text, { lineCounter: yaml.lineCounter, uniqueKeys: true, prettyErrors: false });
    return {};
  };
  let split: { content: string };
  try {
    split = grayMatter()(source.text, { engines: { yaml: engine, js: refuse, javascript: refuse, coffee: refuse, json: refuse }, language: 'yaml' });
  } catch (error) {
    if (error instanceof RangeError) return { diagnostics: [diagnostic(source.path, START, 'error', 'input-limit', TOO_DEEP)] };
    throw error;
  }
  if (!yaml.document) {
    const empty = () => START;
    return { file: { path: source.path, data: {}, body: split.content, locate: empty, locateInValue: empty, locateInBody: empty, sourceOf: () => undefined }, diagnostics: [] };
  }
  const document = yaml.document;
  const where = locator(source, yaml, document, split.content);
  const fail = (at: Position, rule: string, message: string): FrontMatterResult => ({ diagnostics: [diagnostic(source.path, at, 'error', rule, message)] });
  if (document.errors.length > 0) {
    const fault = describeYamlErrors(yaml.text, document, document.errors, yaml.lineCounter);
    return fail(fault.at, fault.rule, fault.message);
  }
  if (!isMap(document.contents)) {
    const at = document.contents && isNode(document.contents) && document.contents.range ? positionOf(yaml, document.contents.range[0]) : { line: 2, column: 1 };
    return fail(at, 'front-matter-type', 'front matter must be a mapping of field names to values');
  }
  let data: Record<string, unknown>;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>;
  } catch (error) {
    const alias = firstAlias(document);
    const at = alias === undefined ? START : positionOf(yaml, alias);
    if (error instanceof RangeError) return fail(START, 'input-limit', TOO_DEEP);
    if (/alias count/i.test((error as Error).message)) return fail(at, 'input-limit', `aliases here expand to too much data (more than ${MAX_YAML_ALIASES} copies); write the values out`);
    const unresolved = /^Unresolved alias.*: (.+)$/.exec((error as Error).message)?.[1];
    if (unresolved !== undefined) {
      const offset = firstAlias(document, unresolved);
      return fail(offset === undefined ? at : positionOf(yaml, offset), 'yaml-syntax', `the alias \`*${unresolved}\` names no anchor \`&${unresolved}\` set before it`);
    }
    throw error;
  }
  return { file: { path: source.path, data, body: split.content, ...where }, diagnostics: [] };
}

function positionOf(yaml: YamlParse, offset: number): Position {
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}
