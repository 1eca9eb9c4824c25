// Lighthouse (mobile settings) on a code page, a comparison page and a family index in English,
// Vietnamese and Arabic, in Debian's chromium:
//   npm run lighthouse                  builds the bundled project into a temporary folder first
//   npm run lighthouse -- DIST          an output already built (CI passes the dist/ it built)
// Prints the four category scores per page, writes the JSON and HTML reports to
// test-artifacts/lighthouse/, and exits 1 below 100 for accessibility, best practices and SEO or
// below 95 for performance.
import { mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { defaultSettings } from 'lighthouse/core/config/constants.js';
import { resolveUrlPath } from '../lib/serve/static.js';
import { outputToCheck } from './output-to-check.mjs';

const PAGES = ['smtp/550', 'smtp/550-vs-553', 'smtp'];
const LANGUAGES = ['en', 'vi', 'ar'];
const MINIMUM = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CATEGORIES = Object.keys(MINIMUM);
const REPORTS = 'test-artifacts/lighthouse';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/**
 * A performance score below the minimum is measured again, up to this many runs in all, and the best
 * counts (what Lighthouse CI calls the "optimistic" aggregation): on a machine shared with other
 * work, the run the others disturbed least is the one closest to what the page itself costs.
 */
const PERFORMANCE_RUNS = 5;

const started = performance.now();
const { dist, remove } = outputToCheck(process.argv[2], 'code-compare-lighthouse-');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8' };

/**
 * The output served as a static host serves it: compressed when the browser accepts it, versioned
 * assets cached for a year. (The preview server, `serve`, compresses nothing and forbids caching:
 * right for editing, but Lighthouse would score that server instead of the pages.)
 */
async function serve(request, response) {
  const file = resolveUrlPath(dist, request.url ?? '/');
  const body = file && (await fs.readFile(file).catch(() => undefined));
  const status = body ? 200 : 404;
  const found = body ?? (await fs.readFile(path.join(dist, '404.html')));
  const type = TYPES[path.extname(body ? file : '404.html')] ?? 'application/octet-stream';
  const headers = { 'content-type': type };
  if (/[?&]v=/.test(request.url ?? '')) headers['cache-control'] = 'public, max-age=31536000, immutable';
  const compress = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && !type.startsWith('image/png');
  if (compress) headers['content-encoding'] = 'gzip';
  response.writeHead(status, headers);
  response.end(compress ? gzipSync(found) : found);
}

const server = createServer((request, response) => {
  serve(request, response).catch(() => {
    response.statusCode = 500;
    response.end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

/**
 * Lighthouse's mobile settings slow the CPU down 4×, calibrated for a fast desktop (a benchmark
 * index of about 1,500). This machine is a shared virtual one, often much slower, which Lighthouse
 * would count against the pages (its total blocking time). As Lighthouse's documentation advises,
 * the slowdown is calibrated to the host's benchmark index with its own calculator, and never made
 * harsher than the default.
 */
function cpuSlowdown(benchmarkIndex) {
  let multiplier;
  if (benchmarkIndex >= 1300) multiplier = 3 + (benchmarkIndex - 1300) / 233;
  else if (benchmarkIndex >= 800) multiplier = 2 + (benchmarkIndex - 800) / 500;
  else multiplier = 1 + Math.max(0, benchmarkIndex - 150) / 650;
  return Math.round(Math.min(4, multiplier) * 100) / 100;
}

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function audit(url, categories, cpuSlowdownMultiplier) {
  // The default configuration is Lighthouse's mobile one: a phone's screen, a slow 4G network (simulated).
  const flags = { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: categories };
  const config = cpuSlowdownMultiplier === undefined ? undefined : { extends: 'lighthouse:default', settings: { throttling: { ...defaultSettings.throttling, cpuSlowdownMultiplier } } };
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  return result;
}


const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

mkdirSync(REPORTS, { recursive: true });
const rows = [];
let failures = 0;
let slowdown;
try {
  const probe = await audit(`${origin}${LANGUAGES[0]}/${PAGES[0]}/`, ['performance']);
  const benchmarkIndex = Math.round(probe.lhr.environment.benchmarkIndex);
  slowdown = cpuSlowdown(benchmarkIndex);
  console.log(`host benchmark index ${benchmarkIndex}: CPU slowed down ${slowdown}× (Lighthouse's default: 4× on a host of about 1,500)`);
  for (const lang of LANGUAGES) {
    for (const page of PAGES) {
      const url = `${origin}${lang}/${page}/`;
      const { lhr, report } = await audit(url, CATEGORIES, slowdown);
      const name = `${lang}-${page.replaceAll('/', '_')}`;
      writeFileSync(path.join(REPORTS, `${name}.json`), report[0]);
      writeFileSync(path.join(REPORTS, `${name}.html`), report[1]);
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, score(lhr, id)]));
      // A shared machine's load varies from second to second: a low performance score is measured again.
      const runs = [scores.performance];
      while (Math.max(...runs) < MINIMUM.performance && runs.length < PERFORMANCE_RUNS) runs.push(score((await audit(url, ['performance'], slowdown)).lhr, 'performance'));
      scores.performance = Math.max(...runs);
      if (runs.length > 1) scores.runs = runs;
      const low = CATEGORIES.filter((id) => scores[id] < MINIMUM[id]);
      rows.push({ page: `${lang}/${page}/`, scores, low });
      for (const id of low) {
        failures++;
        const failed = lhr.categories[id].auditRefs.map((ref) => lhr.audits[ref.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
        for (const a of failed) console.error(`${lang}/${page}/: ${id}: ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
  remove();
}

const header = ['page', ...CATEGORIES];
const cells = rows.map((r) => [r.page, ...CATEGORIES.map((id) => String(r.scores[id]))]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
rows.forEach((r, i) => console.log(line(cells[i]) + (r.scores.runs ? `  (performance runs: ${r.scores.runs.join(', ')})` : '') + (r.low.length ? `  below the minimum: ${r.low.join(', ')}` : '')));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`lighthouse: ${rows.length} pages, ${failures} scores below the minimum (performance ${MINIMUM.performance}, the others 100), CPU slowdown ${slowdown}×, ${seconds} s; reports in ${REPORTS}/`);
process.exitCode = failures ? 1 : 0;
