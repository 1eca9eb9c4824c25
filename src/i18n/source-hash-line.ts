/**
 * Sets `source_hash` in the front matter of a translation, as written: only the value on its line
 * changes (a quoted value keeps its quotes; a plain one is quoted, since a hash of digits could read
 * as a number), and with no such line, one is added below the opening `---`. Every other byte
 * (a BOM, CRLF line ends, comments, the order of fields) stays as it was. Undefined when the file
 * has no front matter to edit this way.
 */
export function setSourceHash(text: string, hash: string): string | undefined {
  const opening = /^(\ufeff?)---(\r?\n)/.exec(text);
  if (!opening) return undefined;
  const eol = opening[2]!;
  const start = opening[0].length;
  const end = /^---[ \t]*\r?$/m.exec(text.slice(start));
  if (!end) return undefined;
  const frontMatter = text.slice(start, start + end.index);
  const lines = [...frontMatter.matchAll(/^source_hash[ \t]*:[ \t]*/gm)];
  if (lines.length > 1) return undefined;
  if (lines.length === 0) return `${text.slice(0, start)}source_hash: "${hash}"${eol}${text.slice(start)}`;
  const valueAt = start + lines[0]!.index + lines[0]![0].length;
  const rest = text.slice(valueAt);
  const value = /^("[^"\r\n]*"|'[^'\r\n]*'|[^\s#'"]*)/.exec(rest)![0];
  if (/^[ \t]*(?:#.*)?\r?$/m.exec(rest.slice(value.length))?.index !== 0) return undefined;
  const quote = value.startsWith("'") ? "'" : '"';
  const space = lines[0]![0].endsWith(':') ? ' ' : '';
  return `${text.slice(0, valueAt)}${space}${quote}${hash}${quote}${rest.slice(value.length)}`;
}
