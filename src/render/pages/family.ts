import { featuredPairs } from '../../model/featured.js';
import { localizeFamily } from '../../model/localize.js';
import type { PageRef } from '../../model/pages.js';
import type { PageLinks } from '../layout.js';
import { safe } from '../scope.js';
import { pairFinder, tableOfContents } from './navigation.js';
import { idFrom } from '../templates.js';
import { codeAccessor, countForms, fitTitle, isFallback, plainText, type View, type ViewInput } from './support.js';

export function familyPage(input: ViewInput, links: PageLinks): View {
  const page = input.page as Extract<PageRef, { kind: 'family' }>;
  const get = codeAccessor(input);
  const scope = input.scope;
  const family = input.inputs.family!;
  const localized = localizeFamily(input.site, page.lang, family);
  const groups = localized.classNames.map(({ prefix, name }) => {
    const codes = family.codes.filter((c) => get(c.code).classPrefix === prefix).map((c) => {
      const l = get(c.code);
      return { code: c.code, title: l.title, href: links.to({ kind: 'code', lang: page.lang, family: family.id, code: c.code }), search: `${c.code} ${l.title.text} ${plainText(l.description.text, 400)}`.toLocaleLowerCase(page.lang) };
    });
    return { prefix, heading: safe(scope.label('family.classHeading', { prefix, className: name })), codes };
  }).filter((g) => g.codes.length > 0);
  const comparisons = featuredPairs(family).map((p) => ({
    label: safe(scope.label('compare.pairLink', { a: p.a, b: p.b })),
    href: links.to({ kind: 'pair', lang: page.lang, family: family.id, a: p.a, b: p.b }),
    written: p.written !== undefined,
  }));
  return {
    meta: {
      title: fitTitle([isFallback(localized.title, scope) ? scope.plainLabel('family.titleBare', { family: family.name }) : localized.title.text]),
      description: scope.plainLabel('family.description', { family: family.name }),
      crumbs: [links.crumb(scope.plainLabel('site.home'), { kind: 'home', lang: page.lang }), links.crumb(localized.title.text)],
    },
    title: localized.title,
    body: localized.body,
    count: family.codes.length,
    groups,
    comparisons,
    // In the order of pages/family.hbs: the class groups, then the common comparisons.
    toc: tableOfContents([
      ...groups.map((g) => [idFrom(['class', g.prefix]), true, () => g.heading] as const),
      ['comparisons', comparisons.length, () => safe(scope.label('family.commonComparisons'))],
    ]),
    finder: pairFinder(links, page.lang, family),
    filterForms: countForms(scope, 'family.filterShown'),
  };
}

