import type { LocalizedPage } from '../model/pages.js';
import type { Site } from '../model/types.js';
import type { PageLinks } from './layout.js';
import { countForms } from './pages/support.js';
import type { RenderScope } from './scope.js';

/** What the layout's search box shows of a page. */
export interface SearchBox {
  /** The site's root from this page: the search index is at ROOT/pagefind/. */
  readonly root: string;
  /** Where the box's stand-in leads when there is no script to search with: the codes a reader would search among. */
  readonly browse: string;
  /**
   * `search.results` in each plural form of the language, for the script to count results with:
   * each form's text cut at its `{{count}}`, to be joined with the number (no placeholder reaches a page).
   */
  readonly forms: Readonly<Record<string, readonly string[]>>;
}

/** The family's index for a page of a family; for the home page, the one family's index, or its list of families. */
function browseTarget(site: Site, page: LocalizedPage, links: PageLinks): string {
  if (page.kind !== 'home') return links.to({ kind: 'family', lang: page.lang, family: page.family });
  const [only, ...others] = site.families;
  return only && others.length === 0 ? links.to({ kind: 'family', lang: page.lang, family: only.id }) : '#families';
}

const formsByCatalog = new WeakMap<object, Record<string, string[]>>();

export function searchBox(site: Site, page: LocalizedPage, links: PageLinks, scope: RenderScope): SearchBox {
  let forms = formsByCatalog.get(scope.catalog);
  if (!forms) {
    const texts = countForms(scope, 'search.results');
    formsByCatalog.set(scope.catalog, (forms = Object.fromEntries(Object.entries(texts).map(([category, text]) => [category, text.split(/\{\{\s*count\s*\}\}/)]))));
  }
  return { root: links.to({ kind: 'chooser' }), browse: browseTarget(site, page, links), forms };
}
