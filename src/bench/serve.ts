import { spawn } from 'node:child_process';
import http from 'node:http';

/** A change a writer saves while a reader has a page of it open in the preview. */
export interface PreviewEdit {
  /** The open page, as a path from the site's root (`/en/smtp/550/`). */
  readonly page: string;
  /** Saves the change: a source file edited so that the page shows `marker`. */
  readonly save: (marker: string) => void;
}

/**
 * The preview's round trip as a reader sees it: from saving a file to the open page, fetched again
 * after the server said to reload, showing the change. One time per edit, in seconds.
 */
export async function serveRoundTrips(cli: string, root: string, edits: readonly PreviewEdit[]): Promise<number[]> {
  const child = spawn(process.execPath, [cli, 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // Read what it says on stderr (warnings), or it stops writing, and working, once the pipe is full.
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const base = await waitFor(() => /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1], child, 600_000, () => `${stdout}${stderr}`);
    const times: number[] = [];
    for (const [index, edit] of edits.entries()) {
      const page = `${base}${edit.page.replace(/^\//, '')}`;
      const marker = `Edited for the round trip ${index}.`;
      const reloads = await openEvents(`${base}__code-compare/events?page=${encodeURIComponent(edit.page)}`);
      const started = performance.now();
      edit.save(marker);
      const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no reload of ${page} within 60 s of the edit\n${stdout}${stderr}`)), 60_000).unref());
      await Promise.race([reloads.reload, late]);
      const html = await getText(page);
      if (!html.includes(marker)) throw new Error(`the page ${page} did not show the change after the reload`);
      times.push((performance.now() - started) / 1000);
      reloads.close();
      // Let the rest of the update finish before the next edit.
      await waitFor(() => (stdout.split('\n').filter((l) => l.startsWith('change ')).length > index ? true : undefined), child, 20_000, () => `${stdout}${stderr}`);
    }
    return times;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function waitFor<T>(probe: () => T | undefined, child: ReturnType<typeof spawn>, timeout: number, said: () => string): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until || child.exitCode !== null) throw new Error(`the preview server did not answer; it said:\n${said()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

/** An event stream of one open page; `reload` settles when the server tells it to reload. */
function openEvents(url: string): Promise<{ reload: Promise<void>; close: () => void }> {
  return new Promise((resolveOpen, rejectOpen) => {
    let resolveReload: () => void = () => undefined;
    const reload = new Promise<void>((resolve) => (resolveReload = resolve));
    const request = http.get(url, { agent: false }, (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        if (/^event: state$/m.test(buffer)) resolveOpen({ reload, close: () => request.destroy() });
        if (/^event: reload$/m.test(buffer)) resolveReload();
      });
    });
    request.on('error', rejectOpen);
  });
}
