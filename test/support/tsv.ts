import { readFileSync } from 'node:fs';

/**
 * Parses tab-separated text into rows of cells. A cell that starts with `"` is quoted: it runs to
 * the next lone `"`, may hold tabs and line breaks, and writes a literal quote as `""`.
 * Line endings are LF or CRLF; a final line break does not make an empty row.
 */
export function parseTsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' && cell === '') {
      // Quoted cell: read to the closing quote, turning "" into ".
      i++;
      for (;;) {
        if (i >= source.length) throw new Error('unterminated quoted cell');
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += source[i++];
      }
      if (i < source.length && !'\t\r\n'.includes(source[i]!)) throw new Error(`text after a closing quote at offset ${i}`);
      continue;
    }
    if (ch === '\t') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Reads a TSV file whose first row names the columns; each later row becomes a column → cell record. */
export function readTsvRecords(file: string): Array<Record<string, string>> {
  const [header, ...rows] = parseTsv(readFileSync(file, 'utf8'));
  if (!header) return [];
  return rows.map((cells, index) => {
    if (cells.length !== header.length) throw new Error(`${file}: row ${index + 2} has ${cells.length} cells, not ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, cells[column]!]));
  });
}
