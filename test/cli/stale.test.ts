import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/load/content-sources.js';
import { validateProject } from '../../src/project.js';
import { englishSources } from '../../src/validate/english-source.js';
import { translationOf } from '../../src/validate/translations.js';
import { makeCompareSite } from '../support/compare-site.js';
import { makeSite, REPO, run, writeProjectFile, type RunResult } from '../support/site.js';

// test/fixtures/stale: the clean SMTP codes; labels in de, fr and vi where `site.home` is on line 4
// and the plural `home.codeCount` starts on line 7 of every file; de and fr translate smtp/550.

interface StaleJson {
  kind: 'label' | 'content';
  id: string;
  file: string;
  line?: number;
  column?: number;
  englishThen: 'recorded' | 'unknown';
  changes?: Array<{ part: string; then?: string; now?: string; diff: string }>;
}
interface LanguageJson {
  tag: string;
  stale: number;
  staleLabels: number;
  unrecordedLabels: number;
  staleLabelKeys: string[];
  staleFiles: string[];
  staleTranslations: StaleJson[];
}

const readJson = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

function editEnglishLabels(root: string, edit: (labels: Record<string, Record<string, string>>) => void): void {
  const labels = readJson(root, 'locales/en.json');
  edit(labels);
  writeFileSync(path.join(root, 'locales/en.json'), `${JSON.stringify(labels, null, 2)}\n`);
}

async function status(root: string): Promise<Map<string, LanguageJson>> {
  const result = await run('status', '--root', root, '--json');
  expect(result.code, result.stderr).toBe(0);
  return new Map((JSON.parse(result.stdout).languages as LanguageJson[]).map((l) => [l.tag, l]));
}

const lines = (result: RunResult, rule: string) => result.stderr.split('\n').filter((l) => l.endsWith(`[${rule}]`));

/** A copy of the fixture whose translations have their English recorded, as a translator's project would. */
async function recordedSite(root = makeSite({ fixture: 'stale' })): Promise<string> {
  const confirmed = await run('confirm', '--root', root);
  expect(confirmed.code, confirmed.stderr).toBe(0);
  return root;
}

describe('stale labels', () => {
  it('confirm without items records the English of every translated label; check and status are then clean', async () => {
    const root = makeSite({ fixture: 'stale' });
    expect((await status(root)).get('de')!.unrecordedLabels).toBe(4); // meta.languageName, site.home, home.codeCount, code.fix
    const confirmed = await run('confirm', '--root', root);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain('locales/de.source.json: recorded the English of 4 labels');
    const english = readJson(root, 'locales/en.json');
    const de = readJson(root, 'locales/de.source.json');
    expect(de['site.home']).toBe(english.site.home);
    expect(de['home.codeCount_one']).toBe(english.home.codeCount_one);
    expect(de['home.codeCount_other']).toBe(english.home.codeCount_other);
    expect(de['code.description']).toBeUndefined(); // not translated in de
    expect(readJson(root, 'locales/vi.source.json')['home.codeCount_one']).toBe(english.home.codeCount_one);

    const check = await run('check', '--root', root);
    expect(check.code, check.stderr).toBe(0);
    expect(lines(check, 'stale-label')).toEqual([]);
    for (const language of (await status(root)).values()) {
      expect([language.tag, language.staleLabels, language.unrecordedLabels]).toEqual([language.tag, 0, 0]);
    }
    const again = await run('confirm', '--root', root);
    expect(again.stdout).not.toContain('recorded');
  });

  it('reports a changed English label in every translation at its key until each language confirms it', async () => {
    const root = await recordedSite();
    editEnglishLabels(root, (labels) => (labels.site!.home = 'Start page'));

    const check = await run('check', '--root', root);
    expect(check.code).toBe(0); // a warning
    const stale = lines(check, 'stale-label');
    expect(stale.map((l) => l.split(': warning: ')[0])).toEqual(['locales/de.json:4:5', 'locales/fr.json:4:5', 'locales/vi.json:4:5']);
    expect(stale[0]).toContain('`site.home`');
    expect(stale[0]).toContain('code-compare confirm --lang de site.home');

    const before = await status(root);
    for (const tag of ['de', 'fr', 'vi']) {
      expect(before.get(tag)!.staleLabels, tag).toBe(1);
      expect(before.get(tag)!.staleLabelKeys).toEqual(['site.home']);
    }
    expect(before.get('en')!.staleLabels).toBe(0);
    expect(before.get('de')!.staleTranslations).toEqual([
      { kind: 'label', id: 'site.home', file: 'locales/de.json', line: 4, column: 5, englishThen: 'recorded', changes: [{ part: 'site.home', then: 'Home', now: 'Start page', diff: '[-Home-]{+Start page+}' }] },
    ]);
    const table = await run('status', '--root', root);
    expect(table.stdout.split('\n')[0]).toMatch(/^language\s+labels\s+%\s+content\s+%\s+stale labels\s+stale content\s+identical\s+missing\s+indexable$/);
    expect(table.stdout).toMatch(/^fr\s+\S+\s+\S+\s+\S+\s+\S+\s+1\s+0\s/m);
    expect(table.stdout).toContain('  locales/fr.json:4:5  site.home\n    [-Home-]{+Start page+}');

    const confirmed = await run('confirm', '--root', root, '--lang', 'de', 'site.home');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain('`site.home` confirmed');
    expect(readJson(root, 'locales/de.source.json')['site.home']).toBe('Start page');
    expect(readJson(root, 'locales/fr.source.json')['site.home']).toBe('Home');

    const after = await run('check', '--root', root);
    expect(lines(after, 'stale-label').map((l) => l.split(': warning: ')[0])).toEqual(['locales/fr.json:4:5', 'locales/vi.json:4:5']);
    const languages = await status(root);
    expect(['de', 'fr', 'vi'].map((tag) => languages.get(tag)!.staleLabels)).toEqual([0, 1, 1]);
  });

  it('reports a plural label once, at its first form, with only the forms that changed', async () => {
    const root = await recordedSite();
    editEnglishLabels(root, (labels) => (labels.home!.codeCount_other = '{{count}} reply codes'));
    const check = await run('check', '--root', root);
    expect(lines(check, 'stale-label').map((l) => l.split(': warning: ')[0])).toEqual(['locales/de.json:7:5', 'locales/fr.json:7:5', 'locales/vi.json:7:5']);
    const vi = (await status(root)).get('vi')!;
    expect(vi.staleTranslations[0]!.id).toBe('home.codeCount');
    expect(vi.staleTranslations[0]!.changes!.map((c) => c.part)).toEqual(['home.codeCount_other']);
    expect(vi.staleTranslations[0]!.changes![0]!.diff).toBe('{{count}} {+reply +}codes');
    // Any form names the label.
    expect((await run('confirm', '--root', root, '--lang', 'vi,fr', 'home.codeCount_one')).code).toBe(0);
    expect(lines(await run('check', '--root', root), 'stale-label').map((l) => l.split(':')[0])).toEqual(['locales/de.json']);
  });

  it('takes a translated label with nothing recorded as current, and counts it as unrecorded', async () => {
    const root = await recordedSite();
    const record = readJson(root, 'locales/de.source.json');
    delete record['site.home'];
    writeFileSync(path.join(root, 'locales/de.source.json'), JSON.stringify(record));
    editEnglishLabels(root, (labels) => (labels.site!.home = 'Start page'));
    const check = await run('check', '--root', root);
    expect(lines(check, 'stale-label').map((l) => l.split(':')[0])).toEqual(['locales/fr.json', 'locales/vi.json']);
    const de = (await status(root)).get('de')!;
    expect([de.staleLabels, de.unrecordedLabels]).toEqual([0, 1]);
  });

  it('ignores a record it cannot read, with a warning, and confirm writes it anew', async () => {
    const root = await recordedSite();
    writeProjectFile(root, 'locales/de.source.json', '{ "site.home": ');
    editEnglishLabels(root, (labels) => (labels.site!.home = 'Start page'));
    const check = await run('check', '--root', root);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/^locales\/de\.source\.json:1:\d+: warning: .*; the recorded sources of this language are ignored \[json-syntax\]$/m);
    expect(lines(check, 'stale-label').map((l) => l.split(':')[0])).toEqual(['locales/fr.json', 'locales/vi.json']);
    expect((await run('confirm', '--root', root, '--lang', 'de')).code).toBe(0);
    expect(readJson(root, 'locales/de.source.json')['site.home']).toBe('Start page');
  });

  it.each([
    [['--lang', 'de', 'no.such.label'], 1, 'error: no label `no.such.label` in locales/en.json'],
    [['--lang', 'de', 'code.description'], 1, 'error: `code.description` is not translated in locales/de.json yet; nothing to confirm'],
    [['site.home'], 2, 'add --lang TAG'],
    [['--lang', 'en', 'site.home'], 2, 'English is the source'],
    [['--lang', 'uk', 'site.home'], 2, 'no locales/uk.json'],
    [['--lang', 'de', 'locales/de/smtp/250.md'], 1, 'error: no such file: locales/de/smtp/250.md'],
    [['--lang', 'de', 'smtp/250'], 1, 'error: no such file: locales/de/smtp/250.md'],
    [['--lang', 'de', 'smtp/999'], 1, 'error: no English content smtp/999'],
    [['--lang', 'de', 'locales/fr/smtp/550.md'], 1, 'is a translation into fr, not into de'],
  ])('confirm %j exits %i, saying what is wrong, and writes nothing', async (args, code, message) => {
    const root = makeSite({ fixture: 'stale' });
    const result = await run('confirm', '--root', root, ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(root, 'locales/de.source.json'))).toBe(false);
  });
});

describe('stale content', () => {
  it('shows, word by word, what changed in the English a translation was made from', async () => {
    const root = await recordedSite();
    const record = readJson(root, 'locales/_sources/smtp/550.json');
    expect(Object.values(record)).toEqual([expect.objectContaining({ title: 'Mailbox unavailable', fix: 'Check the address.' })]);
    const code = path.join(root, 'codes/smtp/550.md');
    writeFileSync(code, readFileSync(code, 'utf8').replace('title: Mailbox unavailable', 'title: Mailbox unavailable or refused'));

    const check = await run('check', '--root', root);
    expect(lines(check, 'stale-translation').map((l) => l.split(': warning: ')[0])).toEqual(['locales/de/smtp/550.md:3:14', 'locales/fr/smtp/550.md:2:14']);
    const de = (await status(root)).get('de')!;
    expect(de.staleFiles).toEqual(['smtp/550']);
    expect(de.staleTranslations).toEqual([
      { kind: 'content', id: 'smtp/550', file: 'locales/de/smtp/550.md', englishThen: 'recorded', changes: [{ part: 'title', then: 'Mailbox unavailable', now: 'Mailbox unavailable or refused', diff: 'Mailbox unavailable {+or refused+}' }] },
    ]);
    const table = await run('status', '--root', root);
    expect(table.stdout).toContain('  locales/de/smtp/550.md  smtp/550\n    title: Mailbox unavailable {+or refused+}');

    rmSync(path.join(root, 'locales/_sources'), { recursive: true });
    const unknown = (await status(root)).get('fr')!.staleTranslations[0]!;
    expect([unknown.id, unknown.englishThen, unknown.changes]).toEqual(['smtp/550', 'unknown', undefined]);
    expect((await run('status', '--root', root)).stdout).toContain('English then: unknown');
  });

  it('confirm sets only the source_hash of a translation, keeping its BOM, CRLF and comments, and keeps older English while a translation needs it', async () => {
    const root = await recordedSite();
    const code = path.join(root, 'codes/smtp/550.md');
    writeFileSync(code, readFileSync(code, 'utf8').replace('fix: Check the address.', 'fix: Check the address for typing errors.'));
    const now = (await run('hash', '--root', root, 'codes/smtp/550.md')).stdout.split(' ')[0]!;
    const file = path.join(root, 'locales/de/smtp/550.md');
    const before = readFileSync(file);

    const confirmed = await run('confirm', '--root', root, '--lang', 'de', 'codes/smtp/550.md');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    const after = readFileSync(file);
    const beforeLines = before.toString('utf8').split('\n');
    const afterLines = after.toString('utf8').split('\n');
    expect(afterLines.length).toBe(beforeLines.length);
    const changed = afterLines.flatMap((line, i) => (line === beforeLines[i] ? [] : [i]));
    expect(changed).toEqual([2]);
    expect(afterLines[2]).toBe(`source_hash: "${now}"  # the English of the first release\r`);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const check = await run('check', '--root', root);
    expect(lines(check, 'stale-translation').map((l) => l.split(':')[0])).toEqual(['locales/fr/smtp/550.md']);
    // fr still refers to the English before the change, so its diff stays possible.
    expect(Object.keys(readJson(root, 'locales/_sources/smtp/550.json')).sort()).toEqual([now, '91a908f6424f7d95'].sort());
    expect((await status(root)).get('fr')!.staleTranslations[0]!.changes!.map((c) => c.part)).toEqual(['fix']);

    expect((await run('confirm', '--root', root, '--lang', 'fr', 'smtp/550')).code).toBe(0);
    expect(Object.keys(readJson(root, 'locales/_sources/smtp/550.json'))).toEqual([now]);
    expect(readFileSync(path.join(root, 'locales/fr/smtp/550.md'), 'utf8')).toBe(`---\nsource_hash: "${now}"\ntitle: Boîte aux lettres indisponible\n---\n`);
    expect(lines(await run('check', '--root', root), 'stale-translation')).toEqual([]);
    const again = await run('confirm', '--root', root, 'locales/fr/smtp/550.md');
    expect(again.stdout).toContain('was already current');
  });

  it('confirm adds a source_hash line to a translation that has none', async () => {
    const root = await recordedSite();
    writeProjectFile(root, 'locales/fr/smtp/_family.md', '---\ntitle: Codes de réponse SMTP\n---\n');
    expect(lines(await run('check', '--root', root), 'stale-translation').map((l) => l.split(':').slice(0, 1)[0])).toEqual(['locales/fr/smtp/_family.md']);
    const hash = (await run('hash', '--root', root, 'codes/smtp/_family.md')).stdout.split(' ')[0];
    expect((await run('confirm', '--root', root, 'locales/fr/smtp/_family.md')).code).toBe(0);
    expect(readFileSync(path.join(root, 'locales/fr/smtp/_family.md'), 'utf8')).toBe(`---\nsource_hash: "${hash}"\ntitle: Codes de réponse SMTP\n---\n`);
    expect(lines(await run('check', '--root', root), 'stale-translation')).toEqual([]);
  });

  it('shows what changed in a pair file, and confirm takes the pair translation', async () => {
    const root = await recordedSite(makeCompareSite());
    const pair = path.join(root, 'codes/api/pairs/E1001-vs-E1002.md');
    const english = readFileSync(pair, 'utf8');
    const deciding = /^deciding: (.*)$/m.exec(english)![1]!;
    writeFileSync(pair, english.replace(`deciding: ${deciding}`, `deciding: ${deciding.replace(/\?$/, ' at all?')}`));
    const vi = (await status(root)).get('vi')!;
    const item = vi.staleTranslations.find((s) => s.id === 'api/pairs/E1001-vs-E1002')!;
    expect(item.changes!.map((c) => [c.part, c.diff])).toEqual([['deciding', deciding.replace(/\?$/, ' {+at all+}?')]]);
    expect((await run('confirm', '--root', root, 'locales/vi/api/pairs/E1001-vs-E1002.md')).code).toBe(0);
    expect((await status(root)).get('vi')!.stale).toBe(0);
  });
});

describe('paths relative to --root', () => {
  it('hash says "no such file" for a file the root does not have, even one the current folder has', async () => {
    const root = makeSite({ fixture: 'clean' });
    const result = await run('hash', '--root', root, 'codes/smtp/553.md', 'codes/smtp/550.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file: codes/smtp/553.md');
    expect(result.stdout).toMatch(/^[0-9a-f]{16} {2}codes\/smtp\/550\.md$/);
  });

  it('confirm says "no such file" for a path the root does not have', async () => {
    const root = makeSite({ fixture: 'stale' });
    unlinkSync(path.join(root, 'locales/fr/smtp/550.md'));
    const result = await run('confirm', '--root', root, 'locales/fr/smtp/550.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file: locales/fr/smtp/550.md');
  });
});

describe('the bundled project', () => {
  it('records the English of every translated label and text, and nothing is stale', async () => {
    for (const language of (await status(REPO)).values()) {
      expect([language.tag, language.staleLabels, language.unrecordedLabels, language.stale]).toEqual([language.tag, 0, 0, 0]);
    }
    const project = await validateProject({ root: REPO, baseUrl: 'https://example.invalid/' });
    const tags = project.labelReports.map((r) => r.tag);
    let recorded = 0;
    for (const source of englishSources(project.families)) {
      if (!tags.some((tag) => translationOf(project.translations, tag, source.id))) continue;
      expect(Object.keys(await readContentSources(REPO, source.id)), source.id).toEqual([source.hash]);
      recorded++;
    }
    expect(recorded).toBeGreaterThan(80); // the family, 44 codes and 38 pair files of SMTP
  });
});
