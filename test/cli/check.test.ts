import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, REPO, run } from '../support/site.js';

type Json = Record<string, unknown>;
const projectVi = (): Json => JSON.parse(readFileSync(path.join(REPO, 'locales/vi.json'), 'utf8'));
const projectRu = (): Json => JSON.parse(readFileSync(path.join(REPO, 'locales/ru.json'), 'utf8'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function site(files: Record<string, string>) {
  return makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json'], files: { 'locales/vi.json': json(projectVi()), ...files } });
}

async function check(root: string, ...args: string[]) {
  return run('check', '--root', root, ...args);
}

describe('code-compare check', () => {
  it('reports nothing and exits 0 for a clean project', async () => {
    const result = await check(site({}));
    expect(result.stderr).toBe('0 errors, 0 warnings');
    expect(result.code).toBe(0);
  });

  const vi = projectVi();
  const withUnknown = json({ ...vi, code: { ...(vi.code as Json), colour: 'màu' } });
  const withBadPlaceholder = json({ ...vi, code: { ...(vi.code as Json), title: '{{family}} {{cod}}: {{title}}' } });
  const withoutFix = json({ ...vi, code: Object.fromEntries(Object.entries(vi.code as Json).filter(([k]) => k !== 'fix')) });
  const withIdentical = json({ ...vi, home: { ...(vi.home as Json), intro: JSON.parse(readFileSync(path.join(REPO, 'locales/en.json'), 'utf8')).home.intro } });
  const ru = projectRu();
  const ruHome = ru.home as Json;
  const ruExtra = json({ ...ru, home: { ...ruHome, codeCount_two: '{{count}} кода' } });
  const ruMissing = json({ ...ru, home: Object.fromEntries(Object.entries(ruHome).filter(([k]) => k !== 'codeCount_few')) });
  const trailingComma = '{\n  "meta": { "languageName": "Tiếng Việt" },\n}\n';
  const badYaml = '---\ncode: "250"\ntitle: [unclosed\ndescription: x\n---\n';
  const noFix = readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8').replace(/^fix: .*\n/m, '');
  const wrongCode = readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8').replace('code: "250"', 'code: "251"');
  const unknownRelated = readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8').replace('related: ["550"]', 'related: ["550", "999"]');
  const stale = '---\nsource_hash: "0123456789abcdef"\ntitle: Đã xong\n---\n';

  it.each([
    ['json-syntax', { 'locales/vi.json': trailingComma }, `locales/vi.json:${at(trailingComma, '}', 1)}: error:`],
    ['yaml-syntax', { 'codes/smtp/250.md': badYaml }, `codes/smtp/250.md:4:`],
    // ko.json and uk.json: languages code-compare has no labels of, which could supply what the file lacks.
    ['missing-key', { 'locales/ko.json': withoutFix }, `locales/ko.json:${at(withoutFix, '"code"')}: warning: \`code.fix\``],
    ['unknown-key', { 'locales/vi.json': withUnknown }, `locales/vi.json:${at(withUnknown, '"colour"')}: warning:`],
    ['placeholder-mismatch', { 'locales/vi.json': withBadPlaceholder }, `locales/vi.json:${at(withBadPlaceholder, '{{cod}}')}: warning:`],
    ['plural-category', { 'locales/ru.json': ruExtra }, `locales/ru.json:${at(ruExtra, '"codeCount_two"')}: warning:`],
    ['partial-plural', { 'locales/uk.json': ruMissing }, `locales/uk.json:${at(ruMissing, '"codeCount_other"')}: warning: \`home.codeCount\` lacks \`_few\`, which uk uses for counts like 2, 3, 4`],
    ['invalid-tag', { 'locales/pt-br.json': '{}\n' }, 'locales/pt-br.json:1:1: error: "pt-br" is not a BCP 47 language tag in canonical form; write it as pt-BR.json'],
    ['invalid-tag', { 'locales/en_US.json': '{}\n' }, 'locales/en_US.json:1:1: error:'],
    ['identical-to-english', { 'locales/vi.json': withIdentical }, `locales/vi.json:${at(withIdentical, '"intro"')}: warning:`],
    ['missing-field', { 'codes/smtp/250.md': noFix }, 'codes/smtp/250.md:2:1: error: required field `fix` is missing or empty'],
    ['code-mismatch', { 'codes/smtp/250.md': wrongCode }, `codes/smtp/250.md:${at(wrongCode, '"251"')}: error: code "251" does not match the file name 250.md`],
    ['code-mismatch', { 'codes/smtp/650.md': wrongCode.replace(/"251"/, '"650"') }, `codes/smtp/650.md:2:7: error: code "650" does not match the family's pattern`],
    ['duplicate-code', { 'codes/smtp/251.md': readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8') }, 'codes/smtp/251.md:2:7: error: code "250" is already defined in codes/smtp/250.md'],
    ['unknown-related', { 'codes/smtp/250.md': unknownRelated }, `codes/smtp/250.md:${at(unknownRelated, '"999"')}: error:`],
    ['stale-translation', { 'locales/vi/smtp/250.md': stale }, 'locales/vi/smtp/250.md:2:14: warning: the English has changed since this translation'],
  ])('reports %s at the fault, with the rule id', async (rule, files, expected) => {
    const result = await check(site(files));
    const lines = result.stderr.split('\n').filter((l) => l.endsWith(`[${rule}]`));
    expect(lines.length, result.stderr).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith(expected)), `${expected}\n---\n${result.stderr}`).toBe(true);
    expect(result.code).toBe(lines.some((l) => l.includes(': error: ')) ? 1 : 0);
  });

  it('prints the same findings as a JSON array with --json', async () => {
    const root = site({ 'locales/vi.json': withUnknown, 'codes/smtp/250.md': noFix });
    const text = await check(root);
    const asJson = await check(root, '--json');
    const list = JSON.parse(asJson.stdout) as Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
    expect(list.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`)).toEqual(text.stderr.split('\n').slice(0, -1));
    expect(asJson.code).toBe(1);
  });

  it('reports every problem of a run, not only the first', async () => {
    const result = await check(site({ 'codes/smtp/250.md': noFix, 'codes/smtp/550.md': badYaml.replace('"250"', '"550"'), 'locales/vi.json': trailingComma }));
    const rules = new Set(result.stderr.split('\n').map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]).filter(Boolean));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['json-syntax', 'missing-field', 'yaml-syntax']));
  });
});
