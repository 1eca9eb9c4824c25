import type { Position } from '../diagnostics.js';

/** How many continuation bytes follow a lead byte, and the least value the sequence may encode. */
function sequence(lead: number): { length: number; min: number } | undefined {
  if (lead < 0x80) return { length: 0, min: 0 };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 1, min: 0x80 };
  if (lead >= 0xe0 && lead <= 0xef) return { length: 2, min: 0x800 };
  if (lead >= 0xf0 && lead <= 0xf4) return { length: 3, min: 0x10000 };
  return undefined;
}

/**
 * The offset of the first byte that is not part of valid UTF-8 (a stray continuation byte, a
 * truncated sequence, an overlong form, a surrogate, a value above U+10FFFF); undefined if none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const expected = sequence(lead);
    if (!expected) return i;
    let value = expected.length === 0 ? lead : lead & (0x3f >> expected.length);
    for (let k = 1; k <= expected.length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      value = (value << 6) | (next & 0x3f);
    }
    if (value < expected.min || (value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return i;
    i += expected.length + 1;
  }
  return undefined;
}

/**
 * The line and column of the first invalid byte, counted as in the decoded text: lines end at LF,
 * CRLF or CR, columns count UTF-16 units of the valid text before it on its line, BOM excluded.
 */
export function invalidUtf8Position(bytes: Uint8Array): Position {
  const offset = firstInvalidUtf8(bytes) ?? 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: lineStart > 0 }).decode(bytes.subarray(lineStart, offset)).replace(/\r$/, '');
  return { line, column: before.normalize('NFC').length + 1 };
}
