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
 * markdown-it with raw HTML off. Headings in a body start at level 3, since the page already has
 * its own h1 and h2 around it.
 */
function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;
  md.core.ruler.push('demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Math.min(6, Math.max(3, Number(token.tag.slice(1)) + 2));
        token.tag = `h${level}`;
      }
    }
  });
  return md;
}

const md = createMarkdown();

export function renderBlock(markdown: string): Html {
  return md.render(markdown) as Html;
}

export function renderInline(markdown: string): Html {
  return md.renderInline(markdown) as Html;
}
