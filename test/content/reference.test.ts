import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/load/project.js';
import { classPrefix } from '../../src/model/order.js';
import { isRfcReference, type CodeData, type CodeStatus, type Reference, type RfcReference } from '../../src/model/types.js';
import { validateFamilies } from '../../src/validate/codes.js';
import { REPO } from '../support/site.js';
import { readTsvRecords } from '../support/tsv.js';

// The SMTP pages checked against the fact tables in reference/ (see reference/SOURCES.md).

type Row = Record<string, string>;

const replyRows = readTsvRecords(path.join(REPO, 'reference/smtp-reply-codes.tsv'));
const enhancedRows = readTsvRecords(path.join(REPO, 'reference/smtp-enhanced-status-codes.tsv'));
const rowsByCode = new Map<string, Row[]>();
for (const row of replyRows) rowsByCode.set(row.code!, [...(rowsByCode.get(row.code!) ?? []), row]);

const diagnostics: Diagnostic[] = [];
const smtp = validateFamilies((await loadProject(REPO, { families: ['smtp'] })).families, diagnostics, true).find((f) => f.id === 'smtp');
const codes: readonly CodeData[] = smtp?.codes ?? [];
const byCode = new Map(codes.map((c) => [c.code, c]));
const tableCodes = [...rowsByCode.keys()];
/** The RFCs the table records for any SMTP code: a page may cite other sections of them, where its text says what they support. */
const knownRfcs = new Set(replyRows.flatMap((r) => definedIn(r.defined_in ?? "")?.rfc ?? []));

/** `RFC 5321 §4.2.2, §4.2.3; §3.1` → 5321 and its sections; `RFC 1985 (section not verified)` → no sections. */
function definedIn(cell: string): { rfc: number; sections: string[] } | undefined {
  const match = /^RFC (\d+)(.*)$/.exec(cell);
  if (!match) return undefined;
  return { rfc: Number(match[1]), sections: [...match[2]!.matchAll(/§(\d+(?:\.\d+)*)/g)].map((m) => m[1]!) };
}

/**
 * A citation is backed by the table when some row for the code is defined in that RFC and either
 * - the citation names no section (the table has rows like "RFC 1985 (section not verified)"), or
 * - the section is one the row's `defined_in` lists, or
 * - it is RFC 5321 §4.3.2 and the row's `context` mentions "§4.3.2". §4.3.2 is RFC 5321's list of
 *   command-reply sequences; for 450–452 and 550–553 the table does not count it as a defining
 *   section but names it in `context` ("MAIL, RCPT, DATA (§4.3.2)") as where those replies are
 *   allowed. Only that one RFC and section may be taken from `context`; anything else must be in
 *   `defined_in`, so a page cannot cite a section the table does not know for that code.
 */
/**
 * Citations the table does not back. A citation is backed when the table records it for the code,
 * or when it is of an RFC the table records for some SMTP code and the page's own text names that
 * section, saying what it supports ("RFC 5321 §4.5.4.1 suggests …").
 */
function unbackedCitations(rows: readonly Row[], references: readonly Reference[], text: string): string[] {
  const cites = (ref: RfcReference) => ref.section !== undefined && new RegExp(`(RFC ${ref.rfc},? section |§)${ref.section.replace(/\./g, '\\.')}(?![.\\d])`).test(text);
  return references
    .filter(isRfcReference)
    .filter((ref) => !rows.some((row) => {
      const def = definedIn(row.defined_in ?? '');
      if (!def || def.rfc !== ref.rfc) return false;
      if (ref.section === undefined || def.sections.includes(ref.section)) return true;
      return ref.rfc === 5321 && ref.section === '4.3.2' && (row.context ?? '').includes('§4.3.2');
    }))
    .filter((ref) => !(knownRfcs.has(ref.rfc) && cites(ref)))
    .map((ref) => `RFC ${ref.rfc}${ref.section ? ` §${ref.section}` : ''}`);
}

/** Enhanced codes of a reply that are not enumerated in the registry table, deprecated, or of another class. */
function badEnhancedCodes(code: string, enhanced: readonly string[], table: readonly Row[]): string[] {
  return enhanced.flatMap((value) => {
    const match = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(value);
    if (!match) return [`${value}: not of the form class.subject.detail`];
    const row = table.find((r) => r.registry_table === 'Enumerated Status Codes' && r.code === `X.${match[2]}.${match[3]}`);
    if (!row) return [`${value}: X.${match[2]}.${match[3]} is not in the registry table`];
    if (row.registry_status !== 'current') return [`${value}: the registry marks X.${match[2]}.${match[3]} ${row.registry_status}`];
    if (match[1] !== code[0]) return [`${value}: class ${match[1]} does not match reply ${code}`];
    return [];
  });
}

/** The page status the table implies: historical, associated (only named in RFC 5248 §2.4, registry-mention-only in the table) or current. */
function expectedStatus(rows: readonly Row[]): CodeStatus {
  const statuses = new Set(rows.map((r) => r.status));
  if (statuses.has('historical')) return 'historical';
  if (statuses.size === 1 && statuses.has('registry-mention-only')) return 'associated';
  return 'current';
}

describe('the reference tables', () => {
  it('hold the 44 distinct SMTP reply codes SOURCES.md announces, in 62 rows', () => {
    expect(replyRows).toHaveLength(62);
    expect(tableCodes).toHaveLength(44);
  });

  it('give each code a single class and a single status', () => {
    const mixed = tableCodes.filter((code) => {
      const rows = rowsByCode.get(code)!;
      return new Set(rows.map((r) => r.class)).size > 1 || new Set(rows.map((r) => r.status)).size > 1;
    });
    expect(mixed).toEqual([]);
  });
});

describe('the SMTP code files', () => {
  it('load without errors', () => {
    expect(smtp, 'codes/smtp/_family.md did not load').toBeDefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it('are exactly the distinct codes of smtp-reply-codes.tsv', () => {
    const missing = tableCodes.filter((c) => !byCode.has(c));
    const extra = codes.map((c) => c.code).filter((c) => !rowsByCode.has(c));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(codes).toHaveLength(44);
  });
});

describe.each(tableCodes)('codes/smtp/%s.md', (code) => {
  const rows = rowsByCode.get(code)!;
  const data = () => {
    const found = byCode.get(code);
    if (!found) throw new Error(`codes/smtp/${code}.md is missing`);
    return found;
  };

  it('has the class the table gives it', () => {
    const prefix = classPrefix(code, smtp!.classes);
    const actual = prefix === undefined ? undefined : `${code[0]}xx ${smtp!.classes[prefix]}`;
    for (const row of rows) expect(actual).toBe(row.class);
  });

  it('cites only RFCs and sections that the table records for it', () => {
    expect(unbackedCitations(rows, data().references, Object.values(data().text).join('\n'))).toEqual([]);
  });

  it('cites every RFC that the table says defines it', () => {
    const cited = new Set(data().references.filter(isRfcReference).map((r) => r.rfc));
    const defining = rows.flatMap((r) => definedIn(r.defined_in!)?.rfc ?? []);
    expect(defining.filter((rfc) => !cited.has(rfc)).map((rfc) => `RFC ${rfc}`)).toEqual([]);
  });

  it('lists only registered enhanced codes of its own class', () => {
    expect(badEnhancedCodes(code, data().enhanced, enhancedRows)).toEqual([]);
  });

  it('carries the status the table implies, with replaced_by only when historical', () => {
    const { status, replacedBy } = data();
    expect(status).toBe(expectedStatus(rows));
    if (status !== 'historical') expect(replacedBy).toEqual([]);
  });

  it('relates only to other codes of the family', () => {
    for (const other of data().related) {
      expect(other).not.toBe(code);
      expect(byCode.has(other), `related code ${other} does not exist`).toBe(true);
    }
  });
});

describe('the checkers themselves', () => {
  const row = (defined_in: string, context = '', status = 'current'): Row => ({ defined_in, context, status });

  it.each([
    ['a section the row does not list', [row('RFC 5321 §4.2.2, §4.2.3')], { rfc: 5321, section: '4.3.1' }],
    ['§4.3.2 without the context naming it', [row('RFC 5321 §4.2.2, §4.2.3', 'core SMTP')], { rfc: 5321, section: '4.3.2' }],
    ['§4.3.2 of another RFC', [row('RFC 6531 §3.5', 'MAIL (§4.3.2)')], { rfc: 6531, section: '4.3.2' }],
    ['a section where the table has none verified', [row('RFC 1870 (section not verified)')], { rfc: 1870, section: '2' }],
    ['an RFC that does not define the code', [row('RFC 4954 §6; §4')], { rfc: 5321 }],
    ['any RFC for a registry-only code', [row('IANA enhanced-code registry only')], { rfc: 3463 }],
  ])('rejects a citation of %s', (_name, rows, ref) => {
    expect(unbackedCitations(rows, [ref], '')).toHaveLength(1);
  });

  it('accepts another section of a known RFC only when the page names it', () => {
    const rows = [row('RFC 5321 §4.2.2, §4.2.3', 'core SMTP')];
    expect(unbackedCitations(rows, [{ rfc: 5321, section: '4.5.4.1' }], 'RFC 5321 §4.5.4.1 suggests retrying')).toEqual([]);
    expect(unbackedCitations(rows, [{ rfc: 5321, section: '4.5.4' }], 'RFC 5321 §4.5.4.1 suggests retrying')).toHaveLength(1);
    expect(unbackedCitations(rows, [{ rfc: 5321, section: '4.5.4.1' }], 'servers retry')).toHaveLength(1);
  });

  it('accepts RFC 5321 §4.3.2 when the context names it, and an RFC cited without a section', () => {
    const rows = [row('RFC 5321 §4.2.2, §4.2.3', 'MAIL, RCPT (§4.3.2)'), row('RFC 1870 (section not verified)')];
    expect(unbackedCitations(rows, [{ rfc: 5321, section: '4.3.2' }, { rfc: 5321, section: '4.2.3' }, { rfc: 1870 }], '')).toEqual([]);
  });

  it.each([
    ['553', '4.6.7', /class 4/],
    ['550', '5.1.99', /not in the registry/],
    ['553', '5.6.10', /deprecated/],
    ['550', '5.1', /form/],
  ])('rejects enhanced code %s %s', (code, value, message) => {
    const problems = badEnhancedCodes(code, [value], enhancedRows);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('matches an enumerated code through its X class digit', () => {
    expect(badEnhancedCodes('550', ['5.1.1', '5.7.26'], enhancedRows)).toEqual([]);
    expect(badEnhancedCodes('250', ['2.0.0'], enhancedRows)).toEqual([]);
  });

  it('derives the status from the rows', () => {
    expect(expectedStatus([row('RFC 4954 §6', 'AUTH', 'historical')])).toBe('historical');
    expect(expectedStatus([row('RFC 5248 §2.4', '', 'registry-mention-only')])).toBe('associated');
    expect(expectedStatus([row('RFC 5321', '', 'current'), row('RFC 1985', '', 'current')])).toBe('current');
  });
});
