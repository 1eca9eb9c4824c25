import { chromium } from 'playwright-core';
const [dist, out, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const spec of pages) {
  const [page, width] = spec.split('@');
  const p = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await p.goto(`file://${dist}/${page}/index.html`);
  const name = `${out}/${page.replaceAll('/', '_')}-${width}.png`;
  await p.screenshot({ path: name, fullPage: true });
  console.log(name);
  await p.close();
}
await browser.close();
