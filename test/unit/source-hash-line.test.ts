import { describe, expect, it } from 'vitest';
import { setSourceHash } from '../../src/i18n/source-hash-line.js';
import { wordDiff } from '../../src/cli/word-diff.js';

const HASH = '0123456789abcdef';

describe('setSourceHash', () => {
  it.each([
    ['a double-quoted value', '---\nsource_hash: "ffffffffffffffff"\ntitle: A\n---\nbody\n', `---\nsource_hash: "${HASH}"\ntitle: A\n---\nbody\n`],
    ['a single-quoted value', "---\ntitle: A\nsource_hash: 'ffffffffffffffff'\n---\n", `---\ntitle: A\nsource_hash: '${HASH}'\n---\n`],
    ['a plain value, which is quoted', '---\nsource_hash: 12e3\n---\n', `---\nsource_hash: "${HASH}"\n---\n`],
    ['an empty value', '---\nsource_hash:\ntitle: A\n---\n', `---\nsource_hash: "${HASH}"\ntitle: A\n---\n`],
    ['a comment after the value', '---\nsource_hash:  "ffffffffffffffff"   # checked\n---\n', `---\nsource_hash:  "${HASH}"   # checked\n---\n`],
    ['a BOM and CRLF line ends', '\ufeff---\r\nsource_hash: "ffffffffffffffff"\r\ntitle: A\r\n---\r\n', `\ufeff---\r\nsource_hash: "${HASH}"\r\ntitle: A\r\n---\r\n`],
    ['no source_hash: a line is added first', '---\r\ntitle: A\r\n---\r\n', `---\r\nsource_hash: "${HASH}"\r\ntitle: A\r\n---\r\n`],
    ['source_hash only in the body', '---\ntitle: A\n---\nsource_hash: x\n', `---\nsource_hash: "${HASH}"\ntitle: A\n---\nsource_hash: x\n`],
  ])('sets %s, changing nothing else', (_name, before, after) => {
    expect(setSourceHash(before, HASH)).toBe(after);
  });

  it.each([
    ['no front matter', 'title: A\n'],
    ['front matter that is never closed', '---\ntitle: A\n'],
    ['two source_hash lines', '---\nsource_hash: a\nsource_hash: b\n---\n'],
    ['a value that goes on after the hash', '---\nsource_hash: "a" "b"\n---\n'],
  ])('refuses %s', (_name, text) => {
    expect(setSourceHash(text, HASH)).toBeUndefined();
  });
});

describe('wordDiff', () => {
  it('marks removed and added words as git --word-diff=plain does', () => {
    expect(wordDiff('Home', 'Start page')).toBe('[-Home-]{+Start page+}');
    expect(wordDiff(undefined, 'New')).toBe('{+New+}');
    expect(wordDiff('Old', undefined)).toBe('[-Old-]');
  });

  it('shortens long unchanged stretches to the words around each change', () => {
    const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    const diff = wordDiff(`${words(0, 40)} old ${words(40, 80)}`, `${words(0, 40)} new ${words(40, 80)}`);
    expect(diff).toBe(`…${words(34, 40)} [-old-]{+new+} ${words(40, 46)}…`);
  });
});
