import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/i18n/catalog.js';
import { RenderScope } from '../../src/render/scope.js';

const labels = {
  en: { a: { title: 'Title', only: 'English only', n_one: '{{count}} code', n_other: '{{count}} codes' } },
  vi: { a: { title: 'Tiêu đề', only: '', n_other: '{{count}} mã' } },
  ru: { a: { n_one: '{{count}} код', n_few: '{{count}} кода', n_many: '{{count}} кодов', n_other: '{{count}} кода' } },
  pt: { a: { title: 'Título' } },
  'pt-BR': { a: {} },
};

describe('Catalog.resolve', () => {
  it('says which language answered', () => {
    expect(Catalog.create('vi', labels).resolve('a.title')).toEqual({ text: 'Tiêu đề', lang: 'vi' });
  });

  it('falls back to English for an empty (untranslated) label', () => {
    expect(Catalog.create('vi', labels).resolve('a.only')).toEqual({ text: 'English only', lang: 'en' });
  });

  it('tries the parent language before English: pt-BR → pt → en', () => {
    expect(Catalog.create('pt-BR', labels).resolve('a.title')).toEqual({ text: 'Título', lang: 'pt' });
  });

  it.each([
    [1, '{{count}} код'],
    [3, '{{count}} кода'],
    [5, '{{count}} кодов'],
    [21, '{{count}} код'],
    [22, '{{count}} кода'],
    [111, '{{count}} кодов'],
  ])('picks the Russian plural form for %i', (count, form) => {
    expect(Catalog.create('ru', labels).resolve('a.n', count)).toEqual({ text: form, lang: 'ru' });
  });

  it('throws for a key that no language has, since that is a template bug', () => {
    expect(() => Catalog.create('vi', labels).resolve('a.nope')).toThrow(/a\.nope/);
  });
});

describe('RenderScope.label', () => {
  it('marks an English fallback inside a Vietnamese page and fills the count in the page language', () => {
    const scope = new RenderScope('vi', 'ltr', Catalog.create('vi', labels));
    expect(scope.label('a.only')).toBe('<span lang="en" dir="ltr">English only</span>');
    expect(scope.usedFallback).toBe(true);
    expect(scope.label('a.n', {}, 1200)).toBe('1.200 mã');
  });

  it('escapes values and marks English values placed into a translated sentence', () => {
    const scope = new RenderScope('vi', 'ltr', Catalog.create('vi', { en: { s: 'Code {{x}}: {{y}}' }, vi: { s: 'Mã {{x}}: {{y}}' } }));
    expect(scope.label('s', { x: '<553>', y: { text: 'Mailbox', lang: 'en' } })).toBe('Mã &lt;553&gt;: <span lang="en" dir="ltr">Mailbox</span>');
  });
});

describe('RenderScope language marking', () => {
  it('marks a translated value inside an English fallback sentence as the page language', () => {
    const scope = new RenderScope('vi', 'ltr', Catalog.create('vi', { en: { s: 'Code {{x}}' }, vi: {} }));
    expect(scope.label('s', { x: { text: 'Mã', lang: 'vi' } })).toBe('<span lang="en" dir="ltr">Code <span lang="vi" dir="ltr">Mã</span></span>');
  });

  it('marks English inside an Arabic page left-to-right', () => {
    const scope = new RenderScope('ar', 'rtl', Catalog.create('ar', { en: { s: 'Code {{x}}' }, ar: { s: 'الرمز {{x}}' } }));
    expect(scope.label('s', { x: { text: 'Mailbox', lang: 'en' } })).toBe('الرمز <span lang="en" dir="ltr">Mailbox</span>');
  });
});
