import { featuredPair } from './featured.js';
import type { PageRef } from './pages.js';
import type { Site } from './types.js';

/**
 * Whether search engines are invited to index a page. Every pair is built so that any two codes
 * can be compared, but only featured pairs are indexed: the rest would be thin pages.
 */
export function isIndexable(site: Pick<Site, 'families'>, page: PageRef): boolean {
  if (page.kind === 'chooser' || page.kind === 'notFound') return page.kind === 'chooser';
  if (page.kind !== 'pair') return true;
  const family = site.families.find((f) => f.id === page.family);
  return family !== undefined && featuredPair(family, page.a, page.b) !== undefined;
}
