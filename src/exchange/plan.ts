/**
 * What an imported exchange file changes: which labels get which text, which fields of which
 * translation files, and what is refused. Pure: the current strings and the file's entries in,
 * the plan and its diagnostics out.
 */

import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { contextOf, LABEL_FILE, type ExchangeEntry } from './entries.js';
import type { ExchangeFile, ExchangeFormat, ImportedEntry } from './format.js';

/** The translations imported into one Markdown translation file. */
export interface ContentImport {
  readonly translationFile: string;
  /** Every current entry of the file, imported or not. */
  readonly entries: readonly ExchangeEntry[];
  /** Field → its translation as imported (reviewed, from the current English). */
  readonly values: Map<string, string>;
  /** Where in the exchange file each imported field was, for diagnostics about it. */
  readonly positions: Map<string, ImportedEntry['at']>;
}

export interface ImportPlan {
  /** i18next key (plural forms with their suffix) → new text; only labels whose text changes. */
  readonly labels: Map<string, string>;
  readonly content: Map<string, ContentImport>;
  readonly diagnostics: Diagnostic[];
  readonly counts: { imported: number; unchanged: number; unreviewed: number; refused: number; empty: number };
}

/** Texts are compared as the project reads them: trimmed, Unicode NFC. */
export const sameText = (a: string, b: string) => a.trim().normalize('NFC') === b.trim().normalize('NFC');

const excerpt = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
};

function targetsOf(entry: ExchangeEntry): Map<string, string | undefined> {
  if (entry.plural) return new Map(entry.plural.forms.map((f) => [f.key, f.target]));
  return new Map([[entry.field, entry.target]]);
}

export function planImport(current: readonly ExchangeEntry[], file: ExchangeFile, format: ExchangeFormat, path: string): ImportPlan {
  const byContext = new Map(current.map((e) => [contextOf(e), e]));
  const plan: ImportPlan = { labels: new Map(), content: new Map(), diagnostics: [], counts: { imported: 0, unchanged: 0, unreviewed: 0, refused: 0, empty: 0 } };
  const warn = (at: ImportedEntry['at'], rule: string, message: string) => plan.diagnostics.push(diagnostic(path, at, 'warning', rule, message));
  for (const item of file.entries) {
    const context = contextOf(item);
    const entry = byContext.get(context);
    if (!entry) {
      warn(item.at, 'unknown-entry', `${context} is no longer a string of the project (its English was removed or renamed, or --family left it out of this file); it is ignored`);
      continue;
    }
    const targets = Object.entries(item.targets);
    if (targets.length === 0) {
      plan.counts.empty++;
      continue;
    }
    const expected = format.expectedSources(entry);
    const changed = Object.entries(item.sources).filter(([name, source]) => expected[name] !== undefined && !sameText(expected[name]!, source.text));
    if (changed.length > 0) {
      const [name, source] = changed[0]!;
      plan.counts.refused++;
      plan.diagnostics.push(diagnostic(path, source.at, 'error', 'source-changed', `the English of ${context} has changed since this file was exported (now: "${excerpt(expected[name]!)}"); its translation was not imported: export again and translate the new English`));
      continue;
    }
    if (!item.reviewed) {
      plan.counts.unreviewed++;
      continue;
    }
    const known = targetsOf(entry);
    for (const [key, raw] of targets) {
      if (!known.has(key)) {
        warn(item.at, 'unknown-entry', `${entry.file}#${key} is not a form ${entry.translationFile} uses; it is ignored`);
        continue;
      }
      const value = raw.normalize('NFC');
      const before = known.get(key);
      if (entry.file === LABEL_FILE) {
        if (before !== undefined && before === value) plan.counts.unchanged++;
        else {
          plan.labels.set(key, value);
          plan.counts.imported++;
        }
        continue;
      }
      let target = plan.content.get(entry.translationFile);
      if (!target) {
        target = { translationFile: entry.translationFile, entries: current.filter((e) => e.translationFile === entry.translationFile), values: new Map(), positions: new Map() };
        plan.content.set(entry.translationFile, target);
      }
      target.values.set(key, value.trim());
      target.positions.set(key, item.at);
      if (before !== undefined && sameText(before, value) && entry.state === 'translated') plan.counts.unchanged++;
      else plan.counts.imported++;
    }
  }
  return plan;
}
