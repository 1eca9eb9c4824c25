import { describe, expect, it } from 'vitest';
import { compileAll, type PartialMemo } from '../../src/render/compile.js';
import { compileTemplates } from '../../src/render/templates.js';
import { Catalog } from '../../src/i18n/catalog.js';
import { RenderScope } from '../../src/render/scope.js';

const VIEW = { items: [{ name: 'first', tags: ['a'] }, { name: 'second', tags: [] }], title: 'T' };

/** The partials a page asked the memo for, by name, with the page's output. */
function memoCalls(page: string, partials: Record<string, string>): { asked: string[]; output: string } {
  const sources: Record<string, string> = { 'pages/x': page };
  for (const [name, source] of Object.entries(partials)) sources[`partials/${name}`] = source;
  const asked: string[] = [];
  const memo: PartialMemo = (name, _context, _data, render) => {
    asked.push(name);
    return render();
  };
  const output = compileAll(sources, {}, memo)('pages/x')!(VIEW);
  return { asked, output };
}

describe('partials called on one value', () => {
  it('are asked of the memo when neither they nor a partial they call reads data', () => {
    const partials = { card: '<{{name}}{{#each tags}}.{{this}}{{/each}}>', outer: '[{{> card}}]', indexed: '{{@index}}', calls: '{{> indexed}}', root: '{{@root.title}}' };
    expect(memoCalls('{{> card items.[0]}}{{> outer items.[1]}}', partials)).toEqual({ asked: ['card', 'outer'], output: '<first.a>[<second>]' });
    expect(memoCalls('{{> indexed items.[0]}}{{> calls items.[0]}}{{> root items.[0]}}', partials).asked).toEqual([]);
  });

  it('are not asked of the memo without exactly one value, or with a hash', () => {
    const partials = { card: '<{{name}}>' };
    expect(memoCalls('{{#with items.[0]}}{{> card}}{{/with}}{{> card items.[0] name="other"}}', partials)).toEqual({ asked: [], output: '<first><other>' });
  });
});

describe('a partial called on a shared value', () => {
  const templates = compileTemplates({
    layout: '{{#if $.usedFallback}}[in English]{{/if}}{{body}}',
    'pages/code': '{{> card a}}|{{#each rest}}{{> card this}}{{/each}}',
    'partials/card': '{{text title}}',
  });
  const catalog = Catalog.create('vi', { en: {}, vi: {} });

  it('renders once, and each page that shows it says that it holds English', () => {
    let reads = 0;
    const owner = {};
    const pages: string[] = [];
    for (let i = 0; i < 3; i++) {
      const scope = new RenderScope('vi', 'ltr', catalog);
      const a = scope.share(owner, 'card', () => ({
        get title() {
          reads++;
          return { text: 'Mailbox unavailable', lang: 'en' };
        },
      }));
      pages.push(templates.render('code', { $: scope, a, rest: [] }));
    }
    expect(reads).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toBe('[in English]<span lang="en" dir="ltr">Mailbox unavailable</span>|');
  });

  it('renders again for a value that is not shared', () => {
    let reads = 0;
    const scope = new RenderScope('vi', 'ltr', catalog);
    const value = {
      get title() {
        reads++;
        return { text: 'Xin chào', lang: 'vi' };
      },
    };
    const page = templates.render('code', { $: scope, a: value, rest: [value] });
    expect(reads).toBe(2);
    expect(page).toBe('Xin chào|Xin chào');
  });
});
