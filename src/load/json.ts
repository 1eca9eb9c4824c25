import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, positionAt, type Diagnostic, type Position } from '../diagnostics.js';
import type { SourceFile } from './files.js';

export type JsonPath = readonly (string | number)[];

export interface JsonFile {
  readonly path: string;
  readonly value: unknown;
  /** Where the key of a property (or the value of an array item) starts. */
  readonly locate: (at: JsonPath) => Position;
  /** Where `needle` first appears inside the raw text of the value at `at`; else the value's start. */
  readonly locateInValue: (at: JsonPath, needle: string) => Position;
}

export interface JsonResult {
  readonly file?: JsonFile;
  readonly diagnostics: Diagnostic[];
}

const MESSAGES: Record<string, string> = {
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  CommaExpected: 'expected a comma between entries',
  ColonExpected: 'expected a colon after the property name',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidEscapeCharacter: 'invalid escape sequence in a string',
  InvalidCharacter: 'invalid character (control characters must be escaped)',
};

function describe(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const message = MESSAGES[code] ?? code;
  const before = text.slice(0, error.offset).trimEnd();
  return before.endsWith(',') && (code === 'PropertyNameExpected' || code === 'ValueExpected') ? `${message}: remove the trailing comma` : message;
}

/** Parses strict JSON (no comments, no trailing commas), keeping positions for diagnostics. */
export function parseJson(source: SourceFile): JsonResult {
  const errors: ParseError[] = [];
  const tree = parseTree(source.text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const found = errors.length > 0 ? errors : [{ error: 4, offset: 0, length: 0 } as ParseError];
    // The parser often reports one fault twice at one spot ("property name expected", "value expected").
    const list = found.filter((e, i) => found.findIndex((other) => other.offset === e.offset) === i);
    return {
      diagnostics: list.map((e) => diagnostic(source.path, positionAt(source.text, e.offset), 'error', 'json-syntax', describe(e, source.text))),
    };
  }
  const locate = (at: JsonPath): Position => {
    for (let depth = at.length; depth >= 0; depth--) {
      const node: Node | undefined = depth === 0 ? tree : findNodeAtLocation(tree, [...at.slice(0, depth)]);
      if (!node) continue;
      const anchor = node.parent?.type === 'property' ? node.parent : node;
      return positionAt(source.text, anchor.offset);
    }
    return { line: 1, column: 1 };
  };
  const locateInValue = (at: JsonPath, needle: string): Position => {
    const node = findNodeAtLocation(tree, [...at]);
    if (!node) return locate(at);
    const index = source.text.slice(node.offset, node.offset + node.length).indexOf(needle);
    return positionAt(source.text, node.offset + Math.max(index, 0));
  };
  return { file: { path: source.path, value: JSON.parse(source.text), locate, locateInValue }, diagnostics: [] };
}
