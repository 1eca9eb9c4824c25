// Validates every page of a built site with html-validate:recommended (the test suite checks a
// sample of the bundled site; this checks all of it):
//   npm run validate-site            builds the bundled project into a temporary folder first
//   npm run validate-site -- DIST    validates an existing output folder
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';

const started = performance.now();
let dist = process.argv[2];
let temporary;
if (!dist) {
  temporary = mkdtempSync(path.join(tmpdir(), 'code-compare-validate-'));
  dist = path.join(temporary, 'dist');
  const built = spawnSync(process.execPath, ['bin/code-compare.js', 'build', '--out', dist], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
try {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  let problems = 0;
  for (const file of pages) {
    const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems++;
        if (problems <= 50) console.log(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`validated ${pages.length.toLocaleString('en-US')} pages: ${problems.toLocaleString('en-US')} problems, ${seconds} s`);
  process.exitCode = problems ? 1 : 0;
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
