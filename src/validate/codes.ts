import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { RawFamily } from '../load/project.js';
import type { FrontMatterFile } from '../load/front-matter.js';
import { sourceHash } from '../model/hash.js';
import { familySourceText } from './english-source.js';
import { classPrefix, compareCodes } from '../model/order.js';
import { STATUSES, type CodeData, type FamilyData, type Reference, type TextFields } from '../model/types.js';
import { readCodeFacets } from './facets.js';
import { readFamilyHeader, type FamilyHeader } from './family-header.js';
import { checkCrossFamilyLinks, type ReadFamily } from './family-links.js';
import { FieldReader } from './fields.js';
import { readHighlights } from './highlights.js';
import { validatePairs } from './pairs.js';

const CODE_FIELDS = ['code', 'title', 'description', 'when', 'fix', 'fix_admin', 'actor', 'references', 'related', 'enhanced', 'example', 'status', 'replaced_by', 'facets'];

/** A family id or code becomes a URL segment and a folder name: only these characters may. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function readReferences(reader: FieldReader): Reference[] {
  return reader.list('references').flatMap((item, index): Reference[] => {
    const entry = item as Record<string, unknown> | null;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || ('rfc' in entry) === ('url' in entry)) {
      reader.error(['references', index], 'field-type', 'each reference must be a mapping with either `rfc` (and an optional `section`) or `url` and `title`');
      return [];
    }
    if ('url' in entry) return readUrlReference(reader, entry, index);
    const rfc = typeof entry.rfc === 'string' && /^\d+$/.test(entry.rfc) ? Number(entry.rfc) : entry.rfc;
    if (typeof rfc !== 'number' || !Number.isInteger(rfc) || rfc <= 0) {
      reader.error(['references', index, 'rfc'], 'field-type', '`rfc` must be a positive RFC number');
      return [];
    }
    const section = entry.section === undefined ? undefined : String(entry.section);
    return [section === undefined ? { rfc } : { rfc, section }];
  });
}

function readUrlReference(reader: FieldReader, entry: Record<string, unknown>, index: number): Reference[] {
  const { url, title } = entry;
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+\S*$/.test(url)) {
    reader.error(['references', index, 'url'], 'field-value', '`url` must be an absolute http:// or https:// address');
    return [];
  }
  if (typeof title !== 'string' || title.trim() === '') {
    reader.error(['references', index, 'title'], 'missing-field', 'a `url` reference needs a `title`: the link text readers see');
    return [];
  }
  return [{ url, title: title.trim() }];
}

/** `names`: the codes the family's files are named after, whether or not they parse. */
function readCode(file: FrontMatterFile, familyId: string, header: FamilyHeader, names: ReadonlySet<string>, diagnostics: Diagnostic[]): CodeData | undefined {
  const reader = new FieldReader(file, diagnostics);
  reader.unknownFields(CODE_FIELDS);
  const expected = path.posix.basename(file.path, '.md');
  const code = reader.string('code', { required: true, coerceNumber: true });
  const text: TextFields = {
    title: reader.string('title', { required: true }),
    description: reader.string('description', { required: true }),
    when: reader.string('when', { required: true }),
    fix: reader.string('fix', { required: true }),
    fix_admin: reader.string('fix_admin'),
    body: file.body.trim() || undefined,
  };
  if (code === undefined) return undefined;
  // A copied file whose code was left unchanged is one fault, reported here and not in the original.
  if (code !== expected && names.has(code)) reader.error(['code'], 'duplicate-code', `code "${code}" is already defined in ${path.posix.dirname(file.path)}/${code}.md; this file must hold code "${expected}"`);
  else if (code !== expected) reader.error(['code'], 'code-mismatch', `code "${code}" does not match the file name ${expected}.md`);
  else if (!SAFE_SEGMENT.test(code)) reader.error(['code'], 'code-mismatch', `code "${code}" may hold only letters, digits, '.', '_' and '-'`);
  else if (!header.pattern.test(code)) reader.error(['code'], 'code-mismatch', `code "${code}" does not match the family's pattern ${header.pattern.source}`);
  else if (!classPrefix(code, header.classes)) reader.error(['code'], 'code-mismatch', `code "${code}" falls in no class of the family`);
  const data: CodeData = {
    family: familyId,
    code,
    text,
    actor: reader.oneOf('actor', header.actors),
    references: readReferences(reader),
    related: reader.stringList('related'),
    enhanced: reader.stringList('enhanced'),
    example: reader.string('example'),
    status: reader.oneOf('status', STATUSES) ?? 'current',
    replacedBy: reader.stringList('replaced_by'),
    facets: readCodeFacets(reader, header.facets),
    sourceHash: sourceHash(text),
  };
  return data;
}

/**
 * Links to codes the family does not have. A code counts as present when a file is named after it,
 * even one that does not parse or holds another code: that file's own diagnostic is the cause, and
 * links to it are not reported again.
 */
function checkFamilyLinks(codes: ReadonlyArray<{ data: CodeData; file: FrontMatterFile }>, names: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
  for (const { data, file } of codes) {
    const reader = new FieldReader(file, diagnostics);
    for (const [key, list] of [['related', data.related], ['replaced_by', data.replacedBy]] as const) {
      const written = Array.isArray(file.data[key]) ? (file.data[key] as unknown[]).map((item) => String(item).trim()) : [];
      for (const other of list) {
        const index = Math.max(written.indexOf(other), 0);
        if (!names.has(other)) reader.error([key, index], 'unknown-related', `\`${key}\` names code "${other}", which this family does not have`);
        else if (other === data.code) reader.error([key, index], 'unknown-related', `\`${key}\` names the code itself`);
      }
    }
  }
}

/** `partial`: a build limited by --family, which read only some families. */
export function validateFamilies(raw: readonly RawFamily[], diagnostics: Diagnostic[], partial = false): FamilyData[] {
  const families: ReadFamily[] = [];
  for (const family of raw) {
    const reader = new FieldReader(family.file, diagnostics);
    if (!SAFE_SEGMENT.test(family.id)) {
      reader.error([], 'invalid-family', `family folder "${family.id}" may hold only letters, digits, '.', '_' and '-'`);
      continue;
    }
    const header = readFamilyHeader(reader);
    if (!header) continue;
    const names = new Set(family.codeNames);
    const codes = family.codes.flatMap((file) => {
      const data = readCode(file, family.id, header, names, diagnostics);
      return data ? [{ data, file }] : [];
    });
    checkFamilyLinks(codes, names, diagnostics);
    const text: TextFields = { title: header.title, body: family.file.body.trim() || undefined };
    const data = {
      id: family.id,
      name: header.name,
      text,
      pattern: header.pattern.source,
      classes: header.classes,
      outcomes: header.outcomes,
      actors: header.actors,
      ...(header.wildcard === undefined ? {} : { wildcard: header.wildcard }),
      links: header.links,
      codes: codes.map((c) => c.data).sort((a, b) => compareCodes(a.code, b.code)),
      facets: header.facets,
      pairs: validatePairs(family.pairs, family.id, header.facets, codes.map((c) => c.data.code), diagnostics),
      sourceHash: sourceHash(familySourceText(text, header.classes)),
    };
    families.push({ data: { ...data, highlights: readHighlights(reader, data) }, file: family.file, codes });
  }
  checkCrossFamilyLinks(families, diagnostics, partial);
  return families.map((f) => f.data);
}
