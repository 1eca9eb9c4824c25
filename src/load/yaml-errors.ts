import type { Document, LineCounter, YAMLError } from 'yaml';
import type { Position } from '../diagnostics.js';
import { yaml } from './parsers.js';

export interface YamlFault {
  readonly at: Position;
  readonly rule: 'yaml-syntax' | 'input-limit';
  readonly message: string;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Where the quoted scalar that ends at `end` opens: the parser reports a missing quote where it gave up. */
function openingQuote(document: Document, end: number): number | undefined {
  let opening: number | undefined;
  yaml().visit(document, {
    Scalar(_, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[0] < end && end <= node.range[1] && opening === undefined) opening = node.range[0];
    },
  });
  return opening;
}

/** The first line at or before `line` (1-based) whose indentation holds a tab, and the tab's column. */
function tabIndent(text: string, line: number): Position | undefined {
  const lines = text.split('\n');
  for (const candidate of [line, line - 1]) {
    const indent = /^[ \t]*/.exec(lines[candidate - 1] ?? '')![0];
    const tab = indent.indexOf('\t');
    if (tab !== -1 && indent.length < (lines[candidate - 1] ?? '').length) return { line: candidate, column: tab + 1 };
  }
  return undefined;
}

const isStackOverflow = (message: string) => /Maximum call stack size exceeded/.test(message);

/**
 * One diagnostic for a front matter that does not parse: the parser's first error, moved to its
 * cause where the parser reports late. The errors after it mostly follow from it (a missing quote
 * swallows the lines after it), so they are not reported: fixing the first shows any that remain.
 * `text` is the YAML as parsed, whose line numbers are the file's.
 */
export function describeYamlErrors(text: string, document: Document, errors: readonly YAMLError[], lines: LineCounter): YamlFault {
  const toPosition = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const error = errors[0]!;
  const message = firstLine(error.message);
  if (isStackOverflow(message) || errors.some((e) => isStackOverflow(e.message))) {
    return { at: toPosition(error.pos[0]), rule: 'input-limit', message: 'the front matter is nested too deeply to read' };
  }
  if (error.code === 'MISSING_CHAR' && /closing .?quote/.test(message)) {
    const quote = message.includes("'") ? "'" : '"';
    const opening = openingQuote(document, error.pos[0]);
    if (opening !== undefined) {
      const at = toPosition(opening);
      const end = toPosition(error.pos[0]);
      const runsOn = end.line > at.line ? `; without it the string runs on to line ${end.line}` : '';
      return { at, rule: 'yaml-syntax', message: `the string opened here with ${quote} is not closed: add the closing ${quote}${runsOn}` };
    }
  }
  const at = toPosition(error.pos[0]);
  const tab = tabIndent(text, at.line);
  if (tab) return { at: tab, rule: 'yaml-syntax', message: 'a tab indents this line; YAML indents with spaces only' };
  if (error.code === 'DUPLICATE_KEY') {
    const name = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim().replace(/^(["'])(.*)\1$/, '$2');
    return { at, rule: 'yaml-syntax', message: `\`${name}\` is given twice; keep one` };
  }
  return { at, rule: 'yaml-syntax', message };
}

/** The first alias (`*name`) of a document, where a too-large expansion is reported. */
/** The offset of the document's first alias, or of its first alias to `name` when given. */
export function firstAlias(document: Document, name?: string): number | undefined {
  let offset: number | undefined;
  yaml().visit(document, {
    Alias(_, node) {
      if (offset === undefined && node.range && (name === undefined || node.source === name)) offset = node.range[0];
    },
  });
  return offset;
}
