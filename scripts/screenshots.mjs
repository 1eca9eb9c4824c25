// Screenshots of built pages in Debian's chromium, to look at them as readers do:
//   node scripts/screenshots.mjs DIST OUTDIR ja/smtp/421@390 ar/smtp/550-vs-553@1280[@SCROLL] ...
//   node scripts/screenshots.mjs --search "hop thu" DIST OUTDIR vi@390 vi@1280
// Each argument is a page folder under DIST, a viewport width and, optionally, a scroll offset.
// Pages are served over http from 127.0.0.1, as a static host would (the search index cannot be
// fetched from file://). With --search TEXT, TEXT is typed into the page's search box and the
// screenshot taken once the results are shown.
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveFile } from '../lib/serve/static.js';

const args = process.argv.slice(2);
const searchAt = args.indexOf('--search');
const query = searchAt >= 0 ? args.splice(searchAt, 2)[1] : undefined;
const [dist, out, ...pages] = args;
if (!dist || !out || pages.length === 0 || (searchAt >= 0 && !query)) {
  console.error('usage: node scripts/screenshots.mjs [--search TEXT] DIST OUTDIR PAGE@WIDTH[@SCROLL] ...');
  process.exit(2);
}
const root = path.resolve(dist);
const server = createServer((request, response) => {
  serveFile(root, request, response).catch((error) => {
    response.writeHead(500);
    response.end(String(error));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const spec of pages) {
    const [page, width, scroll = '0'] = spec.split('@');
    const tab = await browser.newPage({ viewport: { width: Number(width), height: 844 } });
    await tab.goto(`${base}${page}/`);
    await tab.evaluate((y) => window.scrollTo(0, y), Number(scroll));
    let name = `${out}/${page.replaceAll('/', '_')}-${width}-${scroll}.png`;
    if (query) {
      await tab.fill('#search-input', query);
      await tab.waitForSelector('.search-list li', { timeout: 15000 });
      name = name.replace(/\.png$/, `-search-${query.replace(/[^\p{L}\p{N}]+/gu, '_')}.png`);
    }
    await tab.screenshot({ path: name });
    console.log(name);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
