import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { dashboardSite } from '../support/dashboard.js';
import { run, text } from '../support/site.js';


const readJson = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

async function dashboard(root: string, ...extra: string[]): Promise<{ page: HTMLElement; html: string; stdout: string }> {
  const out = path.join(root, 'translation-status');
  const result = await run('status', '--root', root, '--html', out, ...extra);
  expect(result.code, result.stderr).toBe(0);
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  return { page: parse(html), html, stdout: result.stdout };
}

const section = (page: HTMLElement, tag: string) => page.querySelector(`section[data-tag="${tag}"]`)!;
const entry = (page: HTMLElement, tag: string, list: 'stale' | 'missing', id: string) => section(page, tag).querySelector(`ol.${list} li[data-id="${id}"]`);

async function statusJson(root: string): Promise<Map<string, { labels: { translated: number; total: number }; content: { translated: number; total: number }; indexable?: { pages: number; total: number }; missing: string[] }>> {
  const result = await run('status', '--root', root, '--json');
  return new Map(JSON.parse(result.stdout).languages.map((l: { tag: string }) => [l.tag, l]));
}

describe('status --html', () => {
  it('shows per language a labelled bar with the numbers of labels, content and indexable pages, as status counts them', async () => {
    const root = await dashboardSite();
    const { page, stdout } = await dashboard(root);
    expect(stdout).toContain('translation-status/index.html');
    const json = await statusJson(root);
    // Every language but English, in the order of `status`.
    expect(page.querySelectorAll('section.language').map((s) => s.getAttribute('data-tag'))).toEqual([...json.keys()].filter((tag) => tag !== 'en'));
    expect([...json.keys()].sort()).toEqual(['en', 'fr', 'he', 'nl', 'vi']);
    for (const tag of ['nl', 'he']) {
      const expected = json.get(tag)!;
      const bars = section(page, tag).querySelectorAll('meter');
      expect(bars.length).toBe(3);
      const counts = bars.map((bar) => {
        const name = page.getElementById(bar.getAttribute('aria-labelledby')!)!;
        const numbers = page.getElementById(bar.getAttribute('aria-describedby')!)!;
        return [text(name), Number(bar.getAttribute('value')), Number(bar.getAttribute('max')), text(numbers)];
      });
      const { labels, content, indexable } = expected;
      expect(counts[0]).toEqual(['Labels', labels.translated, labels.total, expect.stringMatching(new RegExp(`^${labels.translated} of ${labels.total} \\(`))]);
      expect(counts[1]).toEqual(['Content', content.translated, content.total, expect.stringMatching(new RegExp(`^${content.translated} of ${content.total} \\(`))]);
      expect(counts[2]).toEqual(['Indexable pages', indexable!.pages, indexable!.total, `${indexable!.pages} of ${indexable!.total} (${Math.floor((indexable!.pages / indexable!.total) * 1000) / 10}%)`]);
    }
    expect(json.get('nl')!.labels.translated).toBe(4);
    const nlTotal = json.get('nl')!.labels.total;
    expect(text(page.getElementById('lang-nl-labels-n'))).toBe(`4 of ${nlTotal} (${Math.floor((4 / nlTotal) * 1000) / 10}%)`);
  });

  it('lists a stale label with its word diff as <del>/<ins>, the file at line:column, its translation and a page link', async () => {
    const { page } = await dashboard(await dashboardSite());
    const item = entry(page, 'nl', 'stale', 'site.home')!;
    expect(text(item.querySelector('.file'))).toBe('locales/nl.json:4:5');
    const diff = item.querySelector('.diff')!;
    expect(diff.querySelectorAll('del').map(text)).toEqual(['Home']);
    expect(diff.querySelectorAll('ins').map(text)).toEqual(['Start page']);
    expect(diff.textContent).not.toMatch(/\[-|\{\+/);
    const translation = item.querySelector('.translation [lang]')!;
    expect([translation.getAttribute('lang'), text(translation)]).toEqual(['nl', 'Startseite']);
    expect(item.querySelectorAll('.pages a').map((a) => a.getAttribute('href'))).toEqual(['../dist/nl/index.html']);
  });

  it('lists stale content with the changed field, the file and the pages it shows on', async () => {
    const { page } = await dashboard(await dashboardSite());
    const item = entry(page, 'nl', 'stale', 'smtp/550')!;
    expect(text(item.querySelector('.file'))).toBe('locales/nl/smtp/550.md');
    expect(text(item.querySelector('dt'))).toBe('title');
    expect(item.querySelector('.diff del')).toBeNull();
    expect(item.querySelectorAll('.diff ins').map(text)).toEqual(['or refused']);
    expect(text(item.querySelector('.diff'))).toContain('Mailbox unavailable or refused');
    expect(item.querySelectorAll('.pages a').map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['../dist/nl/smtp/550/index.html', 'nl/smtp/550'],
      ['../dist/nl/smtp/index.html', 'nl/smtp'],
    ]);
    // Nothing of smtp/550 is stale in vi, which does not translate it.
    expect(entry(page, 'vi', 'stale', 'smtp/550')).toBeNull();
  });

  it('lists missing labels and content with their English and the file to create or edit', async () => {
    const root = await dashboardSite();
    const { page } = await dashboard(root);
    const missing = section(page, 'nl').querySelector('details.missing')!;
    const json = await statusJson(root);
    expect(text(missing.querySelector('summary'))).toBe(`Missing (${json.get('nl')!.missing.length})`);
    const label = entry(page, 'nl', 'missing', 'code.description')!;
    expect(text(label.querySelector('.file'))).toBe('locales/nl.json');
    expect(text(label.querySelector('.english'))).toBe(`English: ${readJson(root, 'locales/en.json').code.description}`);
    const code = entry(page, 'nl', 'missing', 'smtp/250')!;
    expect(text(code.querySelector('.file'))).toBe('locales/nl/smtp/250.md');
    expect(code.querySelectorAll('dt').map(text)).toEqual(['title', 'description', 'when', 'fix']);
    expect(text(code.querySelector('.english'))).toBe('English: Requested mail action okay, completed');
    expect(code.querySelectorAll('.pages a').map((a) => a.getAttribute('href'))).toEqual(['../dist/nl/smtp/250/index.html', '../dist/nl/smtp/index.html']);
    // de translates smtp/550's title and description only.
    expect(entry(page, 'nl', 'missing', 'smtp/550')!.querySelectorAll('dt').map(text)).toEqual(['when', 'fix']);
  });

  it('marks the texts of a right-to-left language with its lang and dir', async () => {
    const { page } = await dashboard(await dashboardSite());
    const heading = section(page, 'he').querySelector('h2 [lang]')!;
    expect([heading.getAttribute('lang'), heading.getAttribute('dir'), text(heading)]).toEqual(['he', 'rtl', 'עברית']);
    // he lacks forms of home.codeCount; the form it has is shown as Hebrew text.
    const own = entry(page, 'he', 'missing', 'home.codeCount')!.querySelector('.translation [lang]')!;
    expect([own.getAttribute('lang'), own.getAttribute('dir'), text(own)]).toEqual(['he', 'rtl', '{{count}} קודים']);
    expect(page.querySelector('html')!.getAttribute('dir')).toBe('ltr');
    expect(section(page, 'nl').querySelector('h2 [lang]')!.getAttribute('dir')).toBe('ltr');
  });

  it('escapes every text: an English label holding a <script> element shows as text', async () => {
    const root = await dashboardSite('Start <script>alert(1)</script> <img src=x onerror=alert(2)> & more');
    const { page, html } = await dashboard(root);
    expect(page.querySelectorAll('script').length).toBe(0);
    expect(page.querySelectorAll('img').length).toBe(0);
    expect(html).not.toContain('<script>alert');
    const inserted = entry(page, 'fr', 'stale', 'site.home')!.querySelector('.diff ins')!;
    expect(inserted.textContent).toBe('Start <script>alert(1)</script> <img src=x onerror=alert(2)> & more');
  });

  it('links pages under --site-base: a URL links the folders, a path their index.html', async () => {
    const root = await dashboardSite();
    const served = await dashboard(root, '--site-base', 'https://codes.example.com/docs');
    expect(entry(served.page, 'nl', 'stale', 'smtp/550')!.querySelector('.pages a')!.getAttribute('href')).toBe('https://codes.example.com/docs/nl/smtp/550/');
    const local = await dashboard(root, '--site-base', '../public/');
    expect(entry(local.page, 'nl', 'stale', 'smtp/550')!.querySelector('.pages a')!.getAttribute('href')).toBe('../public/nl/smtp/550/index.html');
    const nested = path.join(root, 'reports/translations');
    expect((await run('status', '--root', root, '--html', nested, '--lang', 'nl')).code).toBe(0);
    const page = parse(readFileSync(path.join(nested, 'index.html'), 'utf8'));
    expect(page.querySelectorAll('section.language').length).toBe(1);
    expect(page.querySelector('li[data-id="smtp/550"] .pages a')!.getAttribute('href')).toBe('../../dist/nl/smtp/550/index.html');
  });

  it('refuses an unknown --lang as bad usage and writes nothing', async () => {
    const root = await dashboardSite();
    const result = await run('status', '--root', root, '--html', path.join(root, 'out'), '--lang', 'uk');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(root, 'out/index.html'))).toBe(false);
  });
});
