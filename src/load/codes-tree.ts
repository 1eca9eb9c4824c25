import path from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { listDir, type DirEntry } from './files.js';

/** A folder under codes/ that holds a `_family.md`, with the files the build reads from it. */
export interface FamilyFolder {
  readonly id: string;
  readonly familyFile: DirEntry;
  /** `<code>.md` files beside `_family.md`. */
  readonly codeFiles: readonly DirEntry[];
  /** `pairs/<a>-vs-<b>.md` files. */
  readonly pairFiles: readonly DirEntry[];
}

export const FAMILY_FILE = '_family.md';
const PAIRS = 'pairs';

/** Hidden files (`.DS_Store`, `.gitkeep`, editors' swap files) are nobody's content: skipped without a word. */
const isHidden = (entry: DirEntry) => entry.name.startsWith('.');
const isMarkdown = (entry: DirEntry) => !entry.isDirectory && entry.name.endsWith('.md');

/** Why a Markdown folder's file is not read, with how to make it read where that is clear. */
export function notMarkdown(name: string): string {
  const stem = name.replace(/\.[^.]*$/, '');
  if (/\.md$/i.test(name)) return `not read: the extension must be .md in lower case; rename it to ${stem}.md`;
  if (/\.(markdown|mdown|mkd|mkdn)$/i.test(name)) return `not read: only .md files are read; rename it to ${stem}.md`;
  return 'not read: this folder holds only .md files';
}

/** A file the build does not read, reported where it is so that leaving it out is never silent. */
export function ignoredFile(root: string, abs: string, message: string): Diagnostic {
  return diagnostic(path.relative(root, abs).split(path.sep).join('/'), START, 'warning', 'ignored-file', message);
}

/** Every file below `dir` that is not hidden, for reporting a folder the build does not read. */
async function filesBelow(dir: string): Promise<DirEntry[]> {
  const out: DirEntry[] = [];
  for (const entry of await listDir(dir)) {
    if (isHidden(entry)) continue;
    if (entry.isDirectory) out.push(...(await filesBelow(entry.abs)));
    else out.push(entry);
  }
  return out;
}

/**
 * Lists codes/ and says what it does not read: a folder without `_family.md`, a file whose name
 * would make it a code but for its extension or case, anything in a subfolder other than pairs/,
 * a file at the top of codes/, a family without codes, and a project without a family. Only the
 * families `wanted` accepts are looked into; the others are neither read nor reported.
 */
export async function scanCodes(root: string, wanted: (family: string) => boolean): Promise<{ folders: FamilyFolder[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const warn = (abs: string, rule: string, message: string) => diagnostics.push(diagnostic(rel(abs), START, 'warning', rule, message));
  const ignore = (entries: readonly DirEntry[], why: (entry: DirEntry) => string) => {
    for (const entry of entries) diagnostics.push(ignoredFile(root, entry.abs, why(entry)));
  };
  const codesDir = path.join(root, 'codes');
  const top = (await listDir(codesDir)).filter((e) => !isHidden(e));
  const folders: FamilyFolder[] = [];
  let families = 0;

  ignore(top.filter((e) => !e.isDirectory), () => 'not read: codes/ holds one folder per family (codes/<family>/_family.md and its codes); move the file into one');
  for (const dir of top.filter((e) => e.isDirectory)) {
    const entries = (await listDir(dir.abs)).filter((e) => !isHidden(e));
    const familyFile = entries.find((e) => e.name === FAMILY_FILE && !e.isDirectory);
    if (familyFile) families++;
    if (!wanted(dir.name)) continue;
    if (!familyFile) {
      const files = (await filesBelow(dir.abs)).length;
      warn(path.join(dir.abs, FAMILY_FILE), 'no-family-file', `codes/${dir.name}/ has no ${FAMILY_FILE}, so it is not a family and its ${files === 1 ? '1 file is' : `${files} files are`} not read; add ${FAMILY_FILE} (see docs/content-format.md)`);
      continue;
    }
    const codeFiles = entries.filter((e) => isMarkdown(e) && e !== familyFile);
    ignore(entries.filter((e) => !e.isDirectory && !isMarkdown(e)), (e) => notMarkdown(e.name));
    for (const sub of entries.filter((e) => e.isDirectory && e.name !== PAIRS)) {
      const hint = sub.name.toLowerCase() === PAIRS ? `; written comparisons go in ${PAIRS}/, in lower case` : '';
      ignore(await filesBelow(sub.abs), () => `not read: the only folder read inside a family is ${PAIRS}/${hint}`);
    }
    const pairEntries = (await listDir(path.join(dir.abs, PAIRS))).filter((e) => !isHidden(e));
    const pairFiles = pairEntries.filter(isMarkdown);
    ignore(pairEntries.filter((e) => !e.isDirectory && !isMarkdown(e)), (e) => notMarkdown(e.name));
    for (const sub of pairEntries.filter((e) => e.isDirectory)) ignore(await filesBelow(sub.abs), () => `not read: ${PAIRS}/ holds only <a>-vs-<b>.md files, no folders`);
    if (codeFiles.length === 0) warn(familyFile.abs, 'empty-family', `the family "${dir.name}" has no codes, so it has no pages but its index; add codes/${dir.name}/<code>.md files`);
    folders.push({ id: dir.name, familyFile, codeFiles, pairFiles });
  }
  if (families === 0) {
    const hasCodes = (await listDir(root)).some((e) => e.name === 'codes' && e.isDirectory);
    const why = hasCodes ? `no folder under codes/ has a ${FAMILY_FILE}` : 'there is no codes/ folder';
    diagnostics.push(diagnostic('codes', START, 'error', 'no-family', `the project has no code family (${why}); a family is a folder codes/<family>/ with a ${FAMILY_FILE} and its <code>.md files (see docs/content-format.md)`));
  }
  return { folders, diagnostics };
}
