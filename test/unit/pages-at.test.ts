import { describe, expect, it } from 'vitest';
import { allPages, pageFile, pagesAt } from '../../src/model/pages.js';
import { validateProject } from '../../src/project.js';
import { BASE, makeSite } from '../support/site.js';

describe('pages read from their paths', () => {
  it('are the pages written there, for every page of a site but the 404 page', async () => {
    const site = (await validateProject({ root: makeSite({ fixture: 'mini' }), baseUrl: BASE })).site!;
    const pages = allPages(site).filter((page) => page.kind !== 'notFound');
    expect(pages.some((page) => page.kind === 'pair')).toBe(true);
    for (const page of pages) expect(pagesAt(site, [pageFile(page)]), pageFile(page)).toEqual([page]);
    expect(pagesAt(site, pages.map(pageFile))).toEqual(pages);
  });

  it('are none where a path names no page, so the caller looks through every page', async () => {
    const site = (await validateProject({ root: makeSite({ fixture: 'mini' }), baseUrl: BASE })).site!;
    const pair = allPages(site).find((page) => page.kind === 'pair')!;
    const reversed = pair.kind === 'pair' ? `en/${pair.family}/${pair.b}-vs-${pair.a}/index.html` : '';
    for (const file of ['404.html', reversed, 'xx/index.html', 'en/nofamily/index.html', 'en/smtp/999/index.html', 'en/smtp/550/extra/index.html', 'en/smtp/550/page.html', 'en/smtp/550-vs-550/index.html']) {
      expect(pagesAt(site, [file]), file).toBeUndefined();
    }
    expect(pagesAt(site, ['en/index.html', '404.html'])).toBeUndefined();
  });
});
