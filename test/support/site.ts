import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures');

const made: string[] = [];
afterAll(() => {
  // A build leaves its trash to a process of its own (src/write/trash.ts), which may still be removing files.
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

export interface SiteOptions {
  /** Fixture folder under test/fixtures to copy, if any. */
  readonly fixture?: string;
  /** Paths of the project to copy in when the fixture lacks them (templates, locales/en.json, …). */
  readonly fromProject?: readonly string[];
  /** Extra files to write: relative path → content (string or bytes). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
}

/** A temporary folder, removed when the test file's tests are done. */
export function makeTempDir(prefix = 'code-compare-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temporary project root: a fixture plus the project's own templates and English labels. */
export function makeSite(options: SiteOptions = {}): string {
  const root = makeTempDir();
  if (options.fixture) cpSync(path.join(FIXTURES, options.fixture), root, { recursive: true });
  for (const item of options.fromProject ?? ['templates', 'locales/en.json']) {
    const target = path.join(root, item);
    if (!existsSync(target)) cpSync(path.join(REPO, item), target, { recursive: true });
  }
  for (const [file, content] of Object.entries(options.files ?? {})) writeProjectFile(root, file, content);
  return root;
}

export function writeProjectFile(root: string, file: string, content: string | Uint8Array): void {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process and captures what it prints. */
export async function run(...argv: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export const BASE = 'https://codes.example.com/docs/';

export async function buildSite(root: string, ...extra: string[]): Promise<RunResult & { dist: string }> {
  const dist = path.join(root, 'dist');
  const result = await run('build', '--root', root, '--base-url', BASE, '--jobs', '1', ...extra);
  return { ...result, dist };
}

export function readPage(dist: string, file: string): HTMLElement {
  return parse(readFileSync(path.join(dist, file), 'utf8'));
}

export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
