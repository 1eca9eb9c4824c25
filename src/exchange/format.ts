import type { Diagnostic, Position } from '../diagnostics.js';
import type { ExchangeEntry } from './entries.js';

/** A text of an exchange file and where it is written there. */
export interface Located {
  readonly text: string;
  readonly at: Position;
}

/** An entry as read back from an exchange file. */
export interface ImportedEntry {
  readonly file: string;
  /** As in ExchangeEntry: a label key (the base key of a plural) or a content field. */
  readonly field: string;
  readonly at: Position;
  /** The English the entry was exported with, by the name the format gives it (`msgid`, `source`, a plural form's key). */
  readonly sources: Readonly<Record<string, Located>>;
  /** The translations it carries, by label key (plural forms with their suffix) or field; empty ones left out. */
  readonly targets: Readonly<Record<string, string>>;
  /** False while the file marks the entry for review (PO `fuzzy`, XLIFF `needs-review-translation`, …). */
  readonly reviewed: boolean;
}

export interface ExchangeFile {
  readonly tag?: string;
  readonly entries: readonly ImportedEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ExchangeFormat {
  readonly name: 'po' | 'xliff';
  write(tag: string, entries: readonly ExchangeEntry[]): string;
  /** `path` names the file in diagnostics. */
  read(text: string, path: string): ExchangeFile;
  /** The English an entry of this format carries, by the names `read` gives the sources. */
  expectedSources(entry: ExchangeEntry): Record<string, string>;
}
