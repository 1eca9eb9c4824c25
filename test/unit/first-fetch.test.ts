import { describe, expect, it } from 'vitest';
import { FirstFetch } from '../../src/serve/first-fetch.js';

const settled = async (promise: Promise<void>, withinMs: number) => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs))]);

describe('waiting for the page a preview wrote first', () => {
  it('ends when that page is served, not another', async () => {
    const fetches = new FirstFetch();
    expect(fetches.waiting).toBe(false);
    const waiting = fetches.wait(new Set(['en/smtp/550/index.html']), 10_000);
    expect(fetches.waiting).toBe(true);
    fetches.served('en/smtp/553/index.html');
    expect(await settled(waiting, 50)).toBe(false);
    fetches.served('en/smtp/550/index.html');
    expect(await settled(waiting, 50)).toBe(true);
    expect(fetches.waiting).toBe(false);
  });

  it('ends after its time when no reader asks, and at once when no page was written first', async () => {
    const fetches = new FirstFetch();
    const started = performance.now();
    await fetches.wait(new Set(['vi/smtp/550/index.html']), 60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(await settled(fetches.wait(new Set(), 10_000), 20)).toBe(true);
  });

  it('ends a wait still running when the next update starts waiting', async () => {
    const fetches = new FirstFetch();
    const first = fetches.wait(new Set(['en/index.html']), 10_000);
    const second = fetches.wait(new Set(['vi/index.html']), 10_000);
    expect(await settled(first, 50)).toBe(true);
    fetches.served('en/index.html');
    expect(await settled(second, 50)).toBe(false);
    fetches.served('vi/index.html');
    expect(await settled(second, 50)).toBe(true);
  });
});
