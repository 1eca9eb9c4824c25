import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { languageSlug } from '../i18n/tags.js';
import { classPrefix, compareCodes, unorderedPairs } from '../model/order.js';
import { orderLanguages } from '../model/site.js';

/**
 * The Eleventy anchor's global data: the benchmark corpus read at Eleventy's build time (inside its
 * process, so the reading counts against its time, as ours does), and the list of pages it makes.
 */

export type AnchorPage =
  | { readonly kind: 'chooser'; readonly url: string }
  | { readonly kind: 'notFound'; readonly url: string }
  | { readonly kind: 'home'; readonly lang: string; readonly url: string }
  | { readonly kind: 'family'; readonly lang: string; readonly family: string; readonly url: string }
  | { readonly kind: 'code'; readonly lang: string; readonly family: string; readonly code: string; readonly url: string }
  | { readonly kind: 'pair'; readonly lang: string; readonly family: string; readonly a: string; readonly b: string; readonly url: string };

export type PagesOf<K extends AnchorPage['kind']> = Array<Extract<AnchorPage, { kind: K }>>;

/** One pagination array per template. */
export interface AnchorPages {
  readonly chooser: PagesOf<'chooser'>;
  readonly notFound: PagesOf<'notFound'>;
  readonly home: PagesOf<'home'>;
  readonly family: PagesOf<'family'>;
  readonly code: PagesOf<'code'>;
  readonly pair: PagesOf<'pair'>;
}

/**
 * Every page of the site at the URL code-compare gives it (src/model/pages.ts): per language its
 * home, and per family its index, a page per code and one per pair of codes (`a` sorting first).
 */
export function anchorPages(languages: readonly string[], families: ReadonlyArray<{ readonly id: string; readonly codes: readonly string[] }>): AnchorPages {
  const pages: AnchorPages = { chooser: [{ kind: 'chooser', url: '/index.html' }], notFound: [{ kind: 'notFound', url: '/404.html' }], home: [], family: [], code: [], pair: [] };
  for (const lang of languages) {
    const slug = languageSlug(lang);
    pages.home.push({ kind: 'home', lang, url: `/${slug}/index.html` });
    for (const { id: family, codes } of families) {
      pages.family.push({ kind: 'family', lang, family, url: `/${slug}/${family}/index.html` });
      for (const code of codes) pages.code.push({ kind: 'code', lang, family, code, url: `/${slug}/${family}/${code}/index.html` });
      for (const [a, b] of unorderedPairs(codes)) pages.pair.push({ kind: 'pair', lang, family, a, b, url: `/${slug}/${family}/${a}-vs-${b}/index.html` });
    }
  }
  return pages;
}

/** A code in one language, its Markdown already rendered (once per code and language, as ours memoizes it). */
export interface AnchorCode {
  readonly code: string;
  readonly classPrefix: string;
  readonly className: string;
  readonly outcome: string;
  readonly actor: string;
  readonly title: string;
  readonly descriptionHtml: string;
  readonly whenHtml: string;
  readonly fixHtml: string;
  readonly fixAdminHtml: string;
  readonly bodyHtml: string;
  readonly example: ReadonlyArray<{ readonly who: string; readonly line: string }>;
  readonly references: ReadonlyArray<{ readonly rfc: number; readonly section?: string }>;
  readonly related: readonly string[];
}

export interface AnchorFamily {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly introHtml: string;
  readonly codes: readonly string[];
}

export type Labels = Readonly<Record<string, unknown>>;

export interface AnchorData {
  readonly languages: readonly string[];
  readonly families: readonly AnchorFamily[];
  readonly labels: Readonly<Record<string, Labels>>;
  /** Keyed `lang/family/code`. */
  readonly codes: Readonly<Record<string, AnchorCode>>;
  readonly pages: AnchorPages;
}

const TRANSLATED = ['title', 'description', 'when', 'fix', 'fix_admin'] as const;

/** Reads the corpus under `root`: labels from locales/<tag>.json, codes from codes/<family>/, translations from locales/<tag>/<family>/. */
export function loadAnchorData(root: string): AnchorData {
  const md = new MarkdownIt({ html: false });
  const languages = orderLanguages(
    readdirSync(path.join(root, 'locales'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.source.json'))
      .map((f) => f.replace(/\.json$/, '')),
  );
  const labels = Object.fromEntries(languages.map((lang) => [lang, JSON.parse(readFileSync(path.join(root, 'locales', `${lang}.json`), 'utf8')) as Labels]));
  const families: AnchorFamily[] = [];
  const codes: Record<string, AnchorCode> = {};
  for (const id of readdirSync(path.join(root, 'codes')).sort()) {
    const dir = path.join(root, 'codes', id);
    const family = matter(readFileSync(path.join(dir, '_family.md'), 'utf8'));
    const classes = (family.data.classes ?? {}) as Record<string, string>;
    const outcomes = (family.data.outcomes ?? {}) as Record<string, string>;
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== '_family.md');
    const english = files.map((f) => matter(readFileSync(path.join(dir, f), 'utf8')));
    const list = english.map((e) => String(e.data.code)).sort(compareCodes);
    families.push({ id, name: String(family.data.name), title: String(family.data.title), introHtml: md.render(family.content), codes: list });
    for (const lang of languages) {
      for (const source of english) {
        const code = String(source.data.code);
        const translationFile = path.join(root, 'locales', lang, id, `${code}.md`);
        const translated = lang !== 'en' && existsSync(translationFile) ? matter(readFileSync(translationFile, 'utf8')) : undefined;
        const field = (name: (typeof TRANSLATED)[number]) => String(translated?.data[name] ?? source.data[name] ?? '');
        const prefix = classPrefix(code, classes) ?? '';
        const example = String(source.data.example ?? '').trimEnd().split('\n').filter(Boolean);
        codes[`${lang}/${id}/${code}`] = {
          code,
          classPrefix: prefix,
          className: classes[prefix] ?? '',
          outcome: outcomes[prefix] ?? '',
          actor: String(source.data.actor ?? ''),
          title: field('title'),
          descriptionHtml: md.renderInline(field('description')),
          whenHtml: md.renderInline(field('when')),
          fixHtml: md.renderInline(field('fix')),
          fixAdminHtml: md.renderInline(field('fix_admin')),
          bodyHtml: md.render(translated?.content.trim() || source.content),
          example: example.map((l) => ({ who: /^[CS]: /.test(l) ? l[0]! : '', line: l.replace(/^[CS]: /, '') })),
          references: (source.data.references ?? []) as AnchorCode['references'],
          related: ((source.data.related ?? []) as unknown[]).map(String),
        };
      }
    }
  }
  return { languages, families, labels, codes, pages: anchorPages(languages, families) };
}
