import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../support/dist.js';
import { buildSite, makeSite, readPage, run, text } from '../support/site.js';
import { validatePages } from '../support/validate-pages.js';

// Families of any protocol: the `linked` fixture has reply codes (`mail`) that list status codes
// of another family (`mail-status`, written with a wildcard class: X.1.1), declared actors and
// outcome words, and labels overridden per family.

const linkedSite = () => makeSite({ fixture: 'linked', fromProject: ['templates'] });

function edit(root: string, file: string, change: (source: string) => string): string {
  const full = path.join(root, file);
  const source = change(readFileSync(full, 'utf8'));
  writeFileSync(full, source);
  return source;
}

/** LINE:COL of the first occurrence of `needle` in `source`, 1-based. */
function position(source: string, needle: string): string {
  const index = source.indexOf(needle);
  const before = source.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const items = (dist: string, file: string, section: string) =>
  readPage(dist, file).querySelectorAll(`section[aria-labelledby="${section}"] li a`).map((a) => [a.getAttribute('href'), text(a)]);

describe('links between families', () => {
  it('link each enhanced code of a reply code to its page, class filled in for the wildcard', async () => {
    const root = linkedSite();
    const { code, stderr, dist } = await buildSite(root);
    expect(code, stderr).toBe(0);
    expect(items(dist, 'en/mail/550/index.html', 'enhanced')).toEqual([
      ['../../mail-status/X.1.1/', '5.1.1 Bad mailbox'],
      ['../../mail-status/X.1.2/', '5.1.2 Bad system'],
    ]);
    expect(items(dist, 'vi/mail/450/index.html', 'enhanced').map(([href]) => href)).toEqual(['../../mail-status/X.1.1/', '../../mail-status/X.1.10/']);
    for (const [href] of items(dist, 'en/mail/450/index.html', 'enhanced')) expect(existsSync(path.join(dist, 'en/mail/450', href!, 'index.html'))).toBe(true);
  });

  it('list on a status code page the reply codes that name it, in every language, headed by the family label', async () => {
    const { dist } = await buildSite(linkedSite());
    expect(items(dist, 'en/mail-status/X.1.1/index.html', 'linked-from-0')).toEqual([
      ['../../mail/450/', 'Mail 450 Mailbox busy (4.1.1)'],
      ['../../mail/550/', 'Mail 550 Mailbox unavailable (5.1.1)'],
    ]);
    expect(text(readPage(dist, 'en/mail-status/X.1.1/index.html').querySelector('#linked-from-0'))).toBe('Reply codes it comes with');
    expect(text(readPage(dist, 'vi/mail-status/X.1.1/index.html').querySelector('#linked-from-0'))).toBe('Các mã phản hồi đi kèm');
    expect(readPage(dist, 'en/mail-status/X.1.5/index.html').querySelector('#linked-from-0')).not.toBeNull();
    expect(readPage(dist, 'en/mail-status/X.1.2/index.html').querySelectorAll('#linked-from-0 ~ ul li')).toHaveLength(1);
  });

  it('rebuild a status code page when a reply code stops naming it', async () => {
    const root = linkedSite();
    await buildSite(root);
    edit(root, 'codes/mail/550.md', (s) => s.replace('enhanced: ["5.1.1", "5.1.2"]', 'enhanced: ["5.1.2"]'));
    const { code, dist } = await buildSite(root);
    expect(code).toBe(0);
    expect(items(dist, 'en/mail-status/X.1.1/index.html', 'linked-from-0').map(([, t]) => t)).toEqual(['Mail 450 Mailbox busy (4.1.1)']);
  });

  it('refuse a linked code the other family does not have, at its position', async () => {
    const root = linkedSite();
    const source = edit(root, 'codes/mail/550.md', (s) => s.replace('"5.1.2"', '"5.9.9"'));
    const { code, stderr } = await buildSite(root);
    expect(code).toBe(1);
    expect(stderr).toContain(`codes/mail/550.md:${position(source, '"5.9.9"')}: error: \`enhanced\` names "5.9.9", which family mail-status does not have`);
  });

  it('refuse links to a family the project does not have, naming the ones it has', async () => {
    const root = linkedSite();
    const source = edit(root, 'codes/mail/_family.md', (s) => s.replace('enhanced: mail-status', 'enhanced: mail-statuses'));
    const { code, stderr } = await buildSite(root);
    expect(code).toBe(1);
    expect(stderr).toContain(`codes/mail/_family.md:${position(source, 'mail-statuses')}: error: \`links.enhanced\` names family "mail-statuses", which the project does not have (families: mail-status) [unknown-family]`);
  });

  it('show enhanced codes as plain codes when the family they name is not built', async () => {
    const root = linkedSite();
    const { code, stderr } = await run('build', '--root', root, '--base-url', 'https://x.example/', '--family', 'mail', '--jobs', '1');
    expect(code, stderr).toBe(0);
    const page = readPage(path.join(root, 'dist-preview/all--mail'), 'en/mail/550/index.html');
    expect(page.querySelectorAll('section[aria-labelledby="enhanced"] code').map(text)).toEqual(['5.1.1', '5.1.2']);
    expect(page.querySelectorAll('section[aria-labelledby="enhanced"] a')).toHaveLength(0);
  });
});

describe('what a family declares', () => {
  it('use its own actors and outcome words, and its labels before the shared ones', async () => {
    const { dist } = await buildSite(linkedSite());
    const rows = readPage(dist, 'en/mail/450-vs-550/index.html').querySelectorAll('table.side-by-side tbody tr').map((tr) => tr.querySelectorAll('th, td').map(text));
    expect(rows).toContainEqual(['Temporary or permanent', 'Deferred', 'Refused']);
    expect(rows).toContainEqual(['Who must act', 'The sending client', 'The mail operator']);
    expect(text(readPage(dist, 'en/mail/550/index.html').querySelector('.class-line'))).toBe('Mail 550 is a Refused answer.');
    expect(text(readPage(dist, 'en/mail-status/X.1.1/index.html').querySelector('.class-line'))).toBe('The subject of X.1.1 is Addressing.');
  });

  it("prefer the page language's shared label to an English family label", async () => {
    const { dist } = await buildSite(linkedSite());
    const line = readPage(dist, 'vi/mail-status/X.1.1/index.html').querySelector('.class-line')!;
    const vi = JSON.parse(readFileSync(path.join(process.cwd(), 'locales/vi.json'), 'utf8')) as { code: { classLine: string } };
    expect(text(line)).toContain(vi.code.classLine.split('{{')[0]!.trim() || 'X.1.1');
    expect(text(line)).not.toContain('The subject of');
  });

  it('refuse an actor the family does not declare, listing the ones it does', async () => {
    const root = linkedSite();
    const source = edit(root, 'codes/mail/450.md', (s) => s.replace('actor: client', 'actor: sender'));
    const { code, stderr } = await buildSite(root);
    expect(code).toBe(1);
    expect(stderr).toContain(`codes/mail/450.md:${position(source, 'sender')}: error: \`actor\` must be one of client, operator, nobody, not "sender" [field-value]`);
  });

  it('refuse an actor or outcome word without an English label, at the family file', async () => {
    const root = linkedSite();
    const source = edit(root, 'codes/mail/_family.md', (s) => s.replace('"4": deferred', '"4": postponed').replace('[client, operator, nobody]', '[client, operator, nobody, robot]'));
    const { code, stderr } = await buildSite(root);
    expect(code).toBe(1);
    expect(stderr).toContain(`codes/mail/_family.md:${position(source, 'postponed')}: error: outcome "postponed" needs the label families.mail.outcomeShort.postponed (or outcomeShort.postponed) in locales/en.json [missing-family-label]`);
    expect(stderr).toContain(`codes/mail/_family.md:${position(source, 'robot')}: error: actor "robot" needs the label families.mail.actor.robot (or actor.robot) in locales/en.json [missing-family-label]`);
  });

  it('pass html-validate on every page, dotted codes in ids included', async () => {
    const { dist } = await buildSite(linkedSite());
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(30);
    expect(await validatePages(dist, pages)).toEqual([]);
    expect(readPage(dist, 'en/mail-status/index.html').querySelector('#class-X-1-')).not.toBeNull();
  });

  it('order dotted codes component by component as numbers, in pair names and in the index', async () => {
    const { dist } = await buildSite(linkedSite());
    expect(existsSync(path.join(dist, 'en/mail-status/X.1.2-vs-X.1.10/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'en/mail-status/X.1.10-vs-X.1.2/index.html'))).toBe(false);
    const order = readPage(dist, 'en/mail-status/index.html').querySelectorAll('main li a .code').map(text);
    expect(order).toEqual(['X.1.1', 'X.1.2', 'X.1.5', 'X.1.10']);
  });
});
