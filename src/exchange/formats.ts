import type { ExchangeFormat } from './format.js';
import { poFormat } from './po.js';
import { xliffFormat } from './xliff.js';

export const FORMATS: Readonly<Record<string, ExchangeFormat>> = { po: poFormat, xliff: xliffFormat };

/** The format a file name says (`.po`, `.pot`; `.xlf`, `.xliff`), else undefined. */
export function formatOfPath(file: string): ExchangeFormat | undefined {
  if (/\.pot?$/i.test(file)) return poFormat;
  if (/\.xlf{1,2}$|\.xliff$/i.test(file)) return xliffFormat;
  return undefined;
}

/** The format of an exchange file's text: XML is XLIFF, anything else PO. */
export function formatOfText(text: string): ExchangeFormat {
  return /^\s*(<\?xml|<xliff)/.test(text.replace(/^\ufeff/, '')) ? xliffFormat : poFormat;
}
