import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const scheme of ['light','dark']) for (const lang of ['en','vi','ar']) for (const p of ['smtp/553/','smtp/235-vs-553/','smtp/']) {
  const ctx = await browser.newContext({ colorScheme: scheme, viewport: {width: 1280, height: 800} });
  const page = await ctx.newPage();
  await page.goto(`file:///tmp/ccx/${lang}/${p}index.html`);
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const r = await page.evaluate(() => axe.run());
  const v = r.violations.map(v => `${v.id}/${v.impact}×${v.nodes.length}`);
  if (v.length) console.log(scheme, lang, p, v.join(' '));
  await ctx.close();
}
console.log('done');
await browser.close();
