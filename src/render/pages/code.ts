import { featuredPartners } from '../../model/featured.js';
import { escapeHtml } from '../html.js';
import type { PageLinks } from '../layout.js';
import type { PageRef } from '../../model/pages.js';
import { safe } from '../scope.js';
import { crossFamilyLinks } from './cross-links.js';
import { codeAccessor, codeView, familyCrumbs, fitTitle, isFallback, pairRef, plainText, type View, type ViewInput } from './support.js';
import { pairFinder, tableOfContents } from './navigation.js';
import { idFrom } from '../templates.js';

export function codePage(input: ViewInput, links: PageLinks): View {
  const page = input.page as Extract<PageRef, { kind: 'code' }>;
  const get = codeAccessor(input);
  const scope = input.scope;
  const code = get(page.code);
  const family = input.inputs.family!;
  const view = codeView(code, links, page, scope);
  const linkTo = (other: string) => ({ code: other, title: get(other).title, href: links.to({ kind: 'code', lang: page.lang, family: family.id, code: other }) });
  const values = { family: family.name, code: page.code, title: code.title };
  const titleKey = isFallback(code.title, scope) ? 'code.titleBare' : 'code.title';
  const description = isFallback(code.description, scope) ? scope.plainLabel('code.descriptionBare', values) : plainText(code.description.text, 160);
  const comparisonsHeading = safe(scope.label('code.comparisons', { code: page.code }));
  const label = (key: string) => () => safe(scope.label(key));
  const cross = crossFamilyLinks(input, links, family, page);
  return {
    meta: { title: fitTitle([scope.plainLabel(titleKey, values)]), description, crumbs: [...familyCrumbs(input, links, family), { name: `${family.name} ${page.code}` }], article: true },
    family: family.name,
    c: view,
    heading: safe(scope.label(titleKey, values)),
    classLine: safe(scope.label('code.classLine', { family: family.name, code: page.code, className: code.className })),
    replacedBy: code.data.replacedBy.length ? safe(scope.label('code.replacedBy', { codes: safe(code.data.replacedBy.map((r) => `<a href="${escapeHtml(linkTo(r).href)}">${escapeHtml(r)}</a>`).join(', ')) })) : undefined,
    related: code.data.related.map(linkTo),
    ...cross,
    comparisons: featuredPartners(family, page.code).map((other) => ({
      label: safe(scope.label('compare.pairLink', { a: page.code, b: other })),
      title: get(other).title,
      href: links.to(pairRef(page, family.id, page.code, other)),
    })),
    comparisonsHeading,
    compareWith: family.codes.filter((c) => c.code !== page.code).map((c) => ({ code: c.code, href: links.to(pairRef(page, family.id, page.code, c.code)) })),
    compareWithHeading: safe(scope.label('code.compareWith', { code: page.code })),
    finder: pairFinder(links, page.lang, family, page.code),
    // In the order of pages/code.hbs, each shown when the template shows its section.
    toc: tableOfContents([
      [idFrom(['desc', page.code]), true, label('code.description')],
      [idFrom(['when', page.code]), true, label('code.when')],
      [idFrom(['fix', page.code]), true, label('code.fix')],
      ['details', view.body, label('code.details')],
      ['example', view.example, label('code.example')],
      ['enhanced', cross.enhancedLinks?.length || view.enhanced.length, label('code.enhanced')],
      ...cross.linkedFrom.map((group, index) => [`linked-from-${index}`, true, () => group.heading] as const),
      ['related', code.data.related.length, label('code.related')],
      ['comparisons', true, () => comparisonsHeading],
      ['references', view.references.length, label('code.references')],
    ]),
  };
}
