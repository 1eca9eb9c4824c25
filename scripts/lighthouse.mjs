// Lighthouse (mobile settings) on a code page, a comparison page and a family index in English,
// Vietnamese and Arabic, in Debian's chromium:
//   npm run lighthouse                          builds the bundled project for the local address first
//   node scripts/lighthouse.mjs DIST --port N   an output built with --base-url http://127.0.0.1:N/
// Prints the four category scores per page, writes the JSON and HTML reports to
// test-artifacts/lighthouse/, and exits 1 below 100 for accessibility, best practices and SEO or
// below 95 for performance.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveFile } from '../lib/serve/static.js';

const PAGES = ['smtp/550', 'smtp/550-vs-553', 'smtp'];
const LANGUAGES = ['en', 'vi', 'ar'];
const MINIMUM = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const REPORTS = 'test-artifacts/lighthouse';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function usage(message) {
  console.error(`${message}\nusage: node scripts/lighthouse.mjs [DIST --port N]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const givenPort = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : undefined;
let dist = args[0];
if (dist && !Number.isInteger(givenPort)) usage('a DIST needs the --port its --base-url names');

const started = performance.now();
let temporary;
const server = createServer((request, response) => {
  serveFile(dist, request, response).catch(() => {
    response.statusCode = 500;
    response.end();
  });
});
await new Promise((resolve) => server.listen(givenPort ?? 0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// The canonical URL must be on the served host: Lighthouse fails a canonical that points elsewhere.
if (!dist) {
  temporary = mkdtempSync(path.join(tmpdir(), 'code-compare-lighthouse-'));
  dist = path.join(temporary, 'dist');
  const built = spawnSync(process.execPath, ['bin/code-compare.js', 'build', '--out', dist, '--base-url', origin], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
dist = path.resolve(dist);

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
mkdirSync(REPORTS, { recursive: true });
const rows = [];
let failures = 0;
try {
  for (const lang of LANGUAGES) {
    for (const page of PAGES) {
      const url = `${origin}${lang}/${page}/`;
      // The default configuration is Lighthouse's mobile one: a phone's screen, CPU slowed 4×, a slow 4G network (simulated).
      const result = await lighthouse(url, { port: chrome.port, output: ['json', 'html'], logLevel: 'error' });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr, report } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const name = `${lang}-${page.replaceAll('/', '_')}`;
      writeFileSync(path.join(REPORTS, `${name}.json`), report[0]);
      writeFileSync(path.join(REPORTS, `${name}.html`), report[1]);
      const scores = Object.fromEntries(Object.keys(MINIMUM).map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
      const low = Object.keys(MINIMUM).filter((id) => scores[id] < MINIMUM[id]);
      rows.push({ page: `${lang}/${page}/`, ...scores, low });
      for (const id of low) {
        failures++;
        const failed = lhr.categories[id].auditRefs.map((ref) => lhr.audits[ref.id]).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative');
        for (const audit of failed) console.error(`${lang}/${page}/: ${id}: ${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}

const header = ['page', ...Object.keys(MINIMUM)];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(Object.values(r)[i]).length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line([row.page, ...Object.keys(MINIMUM).map((id) => row[id])]) + (row.low.length ? `  below: ${row.low.join(', ')}` : ''));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`lighthouse: ${rows.length} pages, ${failures} scores below the minimum (performance ${MINIMUM.performance}, others 100), ${seconds} s; reports in ${REPORTS}/`);
process.exitCode = failures ? 1 : 0;
