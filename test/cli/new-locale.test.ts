import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, REPO, run } from '../support/site.js';

type Tree = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;

/** 1-based line and column of `"key"` (the nth time it appears) in a file's text. */
function at(text: string, key: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(`"${key}"`, index + 1);
  if (index < 0) throw new Error(`${key} not in text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

async function scaffold(tag: string): Promise<{ root: string; stdout: string }> {
  const root = makeSite({ fixture: 'clean' });
  const made = await run('new-locale', '--root', root, tag);
  expect(made.code, made.stderr).toBe(0);
  return { root, stdout: made.stdout };
}

describe('code-compare new-locale', () => {
  it('points at a README section that exists', async () => {
    const { stdout } = await scaffold('ko');
    const pointer = /see README\.md, "([^"]+)"/.exec(stdout);
    expect(pointer, stdout).not.toBeNull();
    const headings = readFileSync(path.join(REPO, 'README.md'), 'utf8').split('\n').filter((l) => l.startsWith('## '));
    expect(headings.some((h) => h.startsWith(`## ${pointer![1]!}`)), headings.join('\n')).toBe(true);
  });

  it('writes the English of every label beside it, line for line, in a file the build does not read', async () => {
    const { root, stdout } = await scaffold('uk');
    const labelFile = readFileSync(path.join(root, 'locales/uk.json'), 'utf8');
    const todoFile = readFileSync(path.join(root, 'locales/uk.todo.json'), 'utf8');
    expect(stdout).toContain('wrote locales/uk.todo.json: the English of each label, on the same line as in locales/uk.json');
    const labelLines = labelFile.split('\n');
    const todoLines = todoFile.split('\n');
    expect(todoLines.length).toBe(labelLines.length);
    // The same key on each line: only the value differs, empty on one side, English on the other.
    const keyOf = (line: string) => line.replace(/: ".*"(,?)$/, ': $1');
    expect(todoLines.map(keyOf)).toEqual(labelLines.map(keyOf));
    const english = readJson(path.join(REPO, 'locales/en.json'));
    const todo = readJson(path.join(root, 'locales/uk.todo.json'));
    expect((todo.home as Tree).title).toBe((english.home as Tree).title);
    expect((todo.home as Tree).codeCount_one).toBe((english.home as Tree).codeCount_one);
    // Ukrainian needs forms English lacks: they show English's _other.
    expect((todo.home as Tree).codeCount_few).toBe((english.home as Tree).codeCount_other);
    expect(Object.values(readJson(path.join(root, 'locales/uk.json')).home as Tree).every((v) => v === '')).toBe(true);

    const check = await run('check', '--root', root);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).not.toContain('ru.todo.json');
    expect(check.stderr).not.toContain('[identical-to-english]');
    expect(check.stderr).not.toContain('[partial-plural]');
    const status = JSON.parse((await run('status', '--root', root, '--json')).stdout) as { languages: Array<{ tag: string; labels: { translated: number } }> };
    expect(status.languages.map((l) => l.tag)).toEqual(['en', 'uk']);
    expect(status.languages[1]!.labels.translated).toBe(0);
  });

  it('does not take a .todo.json file for a language', async () => {
    const { root } = await scaffold('ko');
    const result = await run('check', '--root', root, '--lang', 'ko.todo');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('known languages: en, ko');
  });
});

describe('partly translated plural sets', () => {
  async function withUkrainian(edit: (home: Tree) => void) {
    const { root } = await scaffold('uk');
    const file = path.join(root, 'locales/uk.json');
    const labels = readJson(file);
    edit(labels.home as Tree);
    const text = `${JSON.stringify(labels, null, 2)}\n`;
    writeFileSync(file, text);
    const result = await run('check', '--root', root, '--lang', 'uk');
    return { text, result, lines: result.stderr.split('\n').filter((l) => l.endsWith('[partial-plural]')) };
  }

  it('warns at an empty form while another is translated, saying which counts show English', async () => {
    const { text, result, lines } = await withUkrainian((home) => {
      home.codeCount_few = '{{count}} коди';
      home.codeCount_many = '{{count}} кодів';
      home.codeCount_other = '{{count}} коди';
    });
    expect(result.code).toBe(0);
    expect(lines).toEqual([`locales/uk.json:${at(text, 'codeCount_one')}: warning: \`home.codeCount_one\` is empty while \`home.codeCount_other\` is translated: for counts like 1, 21, 31 the page shows English; translate it [partial-plural]`]);
  });

  it('warns at the translated form when a form the language needs is absent', async () => {
    const { text, lines } = await withUkrainian((home) => {
      home.codeCount_one = '{{count}} код';
      home.codeCount_other = '{{count}} коди';
      delete home.codeCount_few;
      delete home.codeCount_many;
    });
    expect(lines).toEqual([
      `locales/uk.json:${at(text, 'codeCount_other')}: warning: \`home.codeCount\` lacks \`_few\`, which uk uses for counts like 2, 3, 4; until it is added the page shows English for them [partial-plural]`,
      `locales/uk.json:${at(text, 'codeCount_other')}: warning: \`home.codeCount\` lacks \`_many\`, which uk uses for counts like 0, 5, 6; until it is added the page shows English for them [partial-plural]`,
    ]);
  });

  it('says nothing of a set not started, of a complete set, or of an empty _zero', async () => {
    const { lines } = await withUkrainian((home) => {
      home.comparisonCount_one = '{{count}} сравнение';
      home.comparisonCount_few = '{{count}} сравнения';
      home.comparisonCount_many = '{{count}} сравнений';
      home.comparisonCount_other = '{{count}} сравнения';
    });
    expect(lines).toEqual([]);
    const { root } = await scaffold('uk');
    const file = path.join(root, 'locales/uk.json');
    const labels = readJson(file);
    const family = labels.family as Tree;
    for (const form of ['one', 'few', 'many', 'other']) family[`filterShown_${form}`] = `{{count}} (${form})`;
    expect(family.filterShown_zero).toBe('');
    writeFileSync(file, JSON.stringify(labels, null, 2));
    expect((await run('check', '--root', root)).stderr).not.toContain('[partial-plural]');
  });
});

describe('code-compare serve --lang, the translator\'s preview', () => {
  it('serves only that language, says where, and leaves dist/ alone', async () => {
    const { root } = await scaffold('ko');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'serve', '--root', root, '--lang', 'ko', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      const deadline = Date.now() + 20_000;
      while (!/serving http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no server\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const [, base] = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)!;
      expect(stdout).toContain(`serving ${base} (only language ko, home page ${base}ko/; built into a temporary folder, dist/ is not touched;`);
      const page = await fetch(`${base}ko/smtp/250/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html lang="ko"/);
      expect((await fetch(`${base}ko/`)).status).toBe(200);
      expect((await fetch(`${base}en/smtp/250/`)).status).toBe(404);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
      expect(existsSync(path.join(root, 'dist-preview'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
