import MarkdownIt from 'markdown-it';
import type { Html } from './html.js';

/** Only web links and links within the site; `javascript:`, `data:`, `file:` and the like are refused. */
export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) return /^https?$/i.test(scheme[1]!);
  return !trimmed.startsWith('//') && !/^\\\\/.test(trimmed);
}

/**
 * markdown-it with raw HTML off. A body's headings are shifted so its highest one sits at
 * `env.topLevel` (the page already has the levels above it): `###` and `####` under an h2 → h3, h4.
 */
function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;
  md.core.ruler.push('shift_headings', (state) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    if (headings.length === 0) return;
    const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
    const shift = ((state.env as { topLevel?: number }).topLevel ?? 3) - top;
    for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
  });
  // Code blocks (transcripts, configuration) read left to right on every page, and scroll sideways
  // rather than widen the page; a keyboard reader can reach them to scroll.
  for (const rule of ['fence', 'code_block'] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (...args) => render(...args).replace(/^<pre>/, '<pre dir="ltr" tabindex="0">');
  }
  return md;
}

const md = createMarkdown();
const blockCache = new Map<string, Html>();
const inlineCache = new Map<string, Html>();
const CACHE_LIMIT = 20_000;

function cached(cache: Map<string, Html>, key: string, render: () => string): Html {
  let html = cache.get(key);
  if (html === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (html = render() as Html));
  }
  return html;
}

/** A Markdown body; headings start at `topLevel`. Results are memoized: pages repeat the same texts. */
export function renderBlock(markdown: string, topLevel = 3): Html {
  return cached(blockCache, `${topLevel}\u0000${markdown}`, () => md.render(markdown, { topLevel }));
}

export function renderInline(markdown: string): Html {
  return cached(inlineCache, markdown, () => md.renderInline(markdown));
}
