/**
 * Writes imported fields into a Markdown translation file (locales/<tag>/<family>/…), creating it
 * when missing, and decides its `source_hash`. Only the fields whose text changes, and the hash, are
 * touched; every other byte stays. Pure: text in, text out.
 */

import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { TRANSLATABLE_FIELDS } from '../model/types.js';
import type { ContentImport } from './plan.js';
import { sameText } from './plan.js';
import { setEntry, setField } from './yaml-edit.js';

interface Framed {
  readonly bom: string;
  readonly crlf: boolean;
  readonly yaml: string;
  readonly close: string;
  readonly body: string;
}

/** Splits `---\nYAML---\nBODY`; a missing file is an empty one. */
function frame(original: string | undefined): Framed {
  if (original === undefined) return { bom: '', crlf: false, yaml: '', close: '---\n', body: '' };
  const bom = original.startsWith('\ufeff') ? '\ufeff' : '';
  const crlf = original.includes('\r\n');
  const text = original.slice(bom.length).replace(/\r\n/g, '\n');
  if (!text.startsWith('---\n')) throw new Error('a translation file without front matter cannot be edited');
  const close = /^---[ \t]*(?:\n|$)/m.exec(text.slice(4));
  if (!close) throw new Error('a translation file whose front matter is not closed cannot be edited');
  const yamlEnd = 4 + close.index;
  return { bom, crlf, yaml: text.slice(4, yamlEnd), close: close[0], body: text.slice(yamlEnd + close[0].length) };
}

function unframe(framed: Framed): string {
  const text = `---\n${framed.yaml}${framed.close.endsWith('\n') || framed.body === '' ? framed.close : `${framed.close}\n`}${framed.body}`;
  return framed.bom + (framed.crlf ? text.replace(/\n/g, '\r\n') : text);
}

const CODE_ORDER = ['source_hash', ...TRANSLATABLE_FIELDS.filter((f) => f !== 'body')];
const FAMILY_ORDER = ['source_hash', 'title', 'classes'];
const PAIR_ORDER = ['source_hash', 'verdict', 'deciding', 'differences', 'advice'];

function topOrder(translationFile: string): readonly string[] {
  if (translationFile.endsWith('/_family.md')) return FAMILY_ORDER;
  return translationFile.includes('/pairs/') ? PAIR_ORDER : CODE_ORDER;
}

export interface ContentEdit {
  /** The new text; undefined when nothing changes. */
  readonly text?: string;
  /** Fields still translated from an older English: the file keeps its old `source_hash`. */
  readonly unreviewed: readonly string[];
  /** `differences` items that could not be written, since the list would lack others. */
  readonly incomplete: readonly string[];
}

const asText = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

export function editContent(original: string | undefined, plan: ContentImport): ContentEdit {
  const framed = frame(original);
  const data = ((original === undefined ? {} : parse(framed.yaml)) ?? {}) as Record<string, unknown>;
  const order = topOrder(plan.translationFile);
  const fields = plan.entries.map((e) => e.field);
  const values = new Map(plan.values);
  let yaml = framed.yaml;
  let body = framed.body;
  const expected: Record<string, unknown> = { ...data };

  const differences = fields.filter((f) => f.startsWith('differences.'));
  const incomplete: string[] = [];
  if (differences.some((f) => values.has(f))) {
    const existing = Array.isArray(data.differences) ? data.differences.map(asText) : [];
    const aligned = existing.length === differences.length;
    const list = differences.map((f, i) => values.get(f) ?? (aligned ? existing[i]?.trim() : undefined));
    if (list.some((item) => item === undefined)) {
      for (const f of differences) if (values.delete(f)) incomplete.push(f);
    } else if (!aligned || list.some((item, i) => !sameText(item!, existing[i] ?? ''))) {
      const written = list as string[];
      let inPlace: string | undefined = aligned ? yaml : undefined;
      written.forEach((item, i) => {
        if (inPlace !== undefined && !sameText(item, existing[i] ?? '')) inPlace = setEntry(inPlace, 'differences', i, item, []);
      });
      yaml = inPlace ?? setField(yaml, 'differences', written, order);
      expected.differences = written;
    }
  }

  for (const [field, value] of values) {
    if (field.startsWith('differences.')) continue;
    if (field === 'body') {
      if (!sameText(body, value)) body = `${value}\n`;
      continue;
    }
    const dot = field.indexOf('.');
    if (dot === -1) {
      if (sameText(asText(data[field]) ?? '', value)) continue;
      yaml = setField(yaml, field, value, order);
      expected[field] = value;
      continue;
    }
    const [parent, key] = [field.slice(0, dot), field.slice(dot + 1)];
    const current = data[parent] !== null && typeof data[parent] === 'object' && !Array.isArray(data[parent]) ? (data[parent] as Record<string, unknown>) : {};
    const merged = { ...(expected[parent] as Record<string, unknown> | undefined ?? current) };
    if (sameText(asText(merged[key]) ?? '', value)) continue;
    merged[key] = value;
    const keyOrder = fields.filter((f) => f.startsWith(`${parent}.`)).map((f) => f.slice(dot + 1));
    yaml = setEntry(yaml, parent, key, value, keyOrder) ?? setField(yaml, parent, merged as Record<string, string>, order);
    expected[parent] = merged;
  }

  const imported = new Set(values.keys());
  const state = new Map(plan.entries.map((e) => [e.field, e.state]));
  const translatedAfter = plan.entries.filter((e) => e.target !== undefined || imported.has(e.field)).map((e) => e.field);
  const unreviewed = translatedAfter.filter((f) => !imported.has(f) && state.get(f) !== 'translated');
  const hash = plan.entries[0]!.sourceHash!;
  if (unreviewed.length === 0 && asText(data.source_hash) !== hash) {
    yaml = setField(yaml, 'source_hash', hash, order);
    expected.source_hash = hash;
  }

  if (yaml === framed.yaml && body === framed.body && original !== undefined) return { unreviewed, incomplete };
  const after = (parse(yaml) ?? {}) as Record<string, unknown>;
  // Whatever was not set must read as before, and what was set as set: else the edit broke the YAML.
  if (!isDeepStrictEqual(normalize(after), normalize(expected))) throw new Error(`editing ${plan.translationFile} would change more than the imported fields`);
  return { text: unframe({ ...framed, yaml, body }), unreviewed, incomplete };
}

/** Trimmed strings, so `>-` and plain scalars of one text compare equal. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}
