import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, requireBrowser } from '../support/browser.js';
import { openInBrowser, sidewaysOverflow, type SiteInBrowser } from '../support/browser-site.js';
import { makeSite, REPO, run } from '../support/site.js';

// The reader fixture (a numeric family, smtp, and a dotted one, enhanced) in English, Arabic and
// Vietnamese with the project's labels, served at the server root.
const LANGS = ['en', 'ar', 'vi'] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The width of running text, and of the whole page before wide screens got more room: 46rem. */
const MEASURE_REM = 46;

type Labels = { [key: string]: string | Labels };
function label(lang: string, key: string): string {
  const labels = JSON.parse(readFileSync(path.join(REPO, 'locales', `${lang}.json`), 'utf8')) as Labels;
  const value = key.split('.').reduce<string | Labels | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), labels);
  if (typeof value !== 'string') throw new Error(`no label ${key} in ${lang}.json`);
  return value;
}

requireBrowser();

browserTest('the reader\'s site in chromium', () => {
  let site: SiteInBrowser;
  let dist: string;

  beforeAll(async () => {
    const root = makeSite({ fixture: 'reader', fromProject: ['templates', ...LANGS.map((l) => `locales/${l}.json`)] });
    dist = path.join(root, 'dist');
    const built = await run('build', '--root', root, '--out', dist, '--base-url', 'https://codes.example.com/', '--jobs', '1');
    expect(built.code, built.stderr).toBe(0);
    site = await openInBrowser(dist);
  });

  afterAll(async () => {
    await site?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });


  /** Picks two codes in the page's finder and presses its button; resolves once the comparison has loaded. */
  async function compare(tab: Page, first: string | undefined, second: string) {
    const form = tab.locator('form.pair-finder');
    if (first !== undefined) await form.locator('select').nth(0).selectOption(first);
    await form.locator('select').nth(1).selectOption(second);
    await Promise.all([tab.waitForURL((u) => u.pathname.includes('-vs-')), form.locator('button[type="submit"]').click()]);
    return new URL(tab.url()).pathname;
  }

  it.each([
    { from: 'en/smtp/', first: '553', second: '235', expected: '/en/smtp/235-vs-553/' },
    { from: 'en/smtp/', first: '421', second: '550', expected: '/en/smtp/421-vs-550/' },
    // Compared as text, X.1.10 would come first; its parts compare as numbers, as in src/model/order.ts.
    { from: 'en/enhanced/', first: 'X.1.10', second: 'X.1.2', expected: '/en/enhanced/X.1.2-vs-X.1.10/' },
    { from: 'en/enhanced/', first: 'X.1.2', second: 'X.1.10', expected: '/en/enhanced/X.1.2-vs-X.1.10/' },
    { from: 'vi/enhanced/', first: 'X.2.1', second: 'X.1.10', expected: '/vi/enhanced/X.1.10-vs-X.2.1/' },
  ])('on $from, picking $first and $second opens $expected', async ({ from, first, second, expected }) => {
    await site.visit(from, {}, async (tab) => {
      await expect.poll(() => tab.locator('form.pair-finder').isVisible()).toBe(true);
      expect(await compare(tab, first, second)).toBe(expected);
      expect(await tab.locator('h1').textContent()).toContain(expected.includes('X.') ? 'X.1' : 'vs');
    });
  });

  it.each([
    { from: 'en/enhanced/X.1.10/', second: 'X.1.2', expected: '/en/enhanced/X.1.2-vs-X.1.10/' },
    { from: 'ar/smtp/553/', second: '450', expected: '/ar/smtp/450-vs-553/' },
  ])('on the code page $from, the first list holds the page\'s code: picking $second opens $expected', async ({ from, second, expected }) => {
    await site.visit(from, {}, async (tab) => {
      const code = from.split('/').at(-2)!;
      expect(await tab.locator('form.pair-finder select').nth(0).inputValue()).toBe(code);
      expect(await compare(tab, undefined, second)).toBe(expected);
    });
  });

  it('works by keyboard alone on an Arabic (right-to-left) family index', async () => {
    await site.visit('ar/enhanced/', {}, async (tab) => {
      const lists = tab.locator('form.pair-finder select');
      await lists.nth(0).focus();
      // The first list starts at "choose a code": three steps down is the third code, X.1.10.
      for (let i = 0; i < 3; i++) await tab.keyboard.press('ArrowDown');
      await tab.keyboard.press('Tab');
      expect(await lists.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
      for (let i = 0; i < 2; i++) await tab.keyboard.press('ArrowDown');
      await tab.keyboard.press('Tab');
      expect(await tab.locator('form.pair-finder button').evaluate((el) => el === document.activeElement)).toBe(true);
      expect([await lists.nth(0).inputValue(), await lists.nth(1).inputValue()]).toEqual(['X.1.10', 'X.1.2']);
      await Promise.all([tab.waitForURL(site.url('ar/enhanced/X.1.2-vs-X.1.10/')), tab.keyboard.press('Enter')]);
    });
  });

  it.each(LANGS)('in %s, says in the page\'s language when a code is missing or both are the same, and stays on the page', async (lang) => {
    await site.visit(`${lang}/smtp/`, {}, async (tab) => {
      const form = tab.locator('form.pair-finder');
      const status = form.locator('.finder-status');
      await form.locator('select').nth(0).selectOption('550');
      await form.locator('button').click();
      await expect.poll(() => status.textContent()).toBe(label(lang, 'finder.missing'));
      expect(await form.locator('select').nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
      await form.locator('select').nth(1).selectOption('550');
      await form.locator('button').click();
      await expect.poll(() => status.textContent()).toBe(label(lang, 'finder.same'));
      expect(new URL(tab.url()).pathname).toBe(`/${lang}/smtp/`);
    });
  });

  it('without JavaScript shows no finder, and the featured comparisons as links', async () => {
    for (const page of ['en/smtp/', 'en/smtp/553/']) {
      await site.visit(page, { javaScriptEnabled: false }, async (tab) => {
        expect(await tab.locator('form.pair-finder').isVisible(), page).toBe(false);
        const links = tab.locator('section[aria-labelledby="comparisons"] ul.pair-list a');
        expect(await links.count(), page).toBeGreaterThan(0);
        expect(await links.first().isVisible(), page).toBe(true);
      });
    }
  });

  it('moves nothing when the scripts set up the search box, the filter and the finder (no layout shift), at 390 px and 1280 px', async () => {
    const visits = [[390, 'en/'], [390, 'en/smtp/'], [390, 'ar/smtp/553/'], [1280, 'en/smtp/553/'], [1280, 'vi/smtp/550-vs-553/']] as const;
    for (const [width, page] of visits) {
      await site.withTab({ viewport: { width, height: 800 } }, async (tab) => {
        // The script arrives after the first paint, as on a slow connection: whatever it shows must already have its place.
        await tab.route(/\/assets\/(site|search)\.js/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          await route.continue();
        });
        await tab.addInitScript(() => {
          const shifts: { value: number; moved: string }[] = ((window as unknown as { shifts: unknown[] }).shifts = []);
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { value: number; sources: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[] }[]) {
              const moved = entry.sources.map((s) => `${s.node?.nodeName ?? '?'}.${s.node instanceof Element ? s.node.className : ''} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`);
              shifts.push({ value: entry.value, moved: moved.join(', ') });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await tab.goto(site.url(page), { waitUntil: 'load' });
        await expect.poll(() => tab.locator('.search-form input').isVisible()).toBe(true);
        await tab.waitForTimeout(200);
        const shifts = await tab.evaluate(() => (window as unknown as { shifts: { value: number; moved: string }[] }).shifts);
        // A finder or filter shown late moves the page by 0.1 and more (Lighthouse's CLS); a header settling by a few pixels, by about 0.001.
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, `${page} at ${width} px: ${JSON.stringify(shifts)}`).toBeLessThan(0.005);
      });
    }
  });

  it.each(['en', 'ar'])('at 1280 px in %s, the side-by-side table is wider than the 46rem page was, and "on this page" sits beside it', async (lang) => {
    const box = await site.visit(`${lang}/smtp/550-vs-553/`, {}, (tab) =>
      tab.evaluate((measure) => {
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const table = document.querySelector('table.side-by-side')!.getBoundingClientRect();
        const toc = document.querySelector('nav.toc')!.getBoundingClientRect();
        const content = document.querySelector('.page-content')!.getBoundingClientRect();
        return { table: table.width, before: measure * rem, tocLeft: toc.left, tocRight: toc.right, contentLeft: content.left, contentRight: content.right, rtl: document.dir === 'rtl' };
      }, MEASURE_REM),
    );
    expect(box.table).toBeGreaterThan(box.before);
    if (box.rtl) expect(box.tocRight).toBeLessThanOrEqual(box.contentLeft);
    else expect(box.tocLeft).toBeGreaterThanOrEqual(box.contentRight);
  });

  it('at 1280 px, "on this page" stays in view as the reader scrolls to the end of a code page', async () => {
    await site.visit('en/smtp/553/', { viewport: { width: 1280, height: 600 } }, async (tab) => {
      await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const toc = await tab.locator('nav.toc').evaluate((nav) => nav.getBoundingClientRect().toJSON() as DOMRect);
      expect(await tab.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      expect(toc.top).toBeGreaterThanOrEqual(0);
      expect(toc.bottom).toBeLessThanOrEqual(600);
    });
  });

  it('at 390 px, "on this page" is a block above the first section', async () => {
    await site.visit('ar/smtp/550-vs-553/', { viewport: { width: 390, height: 844 } }, async (tab) => {
      const [toc, h2] = await Promise.all([
        tab.locator('nav.toc').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
        tab.locator('.page-content h2').first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
      ]);
      expect(toc.bottom).toBeLessThanOrEqual(h2.top);
      expect(toc.height).toBeLessThan(300);
    });
  });

  const NARROW_PAGES = LANGS.flatMap((lang) => ['', 'smtp/', 'enhanced/', 'smtp/553/', 'enhanced/X.1.10/', 'smtp/550-vs-553/', 'enhanced/X.1.2-vs-X.1.10/'].map((p) => `${lang}/${p}`));

  it(`at 390 px, none of ${NARROW_PAGES.length + 1} pages (every kind, en, ar and vi, and the chooser) scrolls sideways`, async () => {
    // One tab for every page: a new browser context per page cost more than the check.
    await site.withTab({ viewport: { width: 390, height: 844 } }, async (tab) => {
      for (const page of [...NARROW_PAGES, '']) {
        const response = await tab.goto(site.url(page), { waitUntil: 'load' });
        expect(response?.status(), `GET /${page}`).toBe(200);
        const result = await sidewaysOverflow(tab);
        expect(result.scrollWidth, `/${page}: ${result.culprits.join(', ')}`).toBeLessThanOrEqual(result.clientWidth);
      }
    });
  });

  it.each([390, 1280])('at %i px, inline code is smaller than its text, on a background, and leaves its lines as tall as the others', async (width) => {
    const paragraphs = await site.visit('en/smtp/550/', { viewport: { width, height: 800 } }, (tab) =>
      tab.evaluate(() =>
        Array.from(document.querySelectorAll('main p'))
          .filter((p) => p.querySelector(':scope > code'))
          .map((p) => {
            const code = p.querySelector(':scope > code')!;
            const style = getComputedStyle(p);
            const lineHeight = parseFloat(style.lineHeight);
            const height = p.getBoundingClientRect().height;
            return {
              textSize: parseFloat(style.fontSize),
              codeSize: parseFloat(getComputedStyle(code).fontSize),
              background: getComputedStyle(code).backgroundColor,
              lines: height / lineHeight,
            };
          }),
      ),
    );
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const p of paragraphs) {
      expect(p.codeSize).toBeLessThan(p.textSize);
      expect(p.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(Math.abs(p.lines - Math.round(p.lines)), `a paragraph ${p.lines} lines tall`).toBeLessThan(0.02);
    }
  });

  // Left to right and right to left; Vietnamese pages differ from English ones in their words only.
  it.each(['en', 'ar'].flatMap((lang) => [`${lang}/`, `${lang}/enhanced/`, `${lang}/smtp/553/`, `${lang}/enhanced/X.1.2-vs-X.1.10/`]).concat(['']))(
    '/%s, with the finder shown, has no serious or critical axe violation',
    async (page) => {
      const violations = await site.visit(page, {}, async (tab) => {
        await tab.addScriptTag({ path: AXE });
        const results = await tab.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run());
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      });
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    },
  );
});
