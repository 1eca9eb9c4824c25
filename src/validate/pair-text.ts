import type { PairText } from '../model/types.js';
import type { FieldReader } from './fields.js';

export const PAIR_FILE_FIELDS = ['verdict', 'deciding', 'differences', 'advice'];

/**
 * The text fields of a pair file or of its translation. `required` for the English file; a
 * translation may give any subset. `advice` must name exactly the pair's two codes.
 */
export function readPairText(reader: FieldReader, body: string, codes: readonly [string, string], required: boolean): Partial<PairText> {
  const text: { -readonly [K in keyof PairText]?: PairText[K] } = {};
  const verdict = reader.string('verdict', { required });
  if (verdict !== undefined) text.verdict = verdict;
  const deciding = reader.string('deciding', { required });
  if (deciding !== undefined) text.deciding = deciding;
  if (reader.has('differences') || required) {
    const differences = reader.stringList('differences');
    if (differences.length > 0) text.differences = differences;
    else if (required) reader.error(['differences'], 'missing-field', 'required field `differences` must list at least one difference');
  }
  const advice = reader.mapping('advice', { required });
  if (advice) {
    const out: Record<string, string> = {};
    for (const [code, value] of Object.entries(advice)) {
      if (!codes.includes(code)) reader.error(['advice', code], 'unknown-code', `\`advice\` names ${code}; a pair file advises on its two codes, ${codes.join(' and ')}`);
      else if (typeof value !== 'string' || value.trim() === '') reader.error(['advice', code], 'field-type', `\`advice.${code}\` must be a non-empty string`);
      else out[code] = value.trim();
    }
    const lacking = codes.filter((c) => !(c in advice));
    if (required && lacking.length > 0) reader.error(['advice'], 'missing-field', `\`advice\` has nothing for ${lacking.join(' and ')}`);
    if (Object.keys(out).length > 0) text.advice = out;
  }
  const trimmed = body.trim();
  if (trimmed) text.body = trimmed;
  return text;
}

/** The fields as the source hash sees them: one string each, in a fixed order. */
export function flatPairText(text: Partial<PairText>): Record<string, string> {
  const flat: Record<string, string> = {};
  if (text.verdict) flat.verdict = text.verdict;
  if (text.deciding) flat.deciding = text.deciding;
  text.differences?.forEach((d, i) => (flat[`differences.${i}`] = d));
  for (const [code, advice] of Object.entries(text.advice ?? {})) flat[`advice.${code}`] = advice;
  if (text.body) flat.body = text.body;
  return flat;
}
