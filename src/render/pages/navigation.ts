import type { FamilyData } from '../../model/types.js';
import type { PageLinks } from '../layout.js';
import type { SafeMarkup } from '../scope.js';

/** Where the finder's script puts the two codes of the pair it leads to. */
export const PAIR_SLOTS = { a: '{a}', b: '{b}' } as const;

export interface PairFinder {
  /** The link to a comparison of this family with `{a}` and `{b}` for its codes: '../{a}-vs-{b}/'. */
  readonly pairHref: string;
  /**
   * Every code of the family, in the family's code order (`compareCodes`). The script orders the
   * two codes picked by their place in this list, which is how comparison URLs order them.
   */
  readonly codes: readonly string[];
  /** The code chosen in the first list when the page opens: the code page's own. */
  readonly selected?: string;
}

/** The finder of a family's pages: pick any two of its codes and go to their comparison. */
export function pairFinder(links: PageLinks, lang: string, family: FamilyData, selected?: string): PairFinder {
  return {
    pairHref: links.to({ kind: 'pair', lang, family: family.id, a: PAIR_SLOTS.a, b: PAIR_SLOTS.b }),
    codes: family.codes.map((c) => c.code),
    ...(selected === undefined ? {} : { selected }),
  };
}

export interface TocEntry {
  /** The link to the section's `<h2>`: '#' and its id. */
  readonly href: string;
  readonly label: SafeMarkup;
}

/**
 * The "on this page" list: the page's `<h2>` sections that are shown, in order. A label is made
 * only for a section that is shown, so that one left out cannot mark the page as using English.
 * `[['details', false, …], ['related', true, () => label]]` → `[{ href: '#related', label }]`.
 */
export function tableOfContents(sections: ReadonlyArray<readonly [id: string, shown: unknown, label: () => SafeMarkup]>): TocEntry[] {
  return sections.filter(([, shown]) => Boolean(shown)).map(([id, , label]) => ({ href: `#${id}`, label: label() }));
}
