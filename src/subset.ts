import { languageSlug } from './i18n/tags.js';
import { orderLanguages } from './model/site.js';

/** What a build was limited to by --lang and --family; undefined parts are not limited. */
export interface Subset {
  readonly languages?: readonly string[];
  readonly families?: readonly string[];
}

/** The subset of a build's options, or undefined for a full build. Lists are put in one order, so equal subsets compare equal. */
export function subsetOf(options: Subset): Subset | undefined {
  if (options.languages === undefined && options.families === undefined) return undefined;
  return {
    ...(options.languages && { languages: orderLanguages(new Set(options.languages)).filter((t) => options.languages!.includes(t)) }),
    ...(options.families && { families: [...new Set(options.families)].sort() }),
  };
}

export function sameSubset(a: Subset | undefined, b: Subset | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** `languages vi; families smtp` — for messages. */
export function describeSubset(subset: Subset): string {
  const parts: string[] = [];
  if (subset.languages) parts.push(`${subset.languages.length === 1 ? 'language' : 'languages'} ${subset.languages.join(', ')}`);
  if (subset.families) parts.push(`${subset.families.length === 1 ? 'family' : 'families'} ${subset.families.join(', ')}`);
  return parts.join('; ');
}

/** Where a subset build writes when no --out is given. */
export const PREVIEW_FOLDER = 'dist-preview';

/**
 * The folder of a subset under dist-preview/: `vi`, `en+vi`, `vi--smtp`, `all--smtp` (every
 * language, one family). Tags and family ids hold no `+` and tags no `--`, so different subsets
 * get different folders.
 */
export function previewName(subset: Subset): string {
  const languages = subset.languages ? subset.languages.map(languageSlug).join('+') : 'all';
  return subset.families ? `${languages}--${subset.families.join('+')}` : languages;
}
