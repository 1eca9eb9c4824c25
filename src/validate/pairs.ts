import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { FrontMatterFile } from '../load/front-matter.js';
import { sourceHash } from '../model/hash.js';
import { compareCodes } from '../model/order.js';
import type { FacetDefinition, PairData, PairText } from '../model/types.js';
import { FieldReader } from './fields.js';
import { flatPairText, PAIR_FILE_FIELDS, readPairText } from './pair-text.js';

/**
 * The two codes a pair file names, `550-vs-553.md` → ['550', '553']. Codes may hold '-', so every
 * `-vs-` is tried and the split whose both halves are codes of the family wins.
 */
export function splitPairName(name: string, known: ReadonlySet<string>): [string, string] | undefined {
  let fallback: [string, string] | undefined;
  for (let at = name.indexOf('-vs-'); at > 0; at = name.indexOf('-vs-', at + 1)) {
    const pair: [string, string] = [name.slice(0, at), name.slice(at + 4)];
    if (known.has(pair[0]) && known.has(pair[1])) return pair;
    fallback ??= pair;
  }
  return fallback;
}

function readCovers(reader: FieldReader, facets: readonly FacetDefinition[]): string[] {
  return reader.stringList('covers').filter((id, index) => {
    const known = facets.some((f) => f.id === id);
    if (!known) reader.error(['covers', index], 'unknown-facet', `\`covers\` names "${id}"; the family's facets are ${facets.map((f) => f.id).join(', ') || '(none)'}`);
    return known;
  });
}

function readPair(file: FrontMatterFile, family: string, facets: readonly FacetDefinition[], known: ReadonlySet<string>, diagnostics: Diagnostic[]): PairData | undefined {
  const reader = new FieldReader(file, diagnostics);
  // A fault in the file's name: reported at the top of the file.
  const nameError = (rule: string, message: string) => diagnostics.push(diagnostic(file.path, { line: 1, column: 1 }, 'error', rule, message));
  const name = path.posix.basename(file.path, '.md');
  const split = splitPairName(name, known);
  if (!split) {
    nameError('pair-name', `a pair file is named <a>-vs-<b>.md after two codes of the family, not "${name}.md"`);
    return undefined;
  }
  const [a, b] = split;
  const unknown = split.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    nameError('unknown-code', `${name}.md compares ${unknown.map((c) => `"${c}"`).join(' and ')}, which family ${family} does not have; both codes of a pair must be of the family whose pairs/ folder holds it`);
    return undefined;
  }
  if (a === b) {
    nameError('pair-name', `${name}.md compares ${a} with itself`);
    return undefined;
  }
  if (compareCodes(a, b) > 0) {
    nameError('pair-order', `pair files name the codes in pair order: rename ${name}.md to ${b}-vs-${a}.md`);
    return undefined;
  }
  reader.unknownFields([...PAIR_FILE_FIELDS, 'covers']);
  const text = readPairText(reader, file.body, [a, b], true);
  const covers = readCovers(reader, facets);
  if (!text.verdict || !text.deciding || !text.differences || !text.advice || Object.keys(text.advice).length !== 2) return undefined;
  return { family, a, b, text: text as PairText, covers, sourceHash: sourceHash(flatPairText(text)) };
}

/** Validates a family's pair files against its codes; sorted by pair. */
export function validatePairs(files: readonly FrontMatterFile[], family: string, facets: readonly FacetDefinition[], codes: readonly string[], diagnostics: Diagnostic[]): PairData[] {
  const known = new Set(codes);
  return files
    .flatMap((file) => readPair(file, family, facets, known, diagnostics) ?? [])
    .sort((x, y) => compareCodes(x.a, y.a) || compareCodes(x.b, y.b));
}
