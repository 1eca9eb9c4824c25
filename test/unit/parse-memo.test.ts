import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/load/front-matter.js';
import { parseJson } from '../../src/load/json.js';
import { ParseMemo } from '../../src/load/parse-memo.js';
import { makeTempDir } from '../support/site.js';

const CODE = {
  path: 'codes/smtp/550.md',
  text: '---\ncode: "550"\ntitle: Mailbox unavailable\nreferences:\n  - rfc: 5321\n    section: "4.2.2"\nsource_hash: 0123e4\nfix: >-\n  Check the <b>address</b>.\n---\nThe body, with <i>markup</i>.\n',
};
const LABELS = { path: 'locales/vi.json', text: '{\n  "site": { "name": "Mã", "name": "Mã 2" },\n  "code": { "fix": "Cách {{x}} sửa" }\n}\n' };

/** A memo saved to a file and read back by a new one, as the next build reads it. */
async function roundTrip(fill: (memo: ParseMemo) => void, tool = 'tool-1', readAs = tool): Promise<ParseMemo> {
  const file = path.join(makeTempDir(), 'memo.json');
  const first = new ParseMemo();
  fill(first);
  await first.save(file, tool);
  const next = new ParseMemo();
  await next.load(file, readAs);
  return next;
}

describe('remembered parses', () => {
  it('give a front-matter file with the data, body and positions parsing gives', async () => {
    const memo = await roundTrip((m) => m.frontMatter(CODE));
    const restored = memo.frontMatter(CODE).file!;
    const parsed = parseFrontMatter(CODE).file!;
    expect(restored.data).toEqual(parsed.data);
    expect(restored.body).toBe(parsed.body);
    for (const at of [['title'], ['references', 0, 'section'], ['nothing', 'here']]) expect(restored.locate(at)).toEqual(parsed.locate(at));
    expect(restored.locateInValue(['fix'], '<b>')).toEqual(parsed.locateInValue(['fix'], '<b>'));
    expect(restored.locateInBody('<i>')).toEqual(parsed.locateInBody('<i>'));
    expect(restored.sourceOf(['source_hash'])).toBe('0123e4');
  });

  it('remember where a field starts once a diagnostic asked, for the builds after, without parsing again', async () => {
    const file = path.join(makeTempDir(), 'memo.json');
    const parsed = parseFrontMatter(CODE).file!;
    const memos = [new ParseMemo(), new ParseMemo(), new ParseMemo()];
    memos[0]!.frontMatter(CODE);
    await memos[0]!.save(file, 'tool-1');
    await memos[1]!.load(file, 'tool-1');
    expect(memos[1]!.frontMatter(CODE).file!.locate(['source_hash'])).toEqual(parsed.locate(['source_hash']));
    await memos[1]!.save(file, 'tool-1');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const entry = saved.entries['front\u0000codes/smtp/550.md'];
    expect(entry.positions).toEqual({ '["source_hash"]': parsed.locate(['source_hash']) });
    // Changed in the saved memo: a position that comes back so was read from it, not parsed again.
    entry.positions['["source_hash"]'] = { line: 99, column: 7 };
    writeFileSync(file, JSON.stringify(saved));
    await memos[2]!.load(file, 'tool-1');
    expect(memos[2]!.frontMatter(CODE).file!.locate(['source_hash'])).toEqual({ line: 99, column: 7 });
  });

  it('give a JSON file with its value, warnings and positions', async () => {
    const memo = await roundTrip((m) => m.json(LABELS));
    const restored = memo.json(LABELS);
    const parsed = parseJson(LABELS);
    expect(restored.diagnostics).toEqual(parsed.diagnostics);
    expect(restored.diagnostics.map((d) => d.rule)).toEqual(['duplicate-key']);
    expect(restored.file!.value).toEqual(parsed.file!.value);
    expect(restored.file!.locate(['code', 'fix'])).toEqual(parsed.file!.locate(['code', 'fix']));
    expect(restored.file!.locateInString(['code', 'fix'], 5)).toEqual(parsed.file!.locateInString(['code', 'fix'], 5));
  });

  it("keep the tool's own label file and a project's of the same path apart, both remembered", async () => {
    const tools = { path: LABELS.path, text: '{\n  "code": { "fix": "Cách sửa" }\n}\n' };
    const memo = await roundTrip((m) => {
      m.json(LABELS);
      m.json(tools, 'tool');
    });
    expect(memo.json(LABELS).file!.value).toEqual(parseJson(LABELS).file!.value);
    expect(memo.json(tools, 'tool').file!.value).toEqual({ code: { fix: 'Cách sửa' } });
    // Both were found: nothing new to save (one path for both kept only the last, and the other was parsed again each build).
    const again = path.join(makeTempDir(), 'memo.json');
    await memo.save(again, 'tool-1');
    expect(existsSync(again)).toBe(false);
  });

  it('give the diagnostics of a file that does not parse', async () => {
    const broken = { path: 'codes/smtp/551.md', text: '---\ncode: "551\ntitle: x\n---\n' };
    const memo = await roundTrip((m) => m.frontMatter(broken));
    const restored = memo.frontMatter(broken);
    expect(restored.file).toBeUndefined();
    expect(restored.diagnostics).toEqual(parseFrontMatter(broken).diagnostics);
    expect(restored.diagnostics.length).toBeGreaterThan(0);
  });

  it('are used for the same text and tool only', async () => {
    const changed = { ...CODE, text: CODE.text.replace('Mailbox unavailable', 'Mailbox gone') };
    expect((await roundTrip((m) => m.frontMatter(CODE))).frontMatter(changed).file!.data.title).toBe('Mailbox gone');
    // A memo file that says something else of the same text: read by its own tool it is believed, by another it is not.
    const file = path.join(makeTempDir(), 'memo.json');
    const hash = createHash('sha1').update(CODE.text).digest('base64');
    writeFileSync(file, JSON.stringify({ tool: 'tool-2', entries: { [`front\u0000${CODE.path}`]: { hash, data: { title: 'from the memo' }, body: '', diagnostics: [], ok: true } } }));
    const sameTool = new ParseMemo();
    await sameTool.load(file, 'tool-2');
    expect(sameTool.frontMatter(CODE).file!.data.title).toBe('from the memo');
    const otherTool = new ParseMemo();
    await otherTool.load(file, 'tool-1');
    expect(otherTool.frontMatter(CODE).file!.data.title).toBe('Mailbox unavailable');
  });

  it('keep data JSON cannot give back out of the saved file, and parse it again', async () => {
    const infinite = { path: 'codes/smtp/552.md', text: '---\ncode: "552"\nlimit: .inf\n---\n' };
    const memo = await roundTrip((m) => m.frontMatter(infinite));
    expect(memo.frontMatter(infinite).file!.data.limit).toBe(Number.POSITIVE_INFINITY);
  });

  it('remember a check of one file with the text it was read from', () => {
    const memo = new ParseMemo();
    const file = memo.frontMatter(CODE).file!;
    let runs = 0;
    const check = () => {
      runs++;
      return [];
    };
    memo.checkFile('markup', file, check);
    memo.checkFile('markup', memo.frontMatter(CODE).file!, check);
    expect(runs).toBe(1);
    memo.checkFile('markup', memo.frontMatter({ ...CODE, text: `${CODE.text}more\n` }).file!, check);
    expect(runs).toBe(2);
  });
});
