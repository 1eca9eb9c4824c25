import path from 'node:path';
import { contentSourcesPath } from '../i18n/source-paths.js';
import { sourceHash } from '../model/hash.js';
import { readSource } from './files.js';

/** Source hash → the English text it was made from (as `sourceRecord` gives it). */
export type SourceVersions = Record<string, Readonly<Record<string, string>>>;

function isRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * The recorded English versions of one piece of content (`smtp/553`): locales/_sources/<id>.json.
 * A version whose text does not give its hash (edited by hand) is left out, as is a file that is
 * missing or unreadable: its English then is unknown.
 */
export async function readContentSources(root: string, id: string): Promise<SourceVersions> {
  const read = await readSource(root, path.join(root, contentSourcesPath(id))).catch(() => undefined);
  if (!read?.file) return {};
  let value: unknown;
  try {
    value = JSON.parse(read.file.text);
  } catch {
    return {};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const versions: SourceVersions = {};
  for (const [hash, record] of Object.entries(value)) if (isRecord(record) && sourceHash(record) === hash) versions[hash] = record;
  return versions;
}
