import { Catalog } from '../i18n/catalog.js';
import { isIndexable } from '../model/indexing.js';
import { pageInputs } from '../model/inputs.js';
import { pageFile, type LocalizedPage, type PageRef } from '../model/pages.js';
import { isSearchable } from '../model/search.js';
import type { CodeData, FamilyData, Publisher, Site } from '../model/types.js';
import { pageModified } from '../model/dates.js';
import { pngSize, socialImageOf } from '../model/social-image.js';
import { absoluteUrl } from './links.js';
import { localizeCode, type LocalizedCode } from '../model/localize.js';
import { digest } from '../model/hash.js';
import { PageLinks } from './layout.js';
import { RenderScope } from './scope.js';
import { searchBox } from './search.js';
import { compileTemplates, type TemplateSet } from './templates.js';
import { VIEW_BUILDERS, type View } from './views.js';

export const STYLESHEET = 'assets/site.css';
export const SCRIPT = 'assets/site.js';
export const SEARCH_SCRIPT = 'assets/search.js';
export const ICON = 'assets/favicon.svg';

export interface RenderedPage {
  readonly file: string;
  readonly html: string;
}

const renderers = new WeakMap<Site, Renderer>();

/** Languages whose localized codes a renderer keeps: the one it renders and the one before (a batch may straddle two). */
const KEPT_LANGUAGES = 2;

/** The renderer of a site, made once: an update of the preview renders the open pages, then the rest, with the same compiled templates. */
export function rendererFor(site: Site): Renderer {
  let renderer = renderers.get(site);
  if (!renderer) renderers.set(site, (renderer = new Renderer(site)));
  return renderer;
}

/** Renders pages of one site. Holds compiled templates and one label catalog per language. */
export class Renderer {
  private readonly templates: TemplateSet;
  private readonly catalogs = new Map<string, Catalog>();
  private readonly assetVersion: Record<string, string> = {};

  constructor(private readonly site: Site) {
    this.templates = compileTemplates(site.templates);
    for (const [name, content] of [...Object.entries(site.assets), ...Object.entries(site.binaryAssets)]) this.assetVersion[`assets/${name}`] = digest(content).slice(0, 10);
  }

  private catalog(lang: string): Catalog {
    let catalog = this.catalogs.get(lang);
    if (!catalog) this.catalogs.set(lang, (catalog = Catalog.create(lang, this.site.labels)));
    return catalog;
  }

  /**
   * Localized codes, by language, of the languages rendered last. A build renders a language's
   * pages one after the other, and what pages share of a code (its views, the output of partials
   * called on them: see RenderScope.share) is kept with its localized code: dropping a language
   * lets all of that go, so memory stays that of two languages however many a site has.
   */
  private readonly localized = new Map<string, Map<string, LocalizedCode>>();

  private localizer(lang: string) {
    let codes = this.localized.get(lang);
    if (codes) this.localized.delete(lang);
    this.localized.set(lang, (codes ??= new Map()));
    if (this.localized.size > KEPT_LANGUAGES) this.localized.delete(this.localized.keys().next().value!);
    return (family: FamilyData, code: CodeData): LocalizedCode => {
      const key = `${family.id}\u0000${code.code}`;
      let found = codes.get(key);
      if (!found) codes.set(key, (found = localizeCode(this.site, lang, family, code)));
      return found;
    };
  }

  render(page: PageRef): RenderedPage {
    const lang = page.kind === 'chooser' || page.kind === 'notFound' ? 'en' : page.lang;
    const language = this.site.languages.find((l) => l.tag === lang);
    const scope = new RenderScope(lang, language?.dir ?? 'ltr', this.catalog(lang), 'family' in page ? page.family : undefined);
    const links = new PageLinks(this.site, page);
    const inputs = pageInputs(this.site, page);
    const view: View = VIEW_BUILDERS[page.kind]({ site: this.site, page, inputs, scope, language, localize: this.localizer(lang), labelIn: (tag, key) => this.catalog(tag).resolve(key) }, links);
    const asset = (name: string) => `${links.asset(name)}?v=${this.assetVersion[name] ?? '0'}`;
    const indexable = isIndexable(this.site, page);
    const canonical = page.kind === 'chooser' ? this.site.baseUrl : page.kind === 'notFound' ? undefined : links.absolute(page);
    const localized = page.kind !== 'chooser' && page.kind !== 'notFound';
    const modified = pageModified(this.site, page, inputs);
    const html = this.templates.render(page.kind, {
      ...view,
      $: scope,
      page: { kind: page.kind, lang, ogLocale: lang.replace('-', '_'), dir: scope.dir, canonical, indexable, searchable: isSearchable(this.site, page), alternates: links.alternates(), switcher: links.switcher(lang) },
      search: this.site.search && localized ? searchBox(this.site, page as LocalizedPage, links, scope) : undefined,
      assets: { stylesheet: asset(STYLESHEET), script: asset(SCRIPT), searchScript: asset(SEARCH_SCRIPT), icon: ICON in this.assetVersion ? asset(ICON) : undefined },
      home: localized ? links.to({ kind: 'home', lang }) : undefined,
      root: links.to({ kind: 'chooser' }),
      socialImage: this.socialImage(lang),
      jsonLd: jsonLd(view, { url: canonical, lang, kind: page.kind, modified, publisher: this.site.publisher }),
    });
    return { file: pageFile(page), html };
  }

  private readonly socialImages = new Map<string, SocialImageView | undefined>();

  /** The image shown when a page in `lang` is shared: an absolute URL (social sites need one) and its size. */
  private socialImage(lang: string): SocialImageView | undefined {
    if (!this.socialImages.has(lang)) {
      const name = socialImageOf(this.site, lang);
      const size = name && pngSize(this.site.binaryAssets[name]!);
      const file = `assets/${name}`;
      this.socialImages.set(lang, size ? { url: `${absoluteUrl(this.site.baseUrl, 'assets')}${name}?v=${this.assetVersion[file]}`, ...size } : undefined);
    }
    return this.socialImages.get(lang);
  }
}

export interface SocialImageView {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

interface PageFacts {
  readonly url?: string;
  readonly lang: string;
  readonly kind: PageRef['kind'];
  /** When the page's content last changed, if known. */
  readonly modified?: string;
  readonly publisher?: Publisher;
}

function jsonLd(view: View, { url, lang, kind, modified, publisher }: PageFacts): object[] {
  const crumbs = view.meta.crumbs;
  const items: object[] = [];
  if (crumbs.length > 0) {
    items.push({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((crumb, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        name: crumb.name,
        ...(crumb.url || url ? { item: crumb.url ?? url } : {}),
      })),
    });
  }
  const dated = {
    ...(modified ? { dateModified: modified } : {}),
    ...(publisher ? { publisher: { '@type': 'Organization', name: publisher.name, url: publisher.url } } : {}),
  };
  if (view.meta.article && url) {
    items.push({ '@context': 'https://schema.org', '@type': 'TechArticle', headline: view.meta.title, description: view.meta.description, inLanguage: lang, url, ...dated });
  } else if ((kind === 'family' || kind === 'home') && url) {
    items.push({ '@context': 'https://schema.org', '@type': 'CollectionPage', name: view.meta.title, description: view.meta.description, inLanguage: lang, url, ...dated });
  }
  return items;
}
