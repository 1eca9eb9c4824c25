import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, launchBrowser, requireBrowser } from '../support/browser.js';
import { makeCompareSite } from '../support/compare-site.js';
import { startServer, type StaticServer } from '../support/server.js';
import { buildSite } from '../support/site.js';

// An Arabic page whose content is not translated yet: the interface is Arabic (the tool's own
// labels fill the empty ar.json), the code's texts are English. Those paragraphs must read as
// English does, left to right and aligned left, inside the right-to-left page.

requireBrowser();

browserTest('English paragraphs on an Arabic page, in chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = makeCompareSite({ 'locales/ar.json': '{}\n' });
    const { code, stderr, dist } = await buildSite(root);
    expect(code, stderr).toBe(0);
    server = await startServer(dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([390, 1280])('start at the left edge and end ragged on the right, at %i px', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.url}ar/api/E1001/`);
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
    } finally {
      await context.close();
    }
  });
});
