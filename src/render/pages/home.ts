import { SOURCE_LANGUAGE } from '../../i18n/tags.js';
import { homePairs } from '../../model/featured.js';
import { localizeFamily } from '../../model/localize.js';
import type { FamilyData } from '../../model/types.js';
import type { PageLinks } from '../layout.js';
import { safe, type RenderScope } from '../scope.js';
import { fitTitle, isFallback, otherCodeAccessor, type View, type ViewInput } from './support.js';

/** A family's own line on the home page, `families.<id>.summary`, where the labels have one. */
function summary(scope: RenderScope, family: FamilyData) {
  const key = `families.${family.id}.summary`;
  return scope.catalog.has(key) ? safe(scope.label(key)) : undefined;
}

export function homePage(input: ViewInput, links: PageLinks): View {
  const scope = input.scope;
  const lang = scope.lang;
  const other = otherCodeAccessor(input);
  const families = input.site.families.map((family) => {
    const n = family.codes.length;
    const title = (c: string) => other(family.id, c).code.title;
    // The codes' titles, when both are in the page's language: no English on a language's front page.
    const titles = (a: string, b: string) =>
      isFallback(title(a), scope) || isFallback(title(b), scope) ? [] : [{ code: a, title: title(a) }, { code: b, title: title(b) }];
    return {
      family: family.id,
      title: localizeFamily(input.site, lang, family).title,
      href: links.to({ kind: 'family', lang, family: family.id }),
      summary: summary(scope, family),
      codeCount: safe(scope.label('home.codeCount', {}, n)),
      comparisonCount: safe(scope.label('home.comparisonCount', {}, (n * (n - 1)) / 2)),
      comparisons: homePairs(family).map((p) => ({
        label: safe(scope.label('compare.heading', { family: family.name, a: p.a, b: p.b })),
        href: links.to({ kind: 'pair', lang, family: family.id, a: p.a, b: p.b }),
        titles: titles(p.a, p.b),
      })),
    };
  });
  return {
    meta: { title: fitTitle([scope.plainLabel('home.title')]), description: scope.plainLabel('home.description'), crumbs: [{ name: scope.plainLabel('site.home') }] },
    families,
    // With more than one family, each family's comparisons come under its title.
    groupComparisons: families.filter((f) => f.comparisons.length > 0).length > 1,
  };
}

/** A label in a language's own words, or nothing where that language shows it in English. */
function ownWords(input: ViewInput, tag: string, key: string): string | undefined {
  const found = input.labelIn(tag, key);
  return found.lang === tag || found.lang !== SOURCE_LANGUAGE ? found.text : undefined;
}

export function chooserPage(input: ViewInput, links: PageLinks): View {
  const scope = input.scope;
  return {
    meta: { title: fitTitle([scope.plainLabel('chooser.title')]), description: scope.plainLabel('chooser.description', {}, input.site.languages.length), crumbs: [] },
    languages: input.site.languages.map((l) => ({ ...l, href: links.to({ kind: 'home', lang: l.tag }), tagline: ownWords(input, l.tag, 'site.tagline') })),
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
