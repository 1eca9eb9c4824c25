// SyntaxKind is a const enum, compiled to its numbers: this import loads nothing (see jsonc()).
import { SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, positionAt, type Diagnostic, type Position } from '../diagnostics.js';
import type { SourceFile } from './files.js';
import { MAX_NESTING } from '../limits.js';
import { jsonc } from './parsers.js';

export type JsonPath = readonly (string | number)[];

export interface JsonFile {
  readonly path: string;
  readonly value: unknown;
  /** Where the key of a property (or the value of an array item) starts. */
  readonly locate: (at: JsonPath) => Position;
  /** Where `needle` first appears inside the raw text of the value at `at`; else the value's start. */
  readonly locateInValue: (at: JsonPath, needle: string) => Position;
  /** Where the character at `index` of the string value at `at` is written, escapes taken into account. */
  readonly locateInString: (at: JsonPath, index: number) => Position;
}

/** The offset in a JSON string literal (quotes included) of the character at `index` of its value. */
export function rawOffset(literal: string, index: number): number {
  let offset = 1;
  for (let i = 0; i < index && offset < literal.length - 1; i++) {
    if (literal[offset] !== '\\') offset += 1;
    else offset += literal[offset + 1] === 'u' ? 6 : 2;
  }
  return offset;
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
  InvalidSymbol: 'unexpected text; a string must be written in double quotes',
};

function describe(error: ParseError, text: string): string {
  const code = jsonc().printParseErrorCode(error.error);
  const message = MESSAGES[code] ?? code;
  const before = text.slice(0, error.offset).trimEnd();
  return before.endsWith(',') && (code === 'PropertyNameExpected' || code === 'ValueExpected') ? `${message}: remove the trailing comma` : message;
}

/** The offset of the first bracket that opens a level deeper than `limit`, found without recursion. */
function tooDeep(text: string, limit: number): number | undefined {
  const scanner = jsonc().createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth--;
  }
  return undefined;
}

/** Offsets of keys that repeat an earlier key of the same object, and the key. */
function duplicateKeys(node: Node, found: Array<[number, string]> = []): Array<[number, string]> {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === 'string') {
        if (seen.has(key.value)) found.push([key.offset, key.value]);
        seen.add(key.value);
      }
    }
  }
  for (const child of node.children ?? []) duplicateKeys(child, found);
  return found;
}

/**
 * Parses strict JSON (no comments, no trailing commas), keeping positions for diagnostics. A
 * syntax error gets one diagnostic: what the parser reports after it mostly follows from it (one
 * missing quote turns the rest of the line into stray text), and fixing it shows what remains.
 */
export function parseJson(source: SourceFile): JsonResult {
  const fail = (offset: number, rule: string, message: string): JsonResult => ({ diagnostics: [diagnostic(source.path, positionAt(source.text, offset), 'error', rule, message)] });
  const deep = tooDeep(source.text, MAX_NESTING);
  if (deep !== undefined) return fail(deep, 'input-limit', `nested more than ${MAX_NESTING} levels deep`);
  const errors: ParseError[] = [];
  const { findNodeAtLocation, parseTree } = jsonc();
  const tree = parseTree(source.text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0] ?? ({ error: 4, offset: 0, length: 0 } as ParseError);
    return fail(first.offset, 'json-syntax', describe(first, source.text));
  }
  const warnings = duplicateKeys(tree).map(([offset, key]) =>
    diagnostic(source.path, positionAt(source.text, offset), 'warning', 'duplicate-key', `"${key}" is given twice in this object; the last one is used`),
  );
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
  const locateInString = (at: JsonPath, index: number): Position => {
    const node = findNodeAtLocation(tree, [...at]);
    if (!node || node.type !== 'string') return locate(at);
    return positionAt(source.text, node.offset + rawOffset(source.text.slice(node.offset, node.offset + node.length), index));
  };
  return { file: { path: source.path, value: JSON.parse(source.text), locate, locateInValue, locateInString }, diagnostics: warnings };
}
