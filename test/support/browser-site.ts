import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer, type StaticServer } from './server.js';

/** A built output served on 127.0.0.1 and a chromium to open its pages in. */
export interface SiteInBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The address of a page path under the server root: 'vi/smtp/550/'. */
  url(page: string): string;
  /** Runs `check` in a tab of a new context (1280×800 unless `options` say otherwise), then closes the context. */
  withTab<T>(options: BrowserContextOptions, check: (tab: Page) => Promise<T>): Promise<T>;
  /** Opens `page` in a new context, expects status 200, runs `check`, closes the context. */
  visit<T>(page: string, options: BrowserContextOptions, check: (tab: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openInBrowser(dist: string): Promise<SiteInBrowser> {
  const server = await startServer(dist);
  const browser = await launchBrowser();
  const url = (page: string) => new URL(page, server.url).href;
  async function withTab<T>(options: BrowserContextOptions, check: (tab: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    try {
      return await check(await context.newPage());
    } finally {
      await context.close();
    }
  }
  return {
    browser,
    server,
    url,
    withTab,
    visit: (page, options, check) =>
      withTab(options, async (tab) => {
        const response = await tab.goto(url(page), { waitUntil: 'load' });
        expect(response?.status(), `GET /${page}`).toBe(200);
        return check(tab);
      }),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** How wide the open page is against its viewport, and the outermost elements that stick out of it. */
export function sidewaysOverflow(tab: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return tab.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)))
      .slice(0, 5)
      .map((el) => {
        const box = el.getBoundingClientRect();
        const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className ? `.${String(el.className).split(' ').join('.')}` : '');
        return `${name} [${Math.round(box.left)}..${Math.round(box.right)}]`;
      });
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}
