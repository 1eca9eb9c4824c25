import { pageModified, unitModified } from './dates.js';
import { digest } from './hash.js';
import { contentChain, localizeCode } from './localize.js';
import { pageFile, type LocalizedPage, type PageRef } from './pages.js';
import { featuredPair, featuredPartners, featuredPairs, homeCodes } from './featured.js';
import { incomingLinks, outgoingLinks } from './cross-links.js';
import { indexableLanguagesJoined } from './indexing.js';
import { coverageKey } from './coverage.js';
import type { FamilyData, PairData, Site } from './types.js';
import { hashIn } from './hash-table.js';
import { changedParts, pairUnit, partKey, type ChangedParts, type EarlierHashes, type Part } from './input-parts.js';

/**
 * What each page is a function of, and a hash of those inputs. A page whose hash is unchanged
 * since the last build renders to the same bytes, so its previous file can be reused.
 * The view builders read codes only through `PageInputs.codes`, so a page cannot depend on more
 * than it declares.
 */
export interface PageInputs {
  readonly family?: FamilyData;
  /** Codes whose data this page shows. */
  readonly codes: readonly string[];
  /** The written comparison a pair page shows. */
  readonly pair?: PairData;
  /**
   * Codes of other families the page shows with their titles: on a code page those its declared
   * `links` connect it to, both ways; on the home page those of every family's comparisons.
   */
  readonly others?: ReadonlyArray<{ readonly family: FamilyData; readonly codes: readonly string[] }>;
}

export function pageInputs(site: Site, page: PageRef): PageInputs {
  if (page.kind === 'chooser' || page.kind === 'notFound') return { codes: [] };
  if (page.kind === 'home') return { codes: [], others: site.families.map((family) => ({ family, codes: homeCodes(family) })) };
  const family = site.families.find((f) => f.id === page.family)!;
  const relatedOf = (code: string) => family.codes.find((c) => c.code === code)?.related ?? [];
  switch (page.kind) {
    case 'family':
      return { family, codes: family.codes.map((c) => c.code) };
    case 'code': {
      const codes = unique([page.code, ...relatedOf(page.code), ...replacedBy(family, page.code), ...featuredPartners(family, page.code)]);
      const others = linkedCodes(site, family, page.code);
      return others.length ? { family, codes, others } : { family, codes };
    }
    case 'pair': {
      // Other comparisons are linked by their codes alone, so the related codes' data is not shown.
      const pair = featuredPair(family, page.a, page.b)?.written;
      return pair ? { family, codes: [page.a, page.b], pair } : { family, codes: [page.a, page.b] };
    }
  }
}

/** The codes of other families one code links to, or that link to it, grouped by family. */
function linkedCodes(site: Site, family: FamilyData, code: string): Array<{ family: FamilyData; codes: string[] }> {
  const byFamily = new Map<string, string[]>();
  const add = (id: string, other: string) => byFamily.set(id, unique([...(byFamily.get(id) ?? []), other]));
  for (const field of Object.keys(family.links) as Array<'enhanced'>) {
    for (const link of outgoingLinks(site.families, family, code, field)) add(link.family, link.code);
  }
  for (const link of incomingLinks(site.families, family.id, code)) add(link.family, link.code);
  return [...byFamily].map(([id, codes]) => ({ family: site.families.find((f) => f.id === id)!, codes }));
}

function replacedBy(family: FamilyData, code: string): readonly string[] {
  return family.codes.find((c) => c.code === code)?.replacedBy ?? [];
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** Hashes of the parts pages are made of, computed once per build. */
export class InputHashes {
  private readonly memo = new Map<string, string>();

  constructor(
    private readonly site: Site,
    /** Hash of templates, assets and the renderer's own version. */
    private readonly renderer: string,
  ) {}

  private cached(key: string, compute: () => string): string {
    let value = this.memo.get(key);
    if (value === undefined) this.memo.set(key, (value = compute()));
    return value;
  }

  /** Base URL, publisher, the published languages and their names, the families and their code lists. */
  private structure(): string {
    return this.cached('structure', () =>
      digest(this.renderer, this.site.baseUrl, JSON.stringify(this.site.publisher ?? null), JSON.stringify(this.site.languages), JSON.stringify(this.site.families.map((f) => [f.id, f.codes.map((c) => c.code), featuredPairs(f).map((p) => [p.a, p.b, p.written !== undefined])]))),
    );
  }

  private labels(lang: string): string {
    return this.cached(`labels:${lang}`, () => digest(...contentChain(lang).map((tag) => JSON.stringify(this.site.labels[tag] ?? null))));
  }

  private translation(lang: string, family: string, key: string): string {
    return contentChain(lang).map((tag) => JSON.stringify(this.site.translations[tag]?.[family]?.[key] ?? null)).join();
  }

  private pairTranslation(lang: string, pair: PairData): string {
    return contentChain(lang).map((tag) => JSON.stringify(this.site.pairTranslations[tag]?.[pair.family]?.[`${pair.a}-vs-${pair.b}`] ?? null)).join();
  }

  private family(lang: string, family: FamilyData): string {
    return this.cached(`family:${lang}:${family.id}`, () =>
      digest(JSON.stringify({ ...family, codes: undefined, pairs: undefined }), this.translation(lang, family.id, '_family')),
    );
  }

  private readonly codeHashes = new Map<string, Map<FamilyData, Map<string, string>>>();

  /**
   * The hash of one code as pages in `lang` show it: its texts as localized (each with the language
   * it is in) and the rest of its data, without the English texts a translation stands in for. An
   * English edit of a field every language translates leaves those languages' pages as they are.
   */
  private code(lang: string, family: FamilyData, code: string): string {
    let families = this.codeHashes.get(lang);
    if (!families) this.codeHashes.set(lang, (families = new Map()));
    let hashes = families.get(family);
    if (!hashes) families.set(family, (hashes = new Map()));
    let hash = hashes.get(code);
    if (hash === undefined) {
      const data = family.codes.find((c) => c.code === code)!;
      // The English texts reach a page only through the localized fields; their hash, only through `confirm`.
      const { text: _text, sourceHash: _sourceHash, ...shown } = data;
      hashes.set(code, (hash = digest(JSON.stringify({ ...localizeCode(this.site, lang, family, data), data: shown }))));
    }
    return hash;
  }

  /** What every page of one kind, language and family shares: the structure, labels and family. */
  private shared(page: LocalizedPage, family: FamilyData | undefined): string {
    return this.cached(`shared:${page.lang}:${page.kind}:${family?.id ?? ''}`, () => {
      const parts = [this.structure(), this.labels(page.lang)];
      if (page.kind === 'home') parts.push(...this.site.families.map((f) => this.family(page.lang, f)));
      if (family) parts.push(this.family(page.lang, family));
      return digest(...parts);
    });
  }

  /** Every cross-family link between codes, as resolved: a page lists the codes that link to its own. */
  private links(): string {
    return this.cached('links', () =>
      digest(JSON.stringify(this.site.families.flatMap((family) => (Object.keys(family.links) as Array<'enhanced'>).flatMap((field) => family.codes.map((c) => [family.id, field, c.code, outgoingLinks(this.site.families, family, c.code, field)]))))),
    );
  }

  private readonly componentMemo = new Map<string, { readonly record: Readonly<Record<string, string>>; readonly parts: readonly Part[] }>();

  /**
   * What pages in `lang` are made from, part by part. `*` is what every page takes: the structure,
   * the labels, the cross-family links, the untranslated policy, which pages each language
   * translates (they decide every hreflang set) and which translation files the language's content
   * chain has. Then per family: `F` its own data, `C` each code as `lang` shows it, `P` each written
   * comparison with its translation, `D` the date of each content unit as pages in `lang` give it.
   */
  private languageParts(lang: string) {
    let found = this.componentMemo.get(lang);
    if (found) return found;
    const presence = contentChain(lang).map((tag) => [tag, Object.entries(this.site.translations[tag] ?? {}).map(([family, keys]) => [family, Object.keys(keys)])]);
    const parts: Part[] = [{ kind: '*', family: '', unit: '', hash: digest(this.structure(), this.labels(lang), this.links(), this.site.untranslated, this.cached('coverage', () => coverageKey(this.site)), JSON.stringify(presence)) }];
    const add = (kind: Part['kind'], family: string, unit: string, hash: string) => parts.push({ kind, family, unit, hash });
    for (const family of this.site.families) {
      add('F', family.id, '_family', this.family(lang, family));
      add('D', family.id, '_family', unitModified(this.site, lang, family.id, '_family') ?? '?');
      for (const { code } of family.codes) {
        add('C', family.id, code, this.code(lang, family, code));
        add('D', family.id, code, unitModified(this.site, lang, family.id, code) ?? '?');
      }
      for (const pair of family.pairs) {
        add('P', family.id, pairUnit(pair), digest(JSON.stringify(pair), this.pairTranslation(lang, pair)));
        add('D', family.id, pairUnit(pair), unitModified(this.site, lang, family.id, pairUnit(pair)) ?? '?');
      }
    }
    const record = Object.fromEntries(parts.map((p) => [partKey(p), p.hash]));
    this.componentMemo.set(lang, (found = { record, parts }));
    return found;
  }

  /** A language's parts (see languageParts) by key: `*`, `["C","smtp","550"]`, …, as the manifest keeps them. */
  components(lang: string): Readonly<Record<string, string>> {
    return this.languageParts(lang).record;
  }

  /** Whether a page's hash is made from one of the changed parts, as page() reads its inputs (the home page's `others` are every family). */
  private touches(inputs: PageInputs, changed: ChangedParts): boolean {
    const hit = (family: string, units: readonly string[]) => changed.families.has(family) || (changed.units.has(family) && units.some((unit) => changed.units.get(family)!.has(unit)));
    if (inputs.family && hit(inputs.family.id, inputs.codes)) return true;
    if ((inputs.others ?? []).some((other) => hit(other.family.id, other.codes))) return true;
    return inputs.pair !== undefined && hit(inputs.pair.family, [pairUnit(inputs.pair)]);
  }

  /** Every published language's parts, by tag. */
  allComponents(): Record<string, Readonly<Record<string, string>>> {
    return Object.fromEntries(this.site.languages.map(({ tag }) => [tag, this.components(tag)]));
  }

  /**
   * page(), but taken from an earlier build's manifest where that build made it from the same
   * parts: every page of a language none of whose parts changed (after one label or one translated
   * English text changed, most languages'), and in the other languages the pages none of whose own
   * parts changed (after one code changed, most pages that do not show it).
   */
  reusing(earlier: EarlierHashes | undefined): (page: PageRef, file: string) => string {
    const changed = new Map<string, ChangedParts | 'none' | 'all'>();
    for (const { tag } of this.site.languages) {
      const before = earlier?.components?.[tag];
      const now = this.languageParts(tag);
      const differ = before && before['*'] === now.record['*'] ? now.parts.filter((part) => before[partKey(part)] !== part.hash) : undefined;
      changed.set(tag, differ === undefined ? 'all' : differ.length === 0 ? 'none' : changedParts(differ));
    }
    return (page, file) => {
      const parts = 'lang' in page ? changed.get(page.lang) : undefined;
      if (parts === undefined || parts === 'all' || !earlier || hashIn(earlier.files, file) === undefined) return this.page(page, file);
      if (parts === 'none') return earlier.files[file]!;
      const inputs = pageInputs(this.site, page);
      return this.touches(inputs, parts) ? this.page(page, file, inputs) : earlier.files[file]!;
    };
  }

  /** Pages without a language (chooser, 404) show every language's labels and every family. `file` and `inputs` are the page's, when known. */
  page(page: PageRef, file = pageFile(page), inputs = pageInputs(this.site, page)): string {
    if (page.kind === 'chooser' || page.kind === 'notFound') {
      return digest(page.kind, this.structure(), ...this.site.languages.map((l) => this.labels(l.tag)));
    }
    const localized = page as LocalizedPage;
    const parts = [file, this.shared(localized, inputs.family)];
    if (inputs.family) for (const code of inputs.codes) parts.push(code, this.code(localized.lang, inputs.family, code));
    for (const other of inputs.others ?? []) for (const code of other.codes) parts.push(other.family.id, code, this.code(localized.lang, other.family, code), this.family(localized.lang, other.family));
    if (inputs.pair) parts.push(JSON.stringify(inputs.pair), this.pairTranslation(localized.lang, inputs.pair));
    // The date its content last changed, shown in its structured data.
    parts.push(pageModified(this.site, page, inputs) ?? '');
    // Whether the page is indexed, and which versions it names as alternates, depend on the other languages' translations.
    parts.push(indexableLanguagesJoined(this.site, localized));
    return digest(...parts);
  }
}
