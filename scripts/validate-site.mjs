// Validates every page of a built site with html-validate:recommended (the test suite checks a
// sample of the bundled site; this checks all of it), in one worker thread per core:
//   npm run validate-site            builds the bundled project into a temporary folder first
//   npm run validate-site -- DIST    validates an existing output folder
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { HtmlValidate } from 'html-validate';
import { outputToCheck } from './output-to-check.mjs';

/** The first findings printed; the rest are only counted. */
const SHOWN = 50;

/** In a worker: validates its share of the pages, returns the number of findings and the first ones. */
async function validateShare({ dist, files }) {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const lines = [];
  let problems = 0;
  for (const file of files) {
    const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems++;
        if (lines.length < SHOWN) lines.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
      }
    }
  }
  return { problems, lines };
}

async function main() {
  const started = performance.now();
  const { dist, remove } = outputToCheck(process.argv[2], 'code-compare-validate-');
  try {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
    const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(pages.length / 200)));
    // Every thread-th page, so that each thread gets every kind of page and language.
    const shares = Array.from({ length: threads }, (_, t) => pages.filter((_, i) => i % threads === t));
    const results = await Promise.all(
      shares.map(
        (files) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { dist, files } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    const problems = results.reduce((sum, r) => sum + r.problems, 0);
    for (const line of results.flatMap((r) => r.lines).sort().slice(0, SHOWN)) console.log(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`validated ${pages.length.toLocaleString('en-US')} pages in ${threads} thread${threads === 1 ? "" : "s"}: ${problems.toLocaleString('en-US')} problems, ${seconds} s`);
    process.exitCode = problems ? 1 : 0;
  } finally {
    remove();
  }
}

if (isMainThread) await main();
else parentPort.postMessage(await validateShare(workerData));
