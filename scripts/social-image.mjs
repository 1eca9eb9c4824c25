// Draws templates/assets/social.png, the 1200×630 picture shown when a page is shared, in Debian's
// chromium: the favicon's two columns, large, beside the name. The build only copies the PNG.
//   node scripts/social-image.mjs [OUT.png]
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'templates/assets/social.png';
const page = `<!DOCTYPE html>
<html><head><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { display: flex; align-items: center; gap: 72px; padding: 0 96px; box-sizing: border-box;
         background: #0b4f9c; color: #fff; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
  h1 { font-size: 104px; line-height: 1.05; margin: 0; font-weight: 700; letter-spacing: -1px; }
</style></head><body>
<svg width="340" height="340" viewBox="0 0 32 32" aria-hidden="true">
  <rect width="32" height="32" rx="6" fill="#fff" fill-opacity="0.12"/>
  <path d="M6.5 11h6M6.5 16h6M6.5 21h6M19.5 11h6M19.5 16h6M19.5 21h6" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>
  <path d="M16 7v18" stroke="#9cc3ef" stroke-width="1.5"/>
</svg>
<h1>Code<br>Compare</h1>
</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await tab.setContent(page);
  await tab.screenshot({ path: out, type: 'png' });
  console.log(out);
} finally {
  await browser.close();
}
