import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../src/project.js';
import { BASE, makeSite } from '../support/site.js';

const FRENCH = { meta: { languageName: 'Français' }, code: { description: 'Description', when: 'Quand vous voyez ce code', fix: 'Que faire' } };

describe('label checks in one process (the preview server)', () => {
  it('check again only the languages whose file or English changed, with the same findings a first check gives', async () => {
    const root = makeSite({ fixture: 'mini', files: { 'locales/fr.json': JSON.stringify(FRENCH, null, 2) } });
    const vi = path.join(root, 'locales/vi.json');
    const en = path.join(root, 'locales/en.json');
    const check = async () => {
      const project = await validateProject({ root, baseUrl: BASE });
      return { reports: new Map(project.labelReports.map((r) => [r.tag, r])), viWarnings: project.diagnostics.filter((d) => d.file === 'locales/vi.json') };
    };
    const first = await check();
    expect([...first.reports.keys()].sort()).toEqual(['en', 'fr', 'vi']);
    expect(first.viWarnings).toEqual([]);

    const original = readFileSync(vi, 'utf8');
    writeFileSync(vi, original.replace('"Khi bạn thấy mã này"', '"Khi bạn thấy {{nope}}"'));
    const changed = await check();
    expect(changed.reports.get('fr')).toBe(first.reports.get('fr'));
    expect(changed.reports.get('en')).toBe(first.reports.get('en'));
    expect(changed.reports.get('vi')).not.toBe(first.reports.get('vi'));
    expect(changed.viWarnings.map((d) => [d.line, d.severity])).toEqual([[5, 'warning']]);

    writeFileSync(vi, original);
    const back = await check();
    expect(back.viWarnings).toEqual([]);
    expect(back.reports.get('vi')!.labels).toEqual(first.reports.get('vi')!.labels);

    // The English every language is checked against: all of them again.
    writeFileSync(en, readFileSync(en, 'utf8').replace('"Skip to main content"', '"Skip to the content"'));
    const english = await check();
    for (const tag of ['en', 'fr', 'vi']) expect(english.reports.get(tag)).not.toBe(back.reports.get(tag));
  });
});
