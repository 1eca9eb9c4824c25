import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserTest, launchBrowser, requireBrowser } from '../support/browser.js';
import { dashboardSite } from '../support/dashboard.js';
import { buildSite, run } from '../support/site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResults {
  violations: Array<{ id: string; impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null; nodes: Array<{ target: string[] }> }>;
}

requireBrowser();

browserTest('the translation dashboard in chromium, opened from file://', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    // A project with stale and missing translations and a Hebrew locale, built to ROOT/dist, where
    // the dashboard in ROOT/translation-status links by default.
    const root = await dashboardSite('Start <script>window.injected = true</script> page');
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    const written = await run('status', '--root', root, '--html', path.join(root, 'translation-status'));
    expect(written.code, written.stderr).toBe(0);
    url = pathToFileURL(path.join(root, 'translation-status/index.html')).href;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the dashboard in a new context, counting every request that is not for a local file. */
  async function visit<T>(check: (tab: Page, requests: string[]) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    try {
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      return await check(tab, requests);
    } finally {
      await context.close();
    }
  }

  async function seriousViolations(tab: Page): Promise<string[]> {
    await tab.addScriptTag({ path: AXE });
    const results = await tab.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('has no serious or critical axe violation, with the missing lists folded and unfolded', async () => {
    await visit(async (tab) => {
      expect(await seriousViolations(tab)).toEqual([]);
      await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await tab.locator('details[open] li.entry').count()).toBeGreaterThan(100);
      expect(await seriousViolations(tab)).toEqual([]);
    });
  });

  it('loads nothing from the network and runs no script from the project', async () => {
    await visit(async (tab, requests) => {
      expect(requests).toEqual([]);
      expect(await tab.evaluate(() => (globalThis as { injected?: boolean }).injected)).toBeUndefined();
      await expect.poll(() => tab.locator('section[data-tag="nl"] li[data-id="site.home"] ins').textContent()).toBe('Start <script>window.injected = true</script> page');
    });
  });

  it('links a stale translation to its page of the built site', async () => {
    await visit(async (tab) => {
      const link = tab.locator('section[data-tag="nl"] li[data-id="smtp/550"] .pages a').first();
      await Promise.all([tab.waitForURL(/\/dist\/nl\/smtp\/550\/index\.html$/), link.click()]);
      expect(await tab.locator('html').getAttribute('lang')).toBe('nl');
      expect(await tab.locator('h1').textContent()).toContain('550');
    });
  });
});
