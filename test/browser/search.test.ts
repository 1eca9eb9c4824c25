import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, requireBrowser } from '../support/browser.js';
import { openInBrowser, type SiteInBrowser } from '../support/browser-site.js';
import { buildSite, makeSite } from '../support/site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Found {
  /** Result links, as paths from the server's root. */
  readonly paths: string[];
  readonly titles: string[];
  /** The words Pagefind marked in each excerpt. */
  readonly marked: string[][];
  readonly count: string;
}

requireBrowser();

browserTest('searching the built site in chromium', () => {
  let site: SiteInBrowser;
  let dist: string;

  beforeAll(async () => {
    // Three SMTP codes and a written comparison in English, Vietnamese, Arabic, Portuguese and Chinese.
    const built = await buildSite(makeSite({ fixture: 'search' }));
    expect(built.code, built.stderr).toBe(0);
    dist = built.dist;
    site = await openInBrowser(dist);
  });

  afterAll(async () => {
    await site?.close();
  });

  /** Types `query` into the header's box and reads the results once they are shown. */
  async function search(tab: Page, query: string): Promise<Found> {
    await tab.locator('#search-input').fill(query);
    await tab.locator('.search-results').waitFor({ state: 'visible' });
    await expect.poll(() => tab.locator('.search-count').textContent()).not.toBe('');
    return tab.evaluate(() => {
      const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('.search-list a'));
      return {
        paths: links.map((a) => new URL(a.href).pathname),
        titles: links.map((a) => a.querySelector('.search-title')!.textContent!),
        marked: links.map((a) => Array.from(a.querySelectorAll('mark')).map((m) => m.textContent!.toLocaleLowerCase('vi'))),
        count: document.querySelector('.search-count')!.textContent!,
      };
    });
  }

  it('finds the pages about "hộp thư" when "hop thu" is typed without its accents', async () => {
    await site.visit('vi/', {}, async (tab) => {
      const found = await search(tab, 'hop thu');
      expect(found.paths).toEqual(expect.arrayContaining(['/vi/smtp/450/', '/vi/smtp/550/', '/vi/smtp/553/']));
      expect(found.paths.every((p) => p.startsWith('/vi/'))).toBe(true);
      // The best answers are the codes whose title says it.
      expect(found.titles.slice(0, 3).every((title) => title.toLocaleLowerCase('vi').includes('hộp thư'))).toBe(true);
      expect(found.marked[0]).toEqual(expect.arrayContaining(['hộp', 'thư']));
      expect(found.count).toBe(`${found.paths.length} kết quả.`);
    });
  });

  it('finds "địa chỉ" by "dia chi", which Pagefind alone does not: đ is a letter of its own, not d with a mark', async () => {
    await site.visit('vi/', {}, async (tab) => {
      const found = await search(tab, 'dia chi');
      expect(found.paths).toContain('/vi/smtp/553/');
      expect(found.marked.flat()).toContain('địa');
      // Pagefind's own answer, without the page's script (a string, so that the test runner leaves its import alone).
      const alone = (await tab.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const answer = await pagefind.search('dia chi');
        return Promise.all(answer.results.map(async (r) => (await r.data()).excerpt));
      })()`)) as string[];
      expect(alone.some((excerpt) => excerpt.includes('<mark>địa</mark>'))).toBe(false);
    });
  });

  it.each(['5.1.1', '511'])('finds a code by its dotted form and without the dots: "%s"', async (query) => {
    await site.visit('en/', {}, async (tab) => {
      const found = await search(tab, query);
      expect(found.paths).toContain('/en/smtp/550/');
      expect(found.marked.flat()).toContain('5.1.1');
    });
  });

  it.each([['553', '/en/smtp/553/'], ['550 vs 553', '/en/smtp/550-vs-553/']])('puts first, for "%s", the page about it', async (query, expected) => {
    await site.visit('en/', {}, async (tab) => {
      expect((await search(tab, query)).paths[0]).toBe(expected);
    });
  });

  it.each([
    ['pt-br', 'caixa de correio', '/pt-br/smtp/550/'],
    ['zh-cn', '邮箱', '/zh-cn/smtp/550/'],
    ['ar', 'البريد', '/ar/smtp/550/'],
  ])('searches the %s index in its own language', async (slug, query, expected) => {
    await site.visit(`${slug}/smtp/`, {}, async (tab) => {
      const found = await search(tab, query);
      expect(found.paths).toContain(expected);
      expect(found.paths.every((p) => p.startsWith(`/${slug}/`))).toBe(true);
    });
  });

  it('lays the results out right to left in Arabic, inside the window, without serious axe violations', async () => {
    await site.visit('ar/smtp/553/', {}, async (tab) => {
      await search(tab, 'البريد');
      const layout = await tab.evaluate(() => {
        const panel = document.querySelector('.search-results')!.getBoundingClientRect();
        const input = document.querySelector('#search-input')!.getBoundingClientRect();
        const brand = document.querySelector('.brand')!.getBoundingClientRect();
        return { direction: getComputedStyle(document.querySelector('.search-results')!).direction, left: panel.left, right: panel.right, inputLeft: input.left, brandLeft: brand.left, width: innerWidth };
      });
      expect(layout.direction).toBe('rtl');
      expect(layout.left).toBeGreaterThanOrEqual(0);
      expect(layout.right).toBeLessThanOrEqual(layout.width);
      // Mirrored: the brand starts the bar on the right, the search box ends it on the left.
      expect(layout.inputLeft).toBeLessThan(layout.brandLeft);
      await tab.addScriptTag({ path: AXE });
      const violations = await tab.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: string): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        return (await axe.run('.site-header')).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
    });
  });

  it('is used with the keyboard: arrows between the box and the results, Escape to close, Enter for the first', async () => {
    await site.visit('en/smtp/553/', {}, async (tab) => {
      await tab.locator('#search-input').focus();
      const found = await search(tab, 'mailbox');
      expect(found.paths.length).toBeGreaterThan(1);
      const focused = () => tab.evaluate(() => (document.activeElement as HTMLAnchorElement).id || new URL((document.activeElement as HTMLAnchorElement).href).pathname);
      await tab.keyboard.press('ArrowDown');
      expect(await focused()).toBe(found.paths[0]);
      await tab.keyboard.press('ArrowDown');
      expect(await focused()).toBe(found.paths[1]);
      await tab.keyboard.press('ArrowUp');
      await tab.keyboard.press('ArrowUp');
      expect(await focused()).toBe('search-input');
      await tab.keyboard.press('Escape');
      expect(await tab.locator('.search-results').isVisible()).toBe(false);
      expect(await focused()).toBe('search-input');
      await Promise.all([tab.waitForURL(site.url(found.paths[0]!), { waitUntil: 'commit' }), tab.keyboard.press('Enter')]);
    });
  });

  it.each([390, 1280])('fits a %i px window: the box on a row of its own on a phone, beside the brand on a wide screen', async (width) => {
    await site.visit('vi/smtp/550/', { viewport: { width, height: 844 } }, async (tab) => {
      await search(tab, 'hop thu');
      const layout = await tab.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return { input: box('#search-input'), brand: box('.brand'), panel: box('.search-results'), scrollWidth: document.documentElement.scrollWidth };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.panel.left).toBeGreaterThanOrEqual(0);
      expect(layout.panel.right).toBeLessThanOrEqual(width);
      if (width < 600) {
        expect(layout.input.top).toBeGreaterThan(layout.brand.bottom);
        expect(layout.input.width).toBeGreaterThan(width * 0.8);
      } else {
        expect(layout.input.top).toBeLessThan(layout.brand.bottom);
      }
    });
  });

  it('without JavaScript, and from a file on disk, shows the link to the family index instead of the box', async () => {
    await site.visit('vi/smtp/553/', { javaScriptEnabled: false }, async (tab) => {
      expect(await tab.locator('#search-input').isVisible()).toBe(false);
      const link = tab.locator('a.search-fallback');
      expect(await link.isVisible()).toBe(true);
      await Promise.all([tab.waitForURL(site.url('vi/smtp/')), link.click()]);
    });
    await site.withTab({}, async (tab) => {
      await tab.goto(pathToFileURL(path.join(dist, 'vi/smtp/553/index.html')).href);
      await expect.poll(() => tab.locator('a.search-fallback').isVisible()).toBe(true);
      expect(await tab.locator('#search-input').isVisible()).toBe(false);
    });
  });
});
