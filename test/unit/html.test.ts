import { describe, expect, it } from 'vitest';
import { escapeHtml, inLanguage, interpolate, type Html } from '../../src/render/html.js';
import { isSafeLink, renderBlock, renderInline } from '../../src/render/markdown.js';

const h = (s: string) => s as Html;

describe('interpolate', () => {
  it('fills placeholders with ready markup and escapes the template text', () => {
    expect(interpolate('{{a}} & <{{b}}>', { a: h('<b>x</b>'), b: h('y') })).toBe('<b>x</b> &amp; &lt;y&gt;');
  });

  it('accepts spaces inside the braces, as i18next does', () => {
    expect(interpolate('{{ code }} vs {{other}}', { code: h('235'), other: h('553') })).toBe('235 vs 553');
  });

  it('leaves an unknown placeholder visible instead of dropping text', () => {
    expect(interpolate('Hello {{nmae}}', { name: h('x') })).toBe('Hello {{nmae}}');
  });

  it('fills each placeholder once, so a value that itself contains {{…}} is not expanded again', () => {
    expect(interpolate('{{a}}', { a: h('{{b}}'), b: h('NO') })).toBe('{{b}}');
  });
});

describe('inLanguage', () => {
  it('marks text in another language with lang and dir', () => {
    expect(inLanguage(h('Hello'), 'en', 'vi', 'ltr')).toBe('<span lang="en" dir="ltr">Hello</span>');
  });
  it('leaves text in the page language alone', () => {
    expect(inLanguage(h('Xin chào'), 'vi', 'vi', 'ltr')).toBe('Xin chào');
  });
});

describe('markdown', () => {
  it('escapes raw HTML instead of passing it through', () => {
    expect(renderBlock('<script>alert(1)</script>')).toContain('&lt;script&gt;');
    expect(renderInline('<img src=x onerror=alert(1)>')).not.toContain('<img');
  });

  it.each([
    ['https://www.rfc-editor.org/rfc/rfc5321', true],
    ['http://example.com/', true],
    ['../553/', true],
    ['#section', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['//evil.example/', false],
    ['mailto:user@example.com', false],
  ])('isSafeLink(%s) is %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });

  it('renders a javascript: link as plain text', () => {
    const out = renderInline('[click](javascript:alert(1))');
    expect(out).not.toContain('href');
    expect(out).toContain('[click]');
  });

  it('starts body headings at level 3', () => {
    expect(renderBlock('# Top\n\n## Next')).toMatch(/<h3>Top<\/h3>\s*<h4>Next<\/h4>/);
    expect(renderBlock('### Sub', 2)).toBe('<h2>Sub</h2>\n');
  });

  it('escapes the characters of HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
