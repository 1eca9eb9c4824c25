import { pageDir, type LocalizedPage, type PageRef, inLanguage as pageIn } from '../model/pages.js';
import { indexableLanguages } from '../model/indexing.js';
import type { Language, Site } from '../model/types.js';
import { absoluteUrl, basePath, relativeDir, relativeFile } from './links.js';

export interface Crumb {
  readonly name: string;
  /** Relative, for the page's own links. */
  readonly href?: string;
  /** Absolute, for structured data. */
  readonly url?: string;
}

export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

export interface SwitcherEntry {
  readonly tag: string;
  readonly name: string;
  readonly href: string;
  readonly dir: string;
  readonly current: boolean;
}

/** Links as seen from one page: relative inside the site, absolute for canonical and hreflang. */
export class PageLinks {
  readonly dir: string;

  constructor(
    private readonly site: Site,
    readonly page: PageRef,
  ) {
    this.dir = pageDir(page);
  }

  /** 404.html is served at any depth, so its links start at the base path instead. */
  private from(target: string, isFile: boolean): string {
    if (this.page.kind === 'notFound') return `${basePath(this.site.baseUrl)}${target}${!isFile && target ? '/' : ''}`;
    return isFile ? relativeFile(this.dir, target) : relativeDir(this.dir, target);
  }

  to(target: PageRef): string {
    return this.from(pageDir(target), false);
  }

  /** A breadcrumb; the last one, the page itself, has no target. */
  crumb(name: string, target?: PageRef): Crumb {
    return target ? { name, href: this.to(target), url: this.absolute(target) } : { name };
  }

  asset(file: string): string {
    return this.from(file, true);
  }

  absolute(target: PageRef): string {
    return absoluteUrl(this.site.baseUrl, pageDir(target));
  }

  /**
   * Every indexable language version of this page, this one included, plus x-default (English, or
   * the first indexable version): the same list on each of them, so the set is reciprocal.
   */
  alternates(): Alternate[] {
    if (this.page.kind === 'chooser' || this.page.kind === 'notFound') return [];
    const localized = this.page as LocalizedPage;
    const tags = indexableLanguages(this.site, localized);
    if (!tags.includes(localized.lang)) return [];
    const list = tags.map((tag) => ({ hreflang: tag, href: this.absolute(pageIn(localized, tag)) }));
    const fallback = tags.includes('en') ? 'en' : tags[0]!;
    return [...list, { hreflang: 'x-default', href: this.absolute(pageIn(localized, fallback)) }];
  }

  switcher(current: string): SwitcherEntry[] {
    if (this.page.kind === 'chooser' || this.page.kind === 'notFound') return [];
    const localized = this.page as LocalizedPage;
    return this.site.languages.map((l: Language) => ({ tag: l.tag, name: l.name, dir: l.dir, href: this.to(pageIn(localized, l.tag)), current: l.tag === current }));
  }
}
