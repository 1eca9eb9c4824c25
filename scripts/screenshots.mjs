// Screenshots of built pages in Debian's chromium, to look at them as readers do:
//   node scripts/screenshots.mjs DIST OUTDIR ja/smtp/421@390 ar/smtp/550-vs-553@1280[@SCROLL] ...
// Each argument is a page folder under DIST, a viewport width and, optionally, a scroll offset.
import { chromium } from 'playwright-core';

const [dist, out, ...pages] = process.argv.slice(2);
if (!dist || !out || pages.length === 0) {
  console.error('usage: node scripts/screenshots.mjs DIST OUTDIR PAGE@WIDTH[@SCROLL] ...');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const spec of pages) {
    const [page, width, scroll = '0'] = spec.split('@');
    const tab = await browser.newPage({ viewport: { width: Number(width), height: 844 } });
    await tab.goto(`file://${dist}/${page}/index.html`);
    await tab.evaluate((y) => window.scrollTo(0, y), Number(scroll));
    const name = `${out}/${page.replaceAll('/', '_')}-${width}-${scroll}.png`;
    await tab.screenshot({ path: name });
    console.log(name);
    await tab.close();
  }
} finally {
  await browser.close();
}
