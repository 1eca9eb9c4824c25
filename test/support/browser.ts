import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/**
 * Browser tests drive Debian's chromium (apt-get install chromium). Where it is missing they are
 * skipped with a one-line reason, except under CI=true, where a missing browser fails the run.
 * CHROMIUM_PATH may point at another chromium build for local runs.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const UNDER_CI = process.env.CI === 'true';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const HAVE_CHROMIUM = executable(CHROMIUM);

/** Why the browser tests do not run here, or undefined when they do. */
export const SKIP_REASON = HAVE_CHROMIUM
  ? undefined
  : `browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`;

if (SKIP_REASON && !UNDER_CI) console.warn(SKIP_REASON);

/** `describe` for tests that need the browser: skipped where chromium is missing. */
export const browserTest = describe.skipIf(!HAVE_CHROMIUM);

/**
 * Registers the test that stands for the browser itself: it fails under CI=true when chromium is
 * missing (so a CI run cannot pass with every browser test silently skipped), and is skipped with
 * the reason elsewhere.
 */
export function requireBrowser(): void {
  it('has a chromium to drive (required under CI=true)', (context) => {
    if (!HAVE_CHROMIUM && !UNDER_CI) context.skip(SKIP_REASON);
    expect(HAVE_CHROMIUM, `CI=true but there is no executable chromium at ${CHROMIUM}: install it (apt-get install chromium) or run .ci/run`).toBe(true);
  });
}

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch options: Debian chromium, headless. `launch` (unlike `launchPersistentContext`) always
 * starts chromium on a fresh temporary profile (--user-data-dir) that it deletes on close.
 */
export function launchOptions(): LaunchOptions {
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}
