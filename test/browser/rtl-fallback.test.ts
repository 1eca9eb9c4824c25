import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, requireBrowser } from '../support/browser.js';
import { openInBrowser, type SiteInBrowser } from '../support/browser-site.js';
import { makeCompareSite } from '../support/compare-site.js';
import { buildSite } from '../support/site.js';

// An Arabic page whose content is not translated yet: the interface is Arabic (the tool's own
// labels fill the empty ar.json), the code's texts are English. Those paragraphs must read as
// English does, left to right and aligned left, inside the right-to-left page.

requireBrowser();

browserTest('English paragraphs on an Arabic page, in chromium', () => {
  let site: SiteInBrowser;

  beforeAll(async () => {
    const root = makeCompareSite({ 'locales/ar.json': '{}\n' });
    const { code, stderr, dist } = await buildSite(root);
    expect(code, stderr).toBe(0);
    site = await openInBrowser(dist);
  });

  afterAll(async () => {
    await site?.close();
  });

  it.each([390, 1280])('start at the left edge and end ragged on the right, at %i px', async (width) => {
    await site.withTab({ viewport: { width, height: 900 } }, async (tab) => {
      await tab.goto(site.url('ar/api/E1001/'));
      expect(await tab.locator('html').getAttribute('dir')).toBe('rtl');
      const paragraph = tab.locator('main p:has(> span.whole[lang="en"])').first();
      const measured = await paragraph.evaluate((p) => {
        const span = p.querySelector('span.whole')!;
        const range = document.createRange();
        range.selectNodeContents(span);
        const lines = [...range.getClientRects()];
        const box = p.getBoundingClientRect();
        return { direction: getComputedStyle(span).direction, align: getComputedStyle(span).textAlign, firstLeft: lines[0]!.left, boxLeft: box.left, text: span.textContent };
      });
      expect(measured.direction).toBe('ltr');
      expect(['left', 'start']).toContain(measured.align);
      expect(Math.abs(measured.firstLeft - measured.boxLeft)).toBeLessThan(2);
      expect(measured.text).toContain('API key');
    });
  });
});
