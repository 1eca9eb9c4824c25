import { featuredPairs } from '../../model/featured.js';
import { localizeFamily } from '../../model/localize.js';
import type { FamilyData } from '../../model/types.js';
import type { PageLinks } from '../layout.js';
import { safe } from '../scope.js';
import { fitTitle, type View, type ViewInput } from './support.js';

/** How many of a family's featured comparisons the home page shows. */
const HOME_COMPARISONS = 12;

/** The family's highlights, then its other featured pairs (written ones first), up to HOME_COMPARISONS. */
function homeComparisons(family: FamilyData): Array<{ a: string; b: string }> {
  const chosen = family.highlights.map(([a, b]) => ({ a, b }));
  for (const pair of featuredPairs(family)) {
    if (chosen.length >= HOME_COMPARISONS) break;
    if (!chosen.some((c) => c.a === pair.a && c.b === pair.b)) chosen.push(pair);
  }
  return chosen.slice(0, Math.max(HOME_COMPARISONS, family.highlights.length));
}

export function homePage(input: ViewInput, links: PageLinks): View {
  const scope = input.scope;
  const lang = scope.lang;
  return {
    meta: { title: fitTitle([scope.plainLabel('home.title')]), description: scope.plainLabel('home.description'), crumbs: [{ name: scope.plainLabel('site.home') }] },
    families: input.site.families.map((family) => {
      const n = family.codes.length;
      return {
        title: localizeFamily(input.site, lang, family).title,
        href: links.to({ kind: 'family', lang, family: family.id }),
        codeCount: safe(scope.label('home.codeCount', {}, n)),
        comparisonCount: safe(scope.label('home.comparisonCount', {}, (n * (n - 1)) / 2)),
        comparisons: homeComparisons(family).map((p) => ({
          label: scope.plainLabel('compare.heading', { family: family.name, a: p.a, b: p.b }),
          href: links.to({ kind: 'pair', lang, family: family.id, a: p.a, b: p.b }),
        })),
      };
    }),
  };
}

export function chooserPage(input: ViewInput, links: PageLinks): View {
  const scope = input.scope;
  return {
    meta: { title: fitTitle([scope.plainLabel('chooser.title')]), description: scope.plainLabel('chooser.description', {}, input.site.languages.length), crumbs: [] },
    languages: input.site.languages.map((l) => ({ ...l, href: links.to({ kind: 'home', lang: l.tag }) })),
  };
}

export function notFoundPage(input: ViewInput, links: PageLinks): View {
  const scope = input.scope;
  return {
    meta: { title: fitTitle([scope.plainLabel('notFound.title')]), description: scope.plainLabel('notFound.text'), crumbs: [] },
    // Readers of any language can land here, so each language says it in its own words.
    languages: input.site.languages.filter((l) => l.tag !== 'en').map((l) => ({
      ...l,
      href: links.to({ kind: 'home', lang: l.tag }),
      title: input.labelIn(l.tag, 'notFound.title'),
      text: input.labelIn(l.tag, 'notFound.text'),
    })),
    english: input.site.languages.find((l) => l.tag === 'en') ? links.to({ kind: 'home', lang: 'en' }) : undefined,
  };
}
