import { localizeFamily, type Localized, type LocalizedCode } from '../model/localize.js';
import type { PageInputs } from '../model/inputs.js';
import type { LocalizedPage, PageRef } from '../model/pages.js';
import { unorderedPairs } from '../model/order.js';
import type { CodeData, FamilyData, Language, Site } from '../model/types.js';
import { escapeHtml } from './html.js';
import { PageLinks, type Crumb } from './layout.js';
import { safe, type RenderScope, type SafeMarkup } from './scope.js';

/** What a view builder may read: the site, the page, and only the codes the page declares. */
export interface ViewInput {
  readonly site: Site;
  readonly page: PageRef;
  readonly inputs: PageInputs;
  readonly scope: RenderScope;
  readonly language?: Language;
  /** Localizes a code of the page's family; memoized across pages by the renderer. */
  readonly localize: (family: FamilyData, code: CodeData) => LocalizedCode;
  /** A label in another language than the page's, with the language that supplied it (the chooser and 404 speak to everyone). */
  readonly labelIn: (lang: string, key: string) => Localized;
}

export interface PageMeta {
  readonly title: string;
  readonly description: string;
  readonly crumbs: readonly Crumb[];
  readonly article?: boolean;
}

export type View = Record<string, unknown> & { meta: PageMeta };

const RFC_BASE = 'https://www.rfc-editor.org/rfc/';

/** Markdown inline syntax removed, for meta descriptions: '`RCPT TO` is *refused*' → 'RCPT TO is refused'. */
export function plainText(markdown: string, max = 300): string {
  const text = markdown.replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** Search engines cut titles near 70 characters and html-validate refuses longer ones. */
export const TITLE_LIMIT = 70;

/** The first candidate that fits the limit, else the last one shortened at a word boundary. */
export function fitTitle(candidates: readonly string[], limit = TITLE_LIMIT): string {
  for (const candidate of candidates) if ([...candidate].length <= limit) return candidate;
  const chars = [...candidates.at(-1)!].slice(0, limit - 1);
  const text = chars.join('');
  const space = text.lastIndexOf(' ');
  return `${space > limit / 2 ? text.slice(0, space) : text}…`;
}

function codeAccessor(input: ViewInput) {
  const family = input.inputs.family!;
  return (code: string): LocalizedCode => {
    if (!input.inputs.codes.includes(code)) throw new Error(`page ${JSON.stringify(input.page)} reads code ${code} without declaring it`);
    return input.localize(family, family.codes.find((c) => c.code === code)!);
  };
}

function transcript(example: string | undefined) {
  if (!example) return undefined;
  return example.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const match = /^([CS]):\s?(.*)$/.exec(line);
    return match ? { who: match[1], line: match[2] } : { who: '', line };
  });
}

function references(code: CodeData, scope: RenderScope) {
  return code.references.map((ref) => ({
    label: ref.section ? scope.plainLabel('reference.rfcSection', { rfc: ref.rfc, section: ref.section }) : scope.plainLabel('reference.rfc', { rfc: ref.rfc }),
    href: `${RFC_BASE}rfc${ref.rfc}.html${ref.section ? `#section-${ref.section}` : ''}`,
  }));
}

/** What a page shows of a code, but its link: the same on every page of the language that shows the code. */
function codeParts(c: LocalizedCode, scope: RenderScope) {
  return scope.remember(c, 'view', () => ({
    code: c.data.code,
    title: c.title,
    description: c.description,
    when: c.when,
    fix: c.fix,
    fixAdmin: c.fixAdmin,
    body: c.body,
    className: c.className,
    classPrefix: c.classPrefix,
    outcome: c.outcome ? safe(scope.label(`outcomeShort.${c.outcome}`)) : undefined,
    actor: c.data.actor ? safe(scope.label(`actor.${c.data.actor}`)) : undefined,
    example: transcript(c.data.example),
    references: references(c.data, scope),
    enhanced: c.data.enhanced,
    status: c.data.status,
  }));
}

function codeView(c: LocalizedCode, links: PageLinks, page: LocalizedPage, scope: RenderScope) {
  return { ...codeParts(c, scope), href: links.to({ kind: 'code', lang: page.lang, family: c.data.family, code: c.data.code }) };
}

function pairRef(page: LocalizedPage, family: string, x: string, y: string): PageRef {
  const [a, b] = unorderedPairs([x, y])[0]!;
  return { kind: 'pair', lang: page.lang, family, a, b };
}

function familyCrumbs(input: ViewInput, links: PageLinks, family: FamilyData): Crumb[] {
  const lang = input.scope.lang;
  return [
    links.crumb(input.scope.plainLabel('site.home'), { kind: 'home', lang }),
    links.crumb(localizeFamily(input.site, lang, family).title.text, { kind: 'family', lang, family: family.id }),
  ];
}

export function codePage(input: ViewInput, links: PageLinks): View {
  const page = input.page as Extract<PageRef, { kind: 'code' }>;
  const get = codeAccessor(input);
  const scope = input.scope;
  const code = get(page.code);
  const family = input.inputs.family!;
  const view = codeView(code, links, page, scope);
  const linkTo = (other: string) => ({ code: other, title: get(other).title, href: links.to({ kind: 'code', lang: page.lang, family: family.id, code: other }) });
  const title = fitTitle([scope.plainLabel('code.title', { family: family.name, code: page.code, title: code.title })]);
  return {
    meta: { title, description: plainText(code.description.text, 160), crumbs: [...familyCrumbs(input, links, family), { name: `${family.name} ${page.code}` }], article: true },
    family: family.name,
    c: view,
    heading: safe(scope.label('code.title', { family: family.name, code: page.code, title: code.title })),
    classLine: safe(scope.label('code.classLine', { family: family.name, code: page.code, className: code.className })),
    replacedBy: code.data.replacedBy.length ? safe(scope.label('code.replacedBy', { codes: safe(code.data.replacedBy.map((r) => `<a href="${escapeHtml(linkTo(r).href)}">${escapeHtml(r)}</a>`).join(', ')) })) : undefined,
    related: code.data.related.map(linkTo),
    comparisons: code.data.related.map((other) => ({
      label: scope.plainLabel('compare.pairLink', { a: page.code, b: other }),
      href: links.to(pairRef(page, family.id, page.code, other)),
    })),
    comparisonsHeading: safe(scope.label('code.comparisons', { code: page.code })),
  };
}

function differences(a: LocalizedCode, b: LocalizedCode, familyName: string, scope: RenderScope): SafeMarkup[] {
  const list: SafeMarkup[] = [];
  list.push(
    safe(a.classPrefix === b.classPrefix
      ? scope.label('compare.differenceSameClass', { className: a.className })
      : scope.label('compare.differenceClass', { a: a.data.code, b: b.data.code, classA: a.className, classB: b.className })),
  );
  for (const c of [a, b]) list.push(scope.remember(c, 'differenceMeaning', () => safe(scope.label('compare.differenceMeaning', { family: familyName, code: c.data.code, description: safe(scope.inline(c.description)) }))));
  for (const c of [a, b]) list.push(scope.remember(c, 'differenceWhen', () => safe(scope.label('compare.differenceWhen', { code: c.data.code, when: safe(scope.inline(c.when)) }))));
  if (a.outcome && b.outcome && a.outcome !== b.outcome) {
    for (const c of [a, b]) list.push(safe(scope.label('compare.differenceOutcome', { code: c.data.code, outcome: safe(scope.label(`outcome.${c.outcome}`)) })));
  }
  return list;
}

export function pairPage(input: ViewInput, links: PageLinks): View {
  const page = input.page as Extract<PageRef, { kind: 'pair' }>;
  const get = codeAccessor(input);
  const scope = input.scope;
  const family = input.inputs.family!;
  const a = get(page.a);
  const b = get(page.b);
  const values = { family: family.name, a: page.a, b: page.b, titleA: a.title, titleB: b.title };
  const others = new Map<string, { label: string; href: string }>();
  for (const [self, partner] of [[a, b], [b, a]] as const) {
    for (const other of self.data.related) {
      if (other === partner.data.code) continue;
      const ref = pairRef(page, family.id, self.data.code, other) as Extract<PageRef, { kind: 'pair' }>;
      others.set(`${ref.a}-${ref.b}`, { label: scope.plainLabel('compare.pairLink', { a: ref.a, b: ref.b }), href: links.to(ref) });
    }
  }
  return {
    meta: {
      title: fitTitle([scope.plainLabel('compare.title', values), scope.plainLabel('compare.heading', values)]),
      description: plainText(scope.plainLabel('compare.description', values), 200),
      crumbs: [...familyCrumbs(input, links, family), { name: scope.plainLabel('compare.heading', values) }],
      article: true,
    },
    heading: safe(scope.label('compare.heading', values)),
    verdict: safe(a.classPrefix === b.classPrefix
      ? scope.label('compare.verdictSameClass', { a: page.a, b: page.b, titleA: a.title, titleB: b.title, className: a.className })
      : scope.label('compare.verdictDifferentClass', { a: page.a, b: page.b, titleA: a.title, titleB: b.title, classA: a.className, classB: b.className })),
    a: codeView(a, links, page, scope),
    b: codeView(b, links, page, scope),
    family: family.name,
    differences: differences(a, b, family.name, scope),
    whenToUse: [a, b].map((c) => scope.remember(c, 'forCode', () => safe(scope.label('compare.forCode', { code: c.data.code, title: c.title, fix: safe(scope.inline(c.fix)) })))),
    otherPairs: [...others.values()].slice(0, 8),
  };
}

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
  return {
    meta: {
      title: fitTitle([localized.title.text]),
      description: scope.plainLabel('family.description', { family: family.name }),
      crumbs: [links.crumb(scope.plainLabel('site.home'), { kind: 'home', lang: page.lang }), links.crumb(localized.title.text)],
    },
    title: localized.title,
    body: localized.body,
    count: family.codes.length,
    groups,
    filterForms: {
      zero: scope.catalog.resolve('family.filterShown', 0).text,
      ...Object.fromEntries(
        new Intl.PluralRules(page.lang).resolvedOptions().pluralCategories.map((cat) => [cat, scope.catalog.resolve('family.filterShown', sampleCount(page.lang, cat)).text]),
      ),
    },
  };
}

/** A number that selects the given plural category, so the page's script can pick the right form. */
function sampleCount(lang: string, category: string): number {
  const rules = new Intl.PluralRules(lang);
  for (let n = 1; n < 1000; n++) if (rules.select(n) === category) return n;
  return 1000000;
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

export const VIEW_BUILDERS: Record<PageRef['kind'], (input: ViewInput, links: PageLinks) => View> = {
  chooser: chooserPage,
  notFound: notFoundPage,
  home: homePage,
  family: familyPage,
  code: codePage,
  pair: pairPage,
};

