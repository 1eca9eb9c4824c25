import Handlebars from 'handlebars';
import { SOURCE_LANGUAGE } from '../../i18n/tags.js';
import { localizeFamily, type Localized, type LocalizedCode } from '../../model/localize.js';
import type { PageInputs } from '../../model/inputs.js';
import type { LocalizedPage, PageRef } from '../../model/pages.js';
import { unorderedPairs } from '../../model/order.js';
import type { CodeData, FamilyData, Language, Site } from '../../model/types.js';
import { isRfcReference } from '../../model/types.js';
import { PageLinks, type Crumb } from '../layout.js';
import { safe, type RenderScope } from '../scope.js';

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

/** A title's length as the page's source holds it, escaped (`'` is `&#x27;`): what html-validate and a crawler reading the source count. */
function writtenLength(text: string): number {
  return [...Handlebars.Utils.escapeExpression(text)].length;
}

/** The first candidate that fits the limit as written, else the last one shortened at a word boundary. */
export function fitTitle(candidates: readonly string[], limit = TITLE_LIMIT): string {
  for (const candidate of candidates) if (writtenLength(candidate) <= limit) return candidate;
  let chars = [...candidates.at(-1)!].slice(0, limit - 1);
  while (chars.length > 0 && writtenLength(`${chars.join('')}…`) > limit) chars = chars.slice(0, -1);
  const text = chars.join('');
  const space = text.lastIndexOf(' ');
  return `${space > text.length / 2 ? text.slice(0, space) : text}…`;
}

export function codeAccessor(input: ViewInput) {
  const family = input.inputs.family!;
  return (code: string): LocalizedCode => {
    if (!input.inputs.codes.includes(code)) throw new Error(`page ${JSON.stringify(input.page)} reads code ${code} without declaring it`);
    return input.localize(family, family.codes.find((c) => c.code === code)!);
  };
}

/** Localizes a code of another family that the page declares among its `others`. */
export function otherCodeAccessor(input: ViewInput) {
  return (familyId: string, code: string): { family: FamilyData; code: LocalizedCode } => {
    const entry = input.inputs.others?.find((o) => o.family.id === familyId);
    if (!entry || !entry.codes.includes(code)) throw new Error(`page ${JSON.stringify(input.page)} reads ${familyId} ${code} without declaring it`);
    return { family: entry.family, code: input.localize(entry.family, entry.family.codes.find((c) => c.code === code)!) };
  };
}

export function transcript(example: string | undefined) {
  if (!example) return undefined;
  return example.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const match = /^([CS]):\s?(.*)$/.exec(line);
    return match ? { who: match[1], line: match[2] } : { who: '', line };
  });
}

function references(code: CodeData, scope: RenderScope) {
  return code.references.map((ref) =>
    isRfcReference(ref)
      ? {
          label: ref.section ? scope.plainLabel('reference.rfcSection', { rfc: ref.rfc, section: ref.section }) : scope.plainLabel('reference.rfc', { rfc: ref.rfc }),
          href: `${RFC_BASE}rfc${ref.rfc}.html${ref.section ? `#section-${ref.section}` : ''}`,
          hreflang: 'en',
        }
      : { label: ref.title, href: ref.url, hreflang: undefined },
  );
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

/** A code as a page shows it: the same object on every page whose link to the code is the same (a code's comparisons, all in one folder). */
export function codeView(c: LocalizedCode, links: PageLinks, page: LocalizedPage, scope: RenderScope) {
  const href = links.to({ kind: 'code', lang: page.lang, family: c.data.family, code: c.data.code });
  return scope.share(c, `view\u0000${href}`, () => ({ ...codeParts(c, scope), href }));
}

export function pairRef(page: LocalizedPage, family: string, x: string, y: string): PageRef {
  const [a, b] = unorderedPairs([x, y])[0]!;
  return { kind: 'pair', lang: page.lang, family, a, b };
}

export function familyCrumbs(input: ViewInput, links: PageLinks, family: FamilyData): Crumb[] {
  const lang = input.scope.lang;
  return [
    links.crumb(input.scope.plainLabel('site.home'), { kind: 'home', lang }),
    links.crumb(localizeFamily(input.site, lang, family).title.text, { kind: 'family', lang, family: family.id }),
  ];
}

/**
 * Whether a text is English shown on a page in another language. Titles, descriptions and
 * headings then take a form without it, so that each stays in one language.
 */
export function isFallback(text: Localized, scope: RenderScope): boolean {
  return text.lang !== scope.lang && text.lang === SOURCE_LANGUAGE;
}

/**
 * A count label's text in each plural form of the page's language, `zero` included, with
 * `{{count}}` left in: for the page's script to pick the form for a number it counts.
 */
export function countForms(scope: RenderScope, key: string): Record<string, string> {
  const categories = new Intl.PluralRules(scope.lang).resolvedOptions().pluralCategories;
  return {
    zero: scope.catalog.resolve(key, 0).text,
    ...Object.fromEntries(categories.map((category) => [category, scope.catalog.resolve(key, sampleCount(scope.lang, category)).text])),
  };
}

/** A number that selects the given plural category. */
function sampleCount(lang: string, category: string): number {
  const rules = new Intl.PluralRules(lang);
  for (let n = 1; n < 1000; n++) if (rules.select(n) === category) return n;
  return 1000000;
}
