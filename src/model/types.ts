/** The validated, serializable model every later phase works from. No I/O, no class instances. */

import type { Direction } from '../i18n/tags.js';

export const TRANSLATABLE_FIELDS = ['title', 'description', 'when', 'fix', 'fix_admin', 'body'] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];
export type TextFields = Partial<Record<TranslatableField, string>>;

/** Who must act, for a family that declares no `actors` of its own. */
export const DEFAULT_ACTORS: readonly string[] = ['sender', 'admin', 'both', 'none'];

export const STATUSES = ['current', 'historical', 'associated'] as const;
export type CodeStatus = (typeof STATUSES)[number];

/** A section of an RFC, linked at rfc-editor.org. */
export interface RfcReference {
  readonly rfc: number;
  readonly section?: string;
}

/** Any other document: an operator's API guide, a vendor's manual. */
export interface UrlReference {
  readonly url: string;
  readonly title: string;
}

export type Reference = RfcReference | UrlReference;

export const isRfcReference = (ref: Reference): ref is RfcReference => 'rfc' in ref;

export interface CodeData {
  readonly family: string;
  readonly code: string;
  readonly text: TextFields;
  /** One of its family's `actors`. */
  readonly actor?: string;
  readonly references: readonly Reference[];
  readonly related: readonly string[];
  readonly enhanced: readonly string[];
  readonly example?: string;
  readonly status: CodeStatus;
  readonly replacedBy: readonly string[];
  /** Facet id → the code's values, for every facet its family declares that the code gives. */
  readonly facets: Readonly<Record<string, readonly string[]>>;
  /** Hash of the English translatable text: what a translation's `source_hash` must equal. */
  readonly sourceHash: string;
}

/** A dimension a family's codes are compared on, with the values a code may take. */
export interface FacetDefinition {
  readonly id: string;
  readonly values: readonly string[];
}

/** The translatable text of a written comparison. */
export interface PairText {
  readonly verdict: string;
  readonly deciding: string;
  readonly differences: readonly string[];
  /** Code → what to do about it, in the light of the other code. */
  readonly advice: Readonly<Record<string, string>>;
  readonly body?: string;
}

export const PAIR_FIELDS = ['verdict', 'deciding', 'differences', 'advice', 'body'] as const;
export type PairField = (typeof PAIR_FIELDS)[number];

/** A written comparison of two codes of one family: codes/<family>/pairs/<a>-vs-<b>.md. */
export interface PairData {
  readonly family: string;
  readonly a: string;
  readonly b: string;
  readonly text: PairText;
  /** Facets whose difference the written text already explains: no facet-made sentence repeats them. */
  readonly covers: readonly string[];
  readonly sourceHash: string;
}

/** A translation of a pair file: any subset of its fields. */
export interface PairTranslation {
  readonly text: Partial<PairText>;
  readonly sourceHash: string;
  readonly stale: boolean;
}

export interface FamilyData {
  /** The folder name under codes/, used in URLs. */
  readonly id: string;
  readonly name: string;
  readonly text: TextFields;
  readonly pattern: string;
  /** Code prefix → English class name, e.g. "2" → "Positive Completion". */
  readonly classes: Readonly<Record<string, string>>;
  /** Code prefix → the outcome word of that class (a label: `outcomeShort.<word>`). */
  readonly outcomes: Readonly<Record<string, string>>;
  /** The values a code's `actor` may take (labels: `actor.<value>`). */
  readonly actors: readonly string[];
  /** A code component written this way matches any component in a link from another family (X.1.1 ← 5.1.1). */
  readonly wildcard?: string;
  /** A list field of its codes → the family whose codes it names, e.g. `enhanced` → `smtp-enhanced`. */
  readonly links: Readonly<Record<string, string>>;
  /** Sorted by code order. */
  readonly codes: readonly CodeData[];
  /** The dimensions its codes are compared on, in the order the family declares them. */
  readonly facets: readonly FacetDefinition[];
  /** Written comparisons, sorted by pair. */
  readonly pairs: readonly PairData[];
  /** The comparisons the home page leads with, most important first. */
  readonly highlights: ReadonlyArray<readonly [string, string]>;
  readonly sourceHash: string;
}

/** A translation of one code's (or a family's, under the key `_family`) text. */
export interface ContentTranslation {
  readonly text: TextFields;
  readonly classes: Readonly<Record<string, string>>;
  readonly sourceHash: string;
  readonly stale: boolean;
}

export type LabelTree = { readonly [key: string]: string | LabelTree };

export interface Language {
  readonly tag: string;
  readonly dir: Direction;
  /** The language's name in its own script. */
  readonly name: string;
}

/** What to do with pages whose content is not translated into their language. */
export type UntranslatedPolicy = 'noindex' | 'index';

/** Who publishes the site, named in structured data (package.json `codeCompare.publisher`). */
export interface Publisher {
  readonly name: string;
  readonly url: string;
}

export interface Site {
  readonly baseUrl: string;
  readonly publisher?: Publisher;
  readonly untranslated: UntranslatedPolicy;
  /** Whether pages carry a search box and their main content is marked for the search index. */
  readonly search: boolean;
  /** The source language first, then the others sorted by tag. */
  readonly languages: readonly Language[];
  readonly families: readonly FamilyData[];
  /** Validated label resources by tag; broken entries removed so they fall back to English. */
  readonly labels: Readonly<Record<string, LabelTree>>;
  /** tag → family → code (or `_family`) → translation. */
  readonly translations: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ContentTranslation>>>>>>;
  /** tag → family → `<a>-vs-<b>` → translation of a pair file. */
  readonly pairTranslations: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, PairTranslation>>>>>>;
  /** Template name (`layout`, `pages/code`, `partials/head`) → source. */
  readonly templates: Readonly<Record<string, string>>;
  /** Text files of templates/assets/ by name (`site.css`). */
  readonly assets: Readonly<Record<string, string>>;
  /** Other files of templates/assets/ (images) by name (`social.png`), base64. */
  readonly binaryAssets: Readonly<Record<string, string>>;
  /** Content file (`codes/smtp/550.md`) → when it last changed (ISO date, UTC), for the files read whose date is known. */
  readonly modified: Readonly<Record<string, string>>;
}
