import matter from 'gray-matter';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import type { SourceFile } from './files.js';

export type YamlPath = readonly (string | number)[];

/** A Markdown file split into its YAML front matter (as plain data) and its body. */
export interface FrontMatterFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** Where a front-matter field (or the deepest part of it that exists) starts in the file. */
  readonly locate: (at: YamlPath) => Position;
}

export interface FrontMatterResult {
  readonly file?: FrontMatterFile;
  readonly diagnostics: Diagnostic[];
}

interface YamlParse {
  document?: Document;
  lineCounter: LineCounter;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Splits with gray-matter and parses the front matter with `yaml`, which keeps node ranges so
 * diagnostics can point at a field. The YAML text handed to the engine starts right after the
 * opening `---`, so its line numbers are the file's.
 */
export function parseFrontMatter(source: SourceFile): FrontMatterResult {
  const yaml: YamlParse = { lineCounter: new LineCounter() };
  const engine = (text: string): object => {
    yaml.document = parseDocument(text, { lineCounter: yaml.lineCounter, uniqueKeys: true, prettyErrors: false });
    return {};
  };
  const split = matter(source.text, { engines: { yaml: engine }, language: 'yaml' });
  const opened = source.text.startsWith('---\n') || source.text === '---';
  const start: Position = { line: 1, column: 1 };
  if (opened && !yaml.document) {
    return { file: { path: source.path, data: {}, body: split.content, locate: () => start }, diagnostics: [] };
  }
  if (!opened || !yaml.document) {
    return {
      diagnostics: [diagnostic(source.path, start, 'error', 'front-matter-missing', 'file must start with YAML front matter between two `---` lines')],
    };
  }
  const document = yaml.document;
  const toPosition = (offset: number): Position => {
    const { line, col } = yaml.lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    return {
      diagnostics: document.errors.map((error) =>
        diagnostic(source.path, toPosition(error.pos[0]), 'error', 'yaml-syntax', firstLine(error.message)),
      ),
    };
  }
  if (!isMap(document.contents)) {
    const at = document.contents && isNode(document.contents) && document.contents.range ? toPosition(document.contents.range[0]) : { line: 2, column: 1 };
    return {
      diagnostics: [diagnostic(source.path, at, 'error', 'front-matter-type', 'front matter must be a mapping of field names to values')],
    };
  }
  const data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const locate = (at: YamlPath): Position => {
    for (let depth = at.length; depth > 0; depth--) {
      const node = document.getIn(at.slice(0, depth), true);
      if (isNode(node) && node.range) return toPosition(node.range[0]);
    }
    return { line: 2, column: 1 };
  };
  return { file: { path: source.path, data, body: split.content, locate }, diagnostics: [] };
}
