import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCompareSite } from '../support/compare-site.js';
import { listFiles } from '../support/dist.js';
import { buildSite, makeTempDir } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';
import type { Mutation, ProjectFiles } from './mutations.js';

/** A diagnostic line as the contract prints it: `PATH:LINE:COL: error: message [rule]`. */
const DIAGNOSTIC = /^.+:\d+:\d+: (error|warning): .+ \[[a-z0-9-]+\]$/;
const FAILED = /^build failed: \d[\d,]* errors?, \d[\d,]* warnings?; .+ was left as it was$/;

const INPUTS = ['codes', 'locales'];

/** A built project to start every case from, and its files and output as they were. */
export interface Baseline {
  readonly root: string;
  readonly files: ProjectFiles;
}

export async function makeBaseline(): Promise<Baseline> {
  const root = makeCompareSite();
  const result = await buildSite(root);
  if (result.code !== 0) throw new Error(`the baseline does not build: ${result.stderr}`);
  const files: ProjectFiles = new Map();
  for (const dir of INPUTS) for (const file of listFiles(path.join(root, dir))) files.set(`${dir}/${file}`, readFileSync(path.join(root, dir, file)));
  return { root, files };
}

/** What one case broke; empty when the tool behaved. */
export async function runCase(baseline: Baseline, changes: readonly Mutation[]): Promise<string[]> {
  const root = makeTempDir('code-compare-fuzz-');
  // Not the baseline build's trash folder: a process of its own empties it meanwhile (see write/trash.ts).
  cpSync(baseline.root, root, { recursive: true, filter: (source) => !/\.trash-\d+(?:-[A-Za-z0-9]+)?$/.test(path.basename(source)) });
  const files: ProjectFiles = new Map(baseline.files);
  for (const change of changes) change.apply(files);
  for (const dir of INPUTS) rmSync(path.join(root, dir), { recursive: true, force: true });
  for (const [file, bytes] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), bytes);
  }
  const before = snapshot(path.join(root, 'dist'));
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  let result;
  try {
    result = await buildSite(root);
  } catch (error) {
    return [`threw: ${(error as Error).stack ?? String(error)}`];
  } finally {
    process.off('warning', onWarning);
  }
  const problems: string[] = warnings.map((w) => `process warning: ${w}`);
  if (result.code !== 0 && result.code !== 1) problems.push(`exit ${result.code}`);
  const lines = result.stderr.split('\n').filter(Boolean);
  for (const line of lines) if (!DIAGNOSTIC.test(line) && !FAILED.test(line)) problems.push(`stderr line not in the contract's format: ${line.slice(0, 300)}`);
  if (result.code === 1) {
    if (!lines.some((l) => / error: /.test(l))) problems.push('exit 1 without an error diagnostic');
    const after = snapshot(path.join(root, 'dist'));
    if (JSON.stringify(after) !== JSON.stringify(before)) problems.push('a failed build changed the previous output');
  }
  if (result.code === 0 && !existsSync(path.join(root, 'dist/index.html'))) problems.push('exit 0 without a home page');
  rmSync(root, { recursive: true, force: true });
  return problems;
}
