import { featuredPairsTouching } from '../../model/featured.js';
import { localizePair, type Localized, type LocalizedCode, type LocalizedPair } from '../../model/localize.js';
import type { PageRef } from '../../model/pages.js';
import type { FamilyData } from '../../model/types.js';
import { aspectList, differingFacets, facetDifference, facetRows } from '../facets.js';
import type { PageLinks } from '../layout.js';
import { isLocalized, safe, SafeMarkup, type RenderScope } from '../scope.js';
import { tableOfContents } from './navigation.js';
import { codeAccessor, codeView, familyCrumbs, fitTitle, isFallback, plainText, type View, type ViewInput } from './support.js';

type PairRef = Extract<PageRef, { kind: 'pair' }>;

/** One sentence that says what separates the codes: the pair file's, else made from classes and facets. */
function verdict(scope: RenderScope, family: FamilyData, a: LocalizedCode, b: LocalizedCode, written: LocalizedPair | undefined): SafeMarkup {
  if (written) return safe(scope.inline(written.verdict, true));
  if (a.classPrefix !== b.classPrefix) {
    return safe(scope.label('compare.verdictDifferentClass', { a: a.data.code, b: b.data.code, titleA: a.title, titleB: b.title, classA: a.className, classB: b.className }));
  }
  const differing = differingFacets(family, a, b);
  if (differing.length > 0) return safe(scope.label('compare.verdictSameClassAspects', { a: a.data.code, b: b.data.code, className: a.className, aspects: safe(aspectList(scope, family, differing)) }));
  return safe(scope.label('compare.verdictAlike', { a: a.data.code, b: b.data.code, className: a.className }));
}

/** The pair file's differences first, then one sentence pair for each facet in which the codes differ that it does not cover. */
function differences(scope: RenderScope, family: FamilyData, a: LocalizedCode, b: LocalizedCode, written: LocalizedPair | undefined): SafeMarkup[] {
  const list = written ? written.differences.map((d) => safe(scope.inline(d, true))) : [];
  const covered = written?.data.covers ?? [];
  list.push(...differingFacets(family, a, b).filter((f) => !covered.includes(f.id)).map((facet) => facetDifference(scope, family, facet, a, b)));
  if (list.length === 0) list.push(safe(scope.label(family.facets.length > 0 ? 'compare.noDifference' : 'compare.noFacets', { a: a.data.code, b: b.data.code })));
  return list;
}

/**
 * Other featured comparisons of either code, by their codes alone. Each link is the same on every
 * comparison page of the language (they share one folder), so it is made once.
 */
function otherPairs(family: FamilyData, page: PairRef, links: PageLinks, scope: RenderScope) {
  // Made once for the page, so that each lookup hashes no new string.
  const key = `link\u0000${links.dir.slice(0, links.dir.lastIndexOf('/'))}`;
  return featuredPairsTouching(family, page.a, page.b).map((p) =>
    scope.remember(p, key, () => ({ label: safe(scope.label('compare.pairLink', { a: p.a, b: p.b })), href: links.to({ kind: 'pair', lang: page.lang, family: family.id, a: p.a, b: p.b }) })),
  );
}

/** Whether two cells show the same: equal as JSON, compared without making the JSON for the kinds cells hold. */
function sameShown(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x instanceof SafeMarkup && y instanceof SafeMarkup) return x.markup === y.markup;
  if (isPlainLocalized(x) && isPlainLocalized(y)) return x.text === y.text && x.lang === y.lang;
  return JSON.stringify(x) === JSON.stringify(y);
}

function isPlainLocalized(value: unknown): value is Localized {
  if (!isLocalized(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && keys[0] === 'text' && keys[1] === 'lang';
}

export function pairPage(input: ViewInput, links: PageLinks): View {
  const page = input.page as PairRef;
  const get = codeAccessor(input);
  const scope = input.scope;
  const family = input.inputs.family!;
  const a = get(page.a);
  const b = get(page.b);
  const written = input.inputs.pair ? localizePair(input.site, page.lang, input.inputs.pair) : undefined;
  const values = { family: family.name, a: page.a, b: page.b, titleA: a.title, titleB: b.title };
  const bare = isFallback(a.title, scope) || isFallback(b.title, scope);
  // A code's side of the comparison: the same on each of its comparisons unless a pair file gives the advice.
  const summary = (c: LocalizedCode) => {
    const view = codeView(c, links, page, scope);
    const side = () => ({ ...view, family: family.name, advice: safe(scope.inline(written ? written.advice[c.data.code]! : c.fix, true)) });
    return written ? side() : scope.share(view, 'pair', side);
  };
  const [viewA, viewB] = [summary(a), summary(b)];
  const label = (key: string) => () => safe(scope.label(key));
  const alike = (field: 'className' | 'title' | 'outcome' | 'actor') => sameShown(viewA[field], viewB[field]);
  return {
    meta: {
      title: fitTitle(bare ? [scope.plainLabel('compare.titleBare', values)] : [scope.plainLabel('compare.title', values), scope.plainLabel('compare.heading', values)]),
      description: plainText(scope.plainLabel(bare ? 'compare.descriptionBare' : 'compare.description', values), 200),
      crumbs: [...familyCrumbs(input, links, family), { name: scope.plainLabel('compare.heading', values) }],
      article: true,
    },
    heading: safe(scope.label('compare.heading', values)),
    verdict: verdict(scope, family, a, b, written),
    deciding: written ? safe(scope.inline(written.deciding)) : undefined,
    written: written !== undefined,
    facets: facetRows(scope, family, a, b),
    a: viewA,
    b: viewB,
    /** Rows of the side-by-side table where both codes say the same: one cell across both columns. */
    same: { className: alike('className'), title: alike('title'), outcome: alike('outcome'), actor: alike('actor') },
    family: family.name,
    differences: differences(scope, family, a, b, written),
    body: written?.body,
    otherPairs: otherPairs(family, page, links, scope),
    // In the order of pages/pair.hbs, each shown when the template shows its section.
    toc: tableOfContents([
      ['side-by-side', true, label('compare.sideBySide')],
      ['key-differences', true, label('compare.keyDifferences')],
      ['when-to-use', true, label('compare.whenToUse')],
      ['the-codes', true, label('compare.theCodes')],
      ['examples', viewA.example || viewB.example, label('compare.examples')],
      ['learn-more', true, label('compare.learnMore')],
    ]),
  };
}
