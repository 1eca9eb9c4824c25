import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, readManifest, writeMarker, type Manifest } from '../../src/write/ownership.js';

const manifest = (files: Record<string, string>): Manifest => ({ tool: 'code-compare', version: 1, inputs: 'i', build: 'b', files });

function folders(): { a: string; b: string; c: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'marker-reads-'));
  const [a, b, c] = ['out', 'kept', 'other'].map((name) => path.join(root, name));
  for (const dir of [a!, b!, c!]) mkdirSync(dir);
  return { a: a!, b: b!, c: c! };
}

describe('manifests read by a build', () => {
  it('are parsed once for two folders holding the same bytes, and each folder is still checked on its own', async () => {
    const { a, b, c } = folders();
    await writeMarker(a, manifest({ 'en/index.html': 'h1', 'en/x/index.html': 'h2' }));
    cpSync(path.join(a, MARKER), path.join(b, MARKER));
    writeFileSync(path.join(c, MARKER), readFileSync(path.join(a, MARKER), 'utf8').replace('"h2"', '"h3"'));

    const [fromA, fromB, fromC] = [await readManifest(a), await readManifest(b), await readManifest(c)];
    expect(fromA?.files['en/x/index.html']).toBe('h2');
    // The kept copy's read is the output's: nothing parsed again.
    expect(fromB).toBe(fromA);
    expect(fromC?.files['en/x/index.html']).toBe('h3');
    expect(fromC).not.toBe(fromA);
  });

  it('see a marker changed on disk, and one that is not a manifest stays refused however it was reached', async () => {
    const { a, b } = folders();
    await writeMarker(a, manifest({ 'en/index.html': 'h1' }));
    expect(await readManifest(a)).toBeDefined();
    writeFileSync(path.join(a, MARKER), JSON.stringify({ tool: 'code-compare', version: 1, inputs: 'i', build: 'b', files: { '../escape': 'h' } }));
    cpSync(path.join(a, MARKER), path.join(b, MARKER));
    expect(await readManifest(a)).toBeUndefined();
    expect(await readManifest(b)).toBeUndefined();
  });
});
