import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/load/project.js';
import { resolveLink } from '../../src/model/cross-links.js';
import { isRfcReference, type CodeData, type FamilyData } from '../../src/model/types.js';
import { validateFamilies } from '../../src/validate/codes.js';
import { REPO } from '../support/site.js';
import { readTsvRecords } from '../support/tsv.js';

// The HTTP and SMTP enhanced status code pages checked against the registries in reference/, and
// against each other where the families link.

const diagnostics: Diagnostic[] = [];
const families = validateFamilies((await loadProject(REPO)).families, diagnostics);
const family = (id: string): FamilyData => families.find((f) => f.id === id)!;
const http = family('http');
const enhanced = family('smtp-enhanced');
const smtp = family('smtp');
const httpRows = readTsvRecords(path.join(REPO, 'reference/http-status-codes.tsv'));
const enhancedRows = readTsvRecords(path.join(REPO, 'reference/smtp-enhanced-status-codes.tsv')).filter((r) => /^X\.\d+\.\d+$/.test(r.code!));
const one = (list: readonly CodeData[], code: string) => list.find((c) => c.code === code)!;

/** `RFC 9110, Section 15.4.8` → { rfc: 9110, section: '15.4.8' }; a draft → undefined. */
function cited(cell: string): { rfc: number; section?: string } | undefined {
  const match = /^RFC (\d+)(?:, Section ([\d.]+))?/.exec(cell);
  return match ? { rfc: Number(match[1]), ...(match[2] ? { section: match[2] } : {}) } : undefined;
}

describe('the HTTP status code pages', () => {
  it('are one per registered code, titled with its reason phrase, citing the RFC section the registry gives', () => {
    expect(http.codes.map((c) => c.code)).toEqual(httpRows.map((r) => r.code));
    for (const row of httpRows) {
      const code = one(http.codes, row.code!);
      expect(code.text.title, row.code).toBe(row.reason_phrase);
      const source = cited(row.reference!);
      if (source) expect(code.references.filter(isRfcReference).filter((r) => r.rfc === source.rfc && (!source.section || r.section === source.section)), row.code).not.toEqual([]);
      else expect(code.references.some((r) => !isRfcReference(r) && r.url.includes(row.reference!.replace(/-\d+$/, ''))), row.code).toBe(true);
      if (['unused', 'obsoleted'].includes(row.registry_status!)) expect(code.status, row.code).toBe('historical');
    }
  });

  it('put the fault where the class does, and cache as RFC 9110 §15.1 and RFC 9111 say', () => {
    const heuristic = ['200', '203', '204', '206', '300', '301', '308', '404', '405', '410', '414', '451', '501'];
    for (const code of http.codes) {
      const fault = code.facets.fault ?? [];
      const expected = { '1': ['none'], '2': ['none'], '3': ['none'], '4': ['client'], '5': ['server', 'upstream'] }[code.code[0]!]!;
      expect(fault.every((f) => expected.includes(f)), `${code.code} fault ${fault.join()}`).toBe(true);
      const cache = code.facets.cache ?? [];
      const wanted = code.code.startsWith('1') ? 'not-stored' : code.code === '304' ? 'updates' : heuristic.includes(code.code) ? 'heuristic' : undefined;
      if (wanted) expect(cache, code.code).toEqual([wanted]);
      else expect(['explicit', 'forbidden']).toContain(cache[0]);
    }
  });

  it('give examples as HTTP/1.1 exchanges: a request line (any version, for 505) with Host, then the status line of the code itself', () => {
    for (const code of http.codes.filter((c) => c.example)) {
      const lines = code.example!.split('\n').filter((l) => l.trim());
      const request = lines.filter((l) => l.startsWith('C: ')).map((l) => l.slice(3));
      const response = lines.filter((l) => l.startsWith('S: ')).map((l) => l.slice(3));
      expect(lines.every((l) => /^[CS]: /.test(l) || /^[CS]:$/.test(l)), code.code).toBe(true);
      expect(request[0], code.code).toMatch(/^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|CONNECT|TRACE|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|SEARCH|[A-Z]+) \S+ HTTP\/\d\.\d$/);
      expect(request.some((l) => /^Host: [a-z0-9.-]+(:\d+)?$/i.test(l)), `${code.code} Host`).toBe(true);
      // 208 exists only inside a 207 body: `<D:status>HTTP/1.1 208 Already Reported</D:status>`.
      const statuses = response.flatMap((l) => [...l.matchAll(/(?:^|>)HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]));
      expect(statuses, code.code).toContain(code.code);
    }
  });
});

describe('the SMTP enhanced status code pages', () => {
  it('are one per registered code, titled as the registry names it, citing the RFC it gives', () => {
    expect(enhanced.codes.map((c) => c.code)).toEqual(enhancedRows.map((r) => r.code));
    for (const row of enhancedRows) {
      const code = one(enhanced.codes, row.code!);
      if (row.sample_text_or_summary) expect(code.text.title, row.code).toBe(row.sample_text_or_summary);
      const source = cited(row.reference!);
      if (source) expect(code.references.filter(isRfcReference).map((r) => r.rfc), row.code).toContain(source.rfc);
    }
  });

  it('come, by their `kind`, in the class of every reply code that lists them', () => {
    const kindOf = { '2': 'success', '4': 'temporary', '5': 'permanent' } as const;
    const wrong: string[] = [];
    for (const reply of smtp.codes) {
      for (const written of reply.enhanced) {
        const target = one(enhanced.codes, resolveLink(enhanced, written)!);
        if (written[0] !== reply.code[0]) wrong.push(`${reply.code} lists ${written} of another class`);
        if (!(target.facets.kind ?? []).includes(kindOf[written[0] as '2' | '4' | '5'])) wrong.push(`${reply.code} sends ${written}, but ${target.code} has kind ${target.facets.kind}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('give examples where each enhanced code agrees with the class of the reply code before it', () => {
    for (const code of enhanced.codes.filter((c) => c.example)) {
      const replies = code.example!.split('\n').filter((l) => l.startsWith('S: ')).map((l) => l.slice(3));
      const own = new RegExp(`^[245]\\d\\d[ -]${code.code.replace('X', '[245]').replace(/\./g, '\\.')}\\b`);
      expect(replies.some((r) => own.test(r)), `${code.code} example shows the code`).toBe(true);
      for (const reply of replies) {
        const match = /^([245])\d\d[ -]([245])\.\d+\.\d+\b/.exec(reply);
        if (match) expect(match[2], `${code.code}: ${reply}`).toBe(match[1]);
      }
    }
  });
});

it('the new families load without a diagnostic', () => {
  expect(diagnostics.filter((d) => /codes\/(http|smtp-enhanced)\//.test(d.file))).toEqual([]);
});
