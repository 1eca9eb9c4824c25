import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLanguageStrings } from '../exchange/load.js';
import { formatOfPath, FORMATS } from '../exchange/formats.js';
import { canonicalTag, SOURCE_LANGUAGE } from '../i18n/tags.js';
import { UsageError } from './options.js';
import { plural, printDiagnostics, type Output } from './report.js';

export interface ExportCommandOptions {
  readonly root?: string;
  readonly lang: string;
  readonly family?: string[];
  readonly format?: string;
  readonly out?: string;
}

/** Writes every translatable string of one language, with its English and state, as PO or XLIFF. */
export async function exportCommand(options: ExportCommandOptions, output: Output): Promise<number> {
  const root = path.resolve(options.root ?? '.');
  const tag = options.lang;
  if (canonicalTag(tag) !== tag) throw new UsageError(`--lang ${tag}: write one BCP 47 language tag in canonical form${canonicalTag(tag) ? ` (${canonicalTag(tag)})` : ''}`);
  if (tag === SOURCE_LANGUAGE) throw new UsageError('--lang en: English is the source language; export a language it is translated into');
  const format = options.format ? FORMATS[options.format] : options.out ? formatOfPath(options.out) : undefined;
  if (!format) throw new UsageError(options.format ? `--format ${options.format}: use po or xliff` : 'pass --format po or --format xliff (or an --out file ending in .po or .xlf)');
  const loaded = await loadLanguageStrings(root, tag, options.family);
  if (!('entries' in loaded)) {
    printDiagnostics(loaded.errors, output);
    output.err('nothing was exported: fix these errors first (`code-compare check` lists every problem)');
    return 1;
  }
  const missing = (options.family ?? []).filter((id) => !loaded.inputs.families.some((f) => f.id === id));
  if (missing.length > 0) throw new UsageError(`--family: no family ${missing.join(', ')} under codes/`);
  const text = format.write(tag, loaded.entries);
  const count = (state: string) => loaded.entries.filter((e) => e.state === state).length;
  const summary = `${plural(loaded.entries.length, 'string', 'strings')} for ${tag}: ${count('new')} new, ${count('translated')} translated, ${count('stale')} stale`;
  if (options.out) {
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await writeFile(options.out, text);
    output.err(`wrote ${options.out}: ${summary}`);
  } else {
    output.out(text.trimEnd());
    output.err(summary);
  }
  return 0;
}
