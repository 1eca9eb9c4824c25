import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, requireBrowser } from '../support/browser.js';
import { openInBrowser, sidewaysOverflow, type SiteInBrowser } from '../support/browser-site.js';
import { REPO, run } from '../support/site.js';

const LANGS = ['en', 'vi', 'ar'] as const;
type Lang = (typeof LANGS)[number];
const FAMILY = 'smtp';
const CODE = '553';
const PAIR = '235-vs-553';
const ARTIFACTS = path.join(REPO, 'test-artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The three kinds of page the browser tests look at, as paths under a language folder. */
const PAGES = {
  code: `${FAMILY}/${CODE}/`,
  comparison: `${FAMILY}/${PAIR}/`,
  'family index': `${FAMILY}/`,
} as const;
const PAGE_CASES = LANGS.flatMap((lang) =>
  Object.entries(PAGES).map(([kind, page]) => ({ lang, kind, page: `${lang}/${page}` })),
);

requireBrowser();

browserTest('the built site in chromium', () => {
  let work: string;
  let site: SiteInBrowser;

  beforeAll(async () => {
    // The real project data, three languages, one family: built once, served at the server root.
    // The base URL only feeds canonical/hreflang; every link between pages is relative.
    work = mkdtempSync(path.join(tmpdir(), 'code-compare-browser-'));
    const dist = path.join(work, 'dist');
    const built = await run(
      'build', '--root', REPO, '--out', dist, '--lang', LANGS.join(','), '--family', FAMILY,
      '--base-url', 'https://codes.example.com/', '--jobs', '1', // render workers cannot load TS sources under vitest
    );
    expect(built.code, built.stderr).toBe(0);
    site = await openInBrowser(dist);
  });

  afterAll(async () => {
    await site?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('serves directories as index.html and unknown paths as 404.html with status 404', async () => {
    await site.withTab({}, async (tab) => {
      const response = await tab.goto(site.url('en/no-such-page/'));
      expect(response?.status()).toBe(404);
      await expect.poll(() => tab.locator('h1').textContent()).toBe('Page not found');
      // The 404 page links its stylesheet from the root: it must have loaded.
      const styled = await tab.evaluate(() => getComputedStyle(document.body).margin);
      expect(styled).toBe('0px');
    });
  });

  it.each(PAGE_CASES)('$kind page in $lang ($page) has no serious or critical axe violation', async ({ page }) => {
    const violations = await site.visit(page, {}, async (tab) => {
      await tab.addScriptTag({ path: AXE });
      const results = await tab.evaluate(() => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
        return axe.run();
      });
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    });
    const report = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(violations, `axe violations on /${page}:\n${report.join('\n')}`).toEqual([]);
  });

  it('the language switcher leads to the same page in the chosen language', async () => {
    await site.visit(`en/${PAGES.comparison}`, {}, async (tab) => {
      const switcher = tab.locator('nav.languages');
      const vi = switcher.locator('a[hreflang="vi"]');
      await expect.poll(() => vi.isVisible()).toBe(false);
      await switcher.locator('summary').click();
      await expect.poll(() => vi.isVisible()).toBe(true);
      await Promise.all([tab.waitForURL(site.url(`vi/${PAGES.comparison}`)), vi.click()]);
      expect(tab.url()).toBe(site.url(`vi/${PAGES.comparison}`));
      expect(await tab.locator('html').getAttribute('lang')).toBe('vi');
      expect(await tab.locator('h1').textContent()).toContain('235');
    });
  });

  it('the language menu closes on Escape, giving focus back to its button, and on a click outside', async () => {
    await site.visit(`en/${PAGES.code}`, {}, async (tab) => {
      const menu = tab.locator('nav.languages details');
      const summary = menu.locator('summary');
      await summary.click();
      await expect.poll(() => menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await tab.keyboard.press('Escape');
      await expect.poll(() => menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await summary.click();
      await tab.locator('main h1').click();
      await expect.poll(() => menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    });
  });

  it('a transcript that scrolls sideways can be reached and scrolled by keyboard', async () => {
    await site.visit(`en/${PAGES.code}`, { viewport: { width: 390, height: 844 } }, async (tab) => {
      const pre = tab.locator('figure.transcript pre').first();
      expect(await pre.getAttribute('aria-label')).toBeTruthy();
      await pre.focus();
      expect(await pre.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await tab.keyboard.press('ArrowRight');
      await expect.poll(() => pre.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    });
  });

  it('in Arabic, "SMTP 553" in the heading and the breadcrumb chevrons read in the right order', async () => {
    await site.visit(`ar/${PAGES.code}`, {}, async (tab) => {
      // The Latin run stays whole: "SMTP" sits left of "553" on screen, as in English.
      const order = await tab.locator('h1').evaluate((h1) => {
        const range = document.createRange();
        const text = h1.firstChild as Text;
        const at = (word: string) => {
          const start = text.data.indexOf(word);
          range.setStart(text, start);
          range.setEnd(text, start + word.length);
          return range.getBoundingClientRect().left;
        };
        return { smtp: at('SMTP'), code: at('553'), right: h1.getBoundingClientRect().right, textRight: (() => { range.selectNodeContents(h1); return range.getBoundingClientRect().right; })() };
      });
      expect(order.smtp).toBeLessThan(order.code);
      // The heading starts at the right edge, as Arabic text does.
      expect(Math.abs(order.right - order.textRight)).toBeLessThan(2);
      // The chevron between crumbs is drawn pointing left (the mirrored glyph of "›"), once.
      const chevron = await tab.locator('.breadcrumbs li + li').first().evaluate((li) => getComputedStyle(li, '::before').content);
      expect(chevron).toBe('"›"');
    });
  });

  it.each(LANGS)('the filter box on the %s family index narrows the list as the reader types', async (lang) => {
    await site.visit(`${lang}/${FAMILY}/`, {}, async (tab) => {
      const input = tab.locator('input#filter');
      const status = tab.locator('.filter-status');
      const items = tab.locator('li[data-search]');
      const total = await items.count();
      expect(total).toBeGreaterThan(10);
      await expect.poll(() => input.isVisible()).toBe(true);
      expect(await visibleCount(tab)).toBe(total);

      // A code: only its own item is left, and only its class group.
      await input.pressSequentially(CODE);
      await expect.poll(() => visibleCodes(tab)).toEqual([CODE]);
      expect(await tab.locator('section.class-group:visible').count()).toBe(1);
      expect(((await status.textContent()) ?? '').trim()).toBe(await matchMessage(tab, lang, 1));

      // A word from the code's title, in the page language.
      const word = await titleWord(tab, CODE);
      const expected = await tab.evaluate(
        ([w, l]) => Array.from(document.querySelectorAll('li[data-search]'))
          .filter((li) => (li.getAttribute('data-search') ?? '').includes(w.toLocaleLowerCase(l)))
          .map((li) => li.querySelector('.code')?.textContent ?? ''),
        [word, lang] as const,
      );
      expect(expected, `"${word}" should match some codes but not all`).toContain(CODE);
      expect(expected.length).toBeLessThan(total);
      await input.fill('');
      await input.pressSequentially(word);
      await expect.poll(() => visibleCodes(tab)).toEqual(expected);
      expect(((await status.textContent()) ?? '').trim()).toBe(await matchMessage(tab, lang, expected.length));

      // Cleared: everything is back.
      await input.fill('');
      await expect.poll(() => visibleCount(tab)).toBe(total);
      expect(await tab.locator('section.class-group:visible').count()).toBe(await tab.locator('section.class-group').count());
    });
  });

  it('without JavaScript the family index shows the full list and no filter box', async () => {
    await site.visit(`en/${FAMILY}/`, { javaScriptEnabled: false }, async (tab) => {
      const total = await tab.locator('li[data-search]').count();
      expect(total).toBeGreaterThan(10);
      expect(await visibleCount(tab)).toBe(total);
      expect(await tab.locator('.filter').isVisible()).toBe(false);
      expect(await tab.locator('input#filter').isVisible()).toBe(false);
    });
  });

  it(`no page of ${PAGE_CASES.length} (every kind in en, vi and ar) scrolls sideways at 320 px`, async () => {
    // One tab for every page: a new browser context per page cost more than the check.
    await site.withTab({ viewport: { width: 320, height: 640 } }, async (tab) => {
      for (const { page } of PAGE_CASES) {
        await tab.goto(site.url(page), { waitUntil: 'load' });
        const result = await sidewaysOverflow(tab);
        expect(
          result.scrollWidth,
          `/${page} is ${result.scrollWidth}px wide in a ${result.clientWidth}px viewport; sticking out: ${result.culprits.join(', ')}`,
        ).toBeLessThanOrEqual(result.clientWidth);
      }
    });
  });

  it.each([390, 1280])('writes a full-page screenshot of the vi comparison page at %i px', async (width) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `vi-${FAMILY}-${PAIR}-${width}.png`);
    rmSync(file, { force: true });
    await site.visit(`vi/${PAGES.comparison}`, { viewport: { width, height: width < 600 ? 844 : 800 } }, async (tab) => {
      await tab.evaluate(() => document.fonts.ready);
      await tab.screenshot({ path: file, fullPage: true });
    });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('dark mode gives the page another background', async () => {
    const colours = async (scheme: 'light' | 'dark') =>
      site.visit(`en/${PAGES.comparison}`, { colorScheme: scheme }, (tab) =>
        tab.evaluate(() => {
          const style = getComputedStyle(document.body);
          return { background: style.backgroundColor, text: style.color };
        }),
      );
    const light = await colours('light');
    const dark = await colours('dark');
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
  });
});

interface AxeResults {
  violations: Array<{
    id: string;
    impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
    nodes: Array<{ target: string[] }>;
  }>;
}

function visibleCount(tab: Page): Promise<number> {
  return tab.locator('li[data-search]:visible').count();
}

function visibleCodes(tab: Page): Promise<string[]> {
  return tab.locator('li[data-search]:visible .code').allTextContents();
}

/** The longest word of a code's title as the index lists it (letters only). */
async function titleWord(tab: Page, code: string): Promise<string> {
  const title = await tab.evaluate((c) => {
    const item = Array.from(document.querySelectorAll('li[data-search]')).find((li) => li.querySelector('.code')?.textContent === c);
    const link = item?.querySelector('a')?.cloneNode(true) as HTMLElement | undefined;
    link?.querySelector('.code')?.remove();
    return link?.textContent ?? '';
  }, code);
  const words = title.split(/[^\p{L}\p{M}]+/u).filter(Boolean).sort((a, b) => b.length - a.length);
  expect(words.length, `title of ${code}: "${title}"`).toBeGreaterThan(0);
  return words[0]!;
}

/** "N codes match." as the language's label file words it, the number written as the browser writes it. */
async function matchMessage(tab: Page, lang: Lang, count: number): Promise<string> {
  const labels = JSON.parse(readFileSync(path.join(REPO, 'locales', `${lang}.json`), 'utf8')) as { family: Record<string, string> };
  const forms = labels.family;
  const category = new Intl.PluralRules(lang).select(count);
  const form = (count === 0 && forms.filterShown_zero) || forms[`filterShown_${category}`] || forms.filterShown_other;
  expect(form, `${lang}.json has no family.filterShown_* for ${count}`).toBeTruthy();
  const number = await tab.evaluate(([n, l]) => new Intl.NumberFormat(l).format(n), [count, lang] as const);
  return form!.replace(/\{\{\s*count\s*\}\}/g, number);
}
