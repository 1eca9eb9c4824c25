import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeDir, relativeFile } from '../../src/render/links.js';

describe('relative links between pages', () => {
  it.each([
    ['vi/smtp/235-vs-553', 'vi/smtp/235'],
    ['vi/smtp/235-vs-553', 'en/smtp/235-vs-553'],
    ['vi/smtp/235-vs-553', 'vi/smtp/235-vs-553'],
    ['vi/smtp', 'vi'],
    ['vi', 'vi/smtp/553'],
    ['', 'vi'],
    ['vi/smtp/553', ''],
    ['pt-br/smtp', 'pt-br/http/404'],
    ['vi/smtp/55', 'vi/smtp/553'],
    ['vi/smtp/553', 'vi/smtp/55'],
    ['vi/smtp/553', 'vi/smtp/553-vs-554'],
    ['vi', 'vie/smtp'],
    ['en', 'en'],
    ['a/b/c', 'a'],
    ['a', 'a/b/c'],
  ])('from %j to %j agrees with path.posix.relative', (from, to) => {
    const expected = path.posix.relative(from, to);
    expect(relativeDir(from, to)).toBe(expected === '' ? './' : `${expected}/`);
    expect(relativeFile(from, `${to}/index.html`.replace(/^\//, ''))).toBe(path.posix.relative(from, `${to}/index.html`.replace(/^\//, '')));
  });
});
