import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { canonicalTag } from '../i18n/tags.js';
import { FAMILY_FILE } from '../load/codes-tree.js';
import { labelFileTag } from '../load/label-files.js';
import { UsageError } from './usage-error.js';

const SOURCE_FOLDERS = ['codes', 'locales', 'templates'];

function names(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const isFolder = (file: string) => statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * A root that does not exist, is not a folder, or holds none of codes/, locales/, templates/ is a
 * mistake in the command line (a typo, the wrong folder): one usage error, not one per missing file.
 */
export function checkRoot(root: string, given: string): void {
  const stats = statSync(root, { throwIfNoEntry: false });
  const where = given === root ? '' : ` (${root})`;
  if (!stats) throw new UsageError(`--root ${given}: no such folder${where}`);
  if (!stats.isDirectory()) throw new UsageError(`--root ${given}: not a folder${where}`);
  if (!SOURCE_FOLDERS.some((name) => isFolder(path.join(root, name)))) {
    throw new UsageError(`${root} is not a code-compare project: it has no codes/, locales/ or templates/ folder; run in the project's folder or pass --root DIR`);
  }
}

/** Tags with a label file: `locales/vi.json` → vi. */
export function knownLanguages(root: string): string[] {
  const dir = path.join(root, 'locales');
  return names(dir).flatMap((name) => {
    const tag = labelFileTag(name);
    return tag !== undefined && !isFolder(path.join(dir, name)) ? [tag] : [];
  });
}

/** Folders of codes/ with a `_family.md`. */
export function knownFamilies(root: string): string[] {
  return names(path.join(root, 'codes')).filter((name) => existsSync(path.join(root, 'codes', name, FAMILY_FILE)));
}

const listOf = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);

/** `--lang ko` without locales/ko.json, or `--family http` without codes/http/_family.md: a usage error listing what there is. */
export function checkSubset(root: string, languages: readonly string[] | undefined, families: readonly string[] | undefined): void {
  const problems: string[] = [];
  const tags = knownLanguages(root);
  for (const tag of languages ?? []) {
    if (tags.includes(tag)) continue;
    const canonical = canonicalTag(tag);
    const hint = canonical && canonical !== tag && tags.includes(canonical) ? `did you mean ${canonical}?` : `\`code-compare new-locale ${canonical ?? tag}\` makes one`;
    problems.push(`--lang ${tag}: there is no locales/${tag}.json (${hint})`);
  }
  const ids = knownFamilies(root);
  for (const id of families ?? []) {
    if (ids.includes(id)) continue;
    const why = isFolder(path.join(root, 'codes', id)) ? `codes/${id}/ has no ${FAMILY_FILE}` : `there is no codes/${id}/`;
    problems.push(`--family ${id}: ${why}`);
  }
  if (problems.length === 0) return;
  const known: string[] = [];
  if (languages?.some((t) => !tags.includes(t))) known.push(`known languages: ${listOf(tags, 'none (locales/ has no TAG.json)')}`);
  if (families?.some((f) => !ids.includes(f))) known.push(`known families: ${listOf(ids, `none (no folder under codes/ has a ${FAMILY_FILE})`)}`);
  throw new UsageError([...problems, ...known].join('\n'));
}
