import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, FIXTURES, makeSite, makeTempDir, run } from '../support/site.js';

const code250 = readFileSync(path.join(FIXTURES, 'clean/codes/smtp/250.md'), 'utf8');
const as = (code: string) => code250.replace('code: "250"', `code: "${code}"`);

async function check(files: Record<string, string>) {
  const root = makeSite({ fixture: 'clean', files });
  const result = await run('check', '--root', root);
  return { ...result, lines: result.stderr.split('\n') };
}

describe('files under codes/ the build does not read', () => {
  it.each([
    ['codes/smtp/301.MD', 'not read: the extension must be .md in lower case; rename it to 301.md'],
    ['codes/smtp/302.markdown', 'not read: only .md files are read; rename it to 302.md'],
    ['codes/smtp/notes.txt', 'not read: this folder holds only .md files'],
    ['codes/smtp/drafts/303.md', 'not read: the only folder read inside a family is pairs/'],
    ['codes/smtp/drafts/deep/304.md', 'not read: the only folder read inside a family is pairs/'],
    ['codes/smtp/Pairs/250-vs-550.md', 'not read: the only folder read inside a family is pairs/; written comparisons go in pairs/, in lower case'],
    ['codes/smtp/pairs/250-vs-550.txt', 'not read: this folder holds only .md files'],
    ['codes/smtp/pairs/old/250-vs-550.md', 'not read: pairs/ holds only <a>-vs-<b>.md files, no folders'],
    ['codes/305.md', 'not read: codes/ holds one folder per family (codes/<family>/_family.md and its codes); move the file into one'],
  ])('reports %s with its path, as a warning', async (file, message) => {
    const result = await check({ [file]: as('305') });
    expect(result.lines).toContain(`${file}:1:1: warning: ${message} [ignored-file]`);
    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toBe('0 errors, 1 warning');
  });

  it.each([
    ['locales/vi/smtp/250.MD', 'not read: the extension must be .md in lower case; rename it to 250.md'],
    ['locales/vi/smtp/pairs/250-vs-550.txt', 'not read: this folder holds only .md files'],
    ['locales/vi.JSON', 'not read: a label file is named TAG.json, with .json in lower case'],
    ['locales/README.md', 'not read: locales/ holds TAG.json label files and TAG/ folders of translated texts'],
  ])('reports %s under locales/ too', async (file, message) => {
    const result = await check({ [file]: '---\ntitle: x\n---\n' });
    expect(result.lines).toContain(`${file}:1:1: warning: ${message} [ignored-file]`);
  });

  it('fail a build under --strict', async () => {
    const root = makeSite({ fixture: 'clean', files: { 'codes/smtp/301.MD': as('301') } });
    const result = await buildSite(root, '--strict');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('codes/smtp/301.MD:1:1: error: not read');
  });

  it('says nothing about hidden files', async () => {
    const result = await check({ 'codes/smtp/.DS_Store': 'x', 'codes/.gitkeep': '', 'codes/smtp/.250.md.swp': 'x', 'codes/smtp/pairs/.gitkeep': '' });
    expect(result.stderr).toBe('0 errors, 0 warnings');
  });

  it('reports a folder without _family.md once, with how many files it holds', async () => {
    const result = await check({ 'codes/http/404.md': as('404'), 'codes/http/410.md': as('410'), 'codes/http/notes.txt': '' });
    expect(result.lines).toEqual(['codes/http/_family.md:1:1: warning: codes/http/ has no _family.md, so it is not a family and its 3 files are not read; add _family.md (see docs/content-format.md) [no-family-file]', '0 errors, 1 warning']);
  });

  it('reports a family without codes at its _family.md', async () => {
    const family = readFileSync(path.join(FIXTURES, 'clean/codes/smtp/_family.md'), 'utf8');
    const result = await check({ 'codes/imap/_family.md': family });
    expect(result.lines).toContain('codes/imap/_family.md:1:1: warning: the family "imap" has no codes, so it has no pages but its index; add codes/imap/<code>.md files [empty-family]');
  });

  it('does not look into families left out with --family', async () => {
    const root = makeSite({ fixture: 'mini', files: { 'codes/http/notes.txt': '', 'codes/ftp/500.md': as('500') } });
    const result = await run('check', '--root', root, '--family', 'smtp');
    expect(result.stderr).not.toContain('[ignored-file]');
    expect(result.stderr).not.toContain('[no-family-file]');
  });
});

describe('a project with no family', () => {
  it('is one error when codes/ is missing', async () => {
    const root = makeSite({});
    const result = await run('check', '--root', root);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.includes(': error: '))).toEqual([
      'codes:1:1: error: the project has no code family (there is no codes/ folder); a family is a folder codes/<family>/ with a _family.md and its <code>.md files (see docs/content-format.md) [no-family]',
    ]);
  });

  it('is one error when no folder under codes/ has a _family.md, beside the warning for that folder', async () => {
    const root = makeSite({ files: { 'codes/smtp/250.md': code250 } });
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('codes:1:1: error: the project has no code family (no folder under codes/ has a _family.md)');
    expect(result.stderr).toContain('codes/smtp/_family.md:1:1: warning: codes/smtp/ has no _family.md');
  });
});

describe('--root', () => {
  it('that does not exist is one usage error, exit 2', async () => {
    const missing = path.join(makeTempDir(), 'no-such-project');
    for (const command of [['build', '--base-url', 'https://x.example/'], ['check'], ['status'], ['serve', '--port', '0'], ['new-locale', 'ko']]) {
      const result = await run(...command, '--root', missing);
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr, command[0]).toBe(`error: --root ${missing}: no such folder`);
      expect(result.stdout, command[0]).toBe('');
    }
    const relative = await run('check', '--root', 'no-such-project-here');
    expect(relative.stderr).toBe(`error: --root no-such-project-here: no such folder (${path.resolve('no-such-project-here')})`);
  });

  it('that is a file, or a folder with none of codes/, locales/, templates/, is one usage error', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'file'), '');
    mkdirSync(path.join(dir, 'empty'));
    const file = await run('check', '--root', path.join(dir, 'file'));
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^error: --root \S+: not a folder/);
    const empty = await run('check', '--root', path.join(dir, 'empty'));
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')).toEqual([`error: ${path.join(dir, 'empty')} is not a code-compare project: it has no codes/, locales/ or templates/ folder; run in the project's folder or pass --root DIR`]);
  });
});

describe('unknown --lang and --family values', () => {
  const root = () => makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/pt-BR.json'] });

  it('exit 2 and list the languages there are', async () => {
    const result = await run('build', '--root', root(), '--lang', 'vi,ko', '--base-url', 'https://x.example/');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual(['error: --lang ko: there is no locales/ko.json (`code-compare new-locale ko` makes one)', 'known languages: en, pt-BR, vi']);
  });

  it('suggest the canonical form of a tag written in another case', async () => {
    const result = await run('status', '--root', root(), '--lang', 'pt-br');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang pt-br: there is no locales/pt-br.json (did you mean pt-BR?)');
  });

  it('exit 2 and list the families there are, saying why a folder is not one', async () => {
    const site = root();
    writeFileSync(path.join(site, 'codes/notes.txt'), '');
    mkdirSync(path.join(site, 'codes/ftp'));
    const result = await run('check', '--root', site, '--family', 'smtp,ftp,imap');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual(['error: --family ftp: codes/ftp/ has no _family.md', '--family imap: there is no codes/imap/', 'known families: http, smtp']);
  });

  it('are checked by serve before it listens', async () => {
    const result = await run('serve', '--root', root(), '--lang', 'ko', '--port', '0');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('known languages: en, pt-BR, vi');
  });
});
