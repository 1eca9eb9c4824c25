/** The validated, serializable model every later phase works from. No I/O, no class instances. */

import type { Direction } from '../i18n/tags.js';

export const TRANSLATABLE_FIELDS = ['title', 'description', 'when', 'fix', 'fix_admin', 'body'] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];
export type TextFields = Partial<Record<TranslatableField, string>>;

export const ACTORS = ['sender', 'admin', 'both', 'none'] as const;
export type Actor = (typeof ACTORS)[number];

export const STATUSES = ['current', 'historical', 'unregistered'] as const;
export type CodeStatus = (typeof STATUSES)[number];

export const OUTCOMES = ['success', 'intermediate', 'temporary', 'permanent'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Reference {
  readonly rfc: number;
  readonly section?: string;
}

export interface CodeData {
  readonly family: string;
  readonly code: string;
  readonly text: TextFields;
  readonly actor?: Actor;
  readonly references: readonly Reference[];
  readonly related: readonly string[];
  readonly enhanced: readonly string[];
  readonly example?: string;
  readonly status: CodeStatus;
  readonly replacedBy: readonly string[];
  /** Hash of the English translatable text: what a translation's `source_hash` must equal. */
  readonly sourceHash: string;
}

export interface FamilyData {
  /** The folder name under codes/, used in URLs. */
  readonly id: string;
  readonly name: string;
  readonly text: TextFields;
  readonly pattern: string;
  /** Code prefix → English class name, e.g. "2" → "Positive Completion". */
  readonly classes: Readonly<Record<string, string>>;
  /** Code prefix → what a reply of that class means for the request. */
  readonly outcomes: Readonly<Record<string, Outcome>>;
  /** Sorted by code order. */
  readonly codes: readonly CodeData[];
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

export interface Site {
  readonly baseUrl: string;
  /** The source language first, then the others sorted by tag. */
  readonly languages: readonly Language[];
  readonly families: readonly FamilyData[];
  /** Validated label resources by tag; broken entries removed so they fall back to English. */
  readonly labels: Readonly<Record<string, LabelTree>>;
  /** tag → family → code (or `_family`) → translation. */
  readonly translations: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ContentTranslation>>>>>>;
  /** Template name (`layout`, `pages/code`, `partials/head`) → source. */
  readonly templates: Readonly<Record<string, string>>;
  readonly assets: Readonly<Record<string, string>>;
}
