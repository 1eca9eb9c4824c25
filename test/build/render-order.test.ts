import { describe, expect, it } from 'vitest';
import { allPages, pageFile, type PageRef } from '../../src/model/pages.js';
import { validateProject } from '../../src/project.js';
import { Renderer } from '../../src/render/renderer.js';
import { BASE, makeSite } from '../support/site.js';

describe('a renderer, which keeps what pages share of a code for the last two languages only', () => {
  it('renders the same bytes whatever the order of the pages, languages interleaved page by page', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['locales/ar.json'] });
    const site = (await validateProject({ root, baseUrl: BASE })).site!;
    const pages = allPages(site);
    expect(site.languages.length).toBeGreaterThanOrEqual(3);
    const render = (order: readonly PageRef[]) => {
      const renderer = new Renderer(site);
      return new Map(order.map((page) => [pageFile(page), renderer.render(page).html]));
    };
    const inOrder = render(pages);
    // Each language's pages dealt out in turn, so every page's language was dropped since its last page.
    const byLanguage = site.languages.map((language) => pages.filter((page) => 'lang' in page && page.lang === language.tag));
    const dealt = Array.from({ length: Math.max(...byLanguage.map((list) => list.length)) }, (_, i) => byLanguage.map((list) => list[i])).flat().filter((page) => page !== undefined);
    const interleaved = render([...dealt, ...dealt.reverse()]);
    expect(interleaved.size).toBe(dealt.length);
    for (const [file, html] of interleaved) expect(html, file).toBe(inOrder.get(file));
  });
});
