import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import { editContent } from '../exchange/content-edit.js';
import { loadLanguageStrings } from '../exchange/load.js';
import { formatOfPath, formatOfText } from '../exchange/formats.js';
import { editLabels } from '../exchange/label-edit.js';
import { planImport, type ImportPlan } from '../exchange/plan.js';
import { flattenLabels } from '../i18n/labels.js';
import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { decodeUtf8 } from '../load/files.js';
import { invalidUtf8Position } from '../load/utf8.js';
import { validateProject } from '../project.js';
import { scaffoldLabels } from './new-locale.js';
import { plural, printDiagnostics, type Output } from './report.js';

export interface ImportCommandOptions {
  readonly root?: string;
  readonly dryRun?: boolean;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces a file whole (a new file beside it, renamed over it), so no reader sees half of it. */
async function replaceFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.import-${process.pid}`);
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The new text of every file the plan changes, by path relative to the root, with the warnings it gives. */
async function plannedFiles(root: string, tag: string, english: unknown, plan: ImportPlan, exchangePath: string): Promise<{ files: Map<string, string>; diagnostics: Diagnostic[] }> {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  if (plan.labels.size > 0) {
    const rel = `locales/${tag}.json`;
    const order = flattenLabels(scaffoldLabels(english, tag)).map(([key]) => key);
    files.set(rel, editLabels(await readIfExists(path.join(root, rel)), plan.labels, order));
  }
  for (const content of plan.content.values()) {
    const edit = editContent(await readIfExists(path.join(root, content.translationFile)), content);
    if (edit.text !== undefined) files.set(content.translationFile, edit.text);
    const at = (field: string) => content.positions.get(field) ?? { line: 1, column: 1 };
    if (edit.incomplete.length > 0) {
      diagnostics.push(diagnostic(exchangePath, at(edit.incomplete[0]!), 'warning', 'differences-incomplete', `${edit.incomplete.map((f) => `#${f}`).join(', ')} of ${content.entries[0]!.file} not imported: ${content.translationFile} gets its \`differences\` list only when every item is translated`));
    }
    if (edit.unreviewed.length > 0 && content.values.size > edit.incomplete.length) {
      const first = [...content.values.keys()].find((f) => !edit.incomplete.includes(f))!;
      diagnostics.push(diagnostic(exchangePath, at(first), 'warning', 'stale-translation', `${content.translationFile} keeps its old source_hash: ${edit.unreviewed.map((f) => `\`${f}\``).join(', ')} ${edit.unreviewed.length === 1 ? 'is' : 'are'} still translated from an older English (marked for review); the file stays stale until ${edit.unreviewed.length === 1 ? 'it is' : 'they are'} reviewed and imported too`));
    }
  }
  return { files, diagnostics };
}

/** Writes the reviewed translations of a PO or XLIFF file into locales/, refusing those made from an English that has changed. */
export async function importCommand(file: string, options: ImportCommandOptions, output: Output): Promise<number> {
  const root = path.resolve(options.root ?? '.');
  const report = (list: readonly Diagnostic[]) => printDiagnostics([...list].sort(compareDiagnostics), output);
  const bytes = await readFile(file);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    report([diagnostic(file, invalidUtf8Position(bytes), 'error', 'encoding', 'this byte is not valid UTF-8; save the file as UTF-8')]);
    return 1;
  }
  const format = formatOfPath(file) ?? formatOfText(text);
  const exchange = format.read(text.replace(/^\ufeff/, ''), file);
  if (!exchange.tag || exchange.tag === SOURCE_LANGUAGE) {
    const problem = exchange.tag ? [diagnostic(file, { line: 1, column: 1 }, 'error', 'exchange-language', 'the file is for English, the source language; nothing is imported into it')] : [];
    report([...exchange.diagnostics, ...problem]);
    return 1;
  }
  const tag = exchange.tag;
  const loaded = await loadLanguageStrings(root, tag);
  if (!('entries' in loaded)) {
    report(loaded.errors);
    output.err('nothing was imported: fix these errors first (`code-compare check` lists every problem)');
    return 1;
  }
  const plan = planImport(loaded.entries, exchange, format, file);
  const planned = await plannedFiles(root, tag, loaded.inputs.english.value, plan, file);
  const diagnostics = [...exchange.diagnostics, ...plan.diagnostics, ...planned.diagnostics];
  if (!options.dryRun) for (const [rel, content] of planned.files) await replaceFile(path.join(root, rel), content);
  report(diagnostics);
  if (planned.files.size > 0 && !options.dryRun) {
    // What `check` says of the files just written (a placeholder dropped, a plural form missing), so it is seen now.
    const after = await validateProject({ root, languages: [tag], baseUrl: 'https://example.invalid/' });
    report([...after.diagnostics, ...after.checkOnly].filter((d) => planned.files.has(d.file) && d.rule !== 'stale-translation' && d.rule !== 'missing-key' && d.rule !== 'identical-to-english'));
  }
  const { imported, unchanged, unreviewed, refused } = plan.counts;
  const verb = options.dryRun ? 'would import' : 'imported';
  output.err(`${verb} ${plural(imported, 'translation', 'translations')} for ${tag} into ${plural(planned.files.size, 'file', 'files')}; ${unchanged} unchanged, ${unreviewed} still marked for review, ${refused} refused`);
  for (const rel of planned.files.keys()) output.out(`${options.dryRun ? 'would write' : 'wrote'} ${rel}`);
  return hasErrors(diagnostics) ? 1 : 0;
}
