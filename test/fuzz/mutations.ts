import fc from 'fast-check';

/** A project's input files (codes/ and locales/), by path relative to the root. */
export type ProjectFiles = Map<string, Buffer>;

/** One change to a project's input files; applied in place. */
export interface Mutation {
  readonly name: string;
  apply(files: ProjectFiles): void;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Bytes and short texts that have broken parsers before: encoding faults, marks, YAML and i18next syntax. */
const SNIPPETS: readonly Buffer[] = [
  utf8('\uFEFF'), utf8('\u0000'), utf8('\u200F'), utf8('\u202E'), utf8('\u061C'), utf8('\r'), utf8('\t'),
  utf8('\\'), utf8('"'), utf8("'"), utf8('{{'), utf8('}}'), utf8('{{count}'), utf8('<script>x</script>'),
  utf8('&a '), utf8('*a'), utf8(': '), utf8('- '), utf8('---\n'), utf8('\n---\n'), utf8('%YAML 1.1\n'),
  utf8(`{{${'x'.repeat(100_000)}`), utf8('{{'.repeat(50_000)),
  utf8('５５０'), utf8('٥٥٠'), utf8('\u{1F4E7}'), utf8('e\u0301'),
  Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf0, 0x9f]),
];

/** Whole lines that are valid-looking YAML or JSON of the wrong shape. */
const LINES: readonly string[] = [
  'unknown_field: x',
  'title: [1, 2]',
  'title: {a: 1}',
  'description: 42',
  'code: "E1001"',
  'code: ５５０',
  'related: [E1001, E1001]',
  'related: E9999',
  'facets: {stage: nowhere}',
  'facets: []',
  'source_hash: "abc"',
  'references: 3',
  'differences: "one"',
  'advice: {E1001: [x]}',
  'covers: [nothing]',
  'a: &a [1, 2]\nb: [*a, *a, *a]',
  'x: *undefined_alias',
  'merge: {<<: *a}',
  '---js\nmodule.exports = {}\n---',
  `x: ${'y'.repeat(200_000)}`,
  `x: ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `"k": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)},`,
  '  \t- tab indented',
  '"compare": {"title": "{{a}"},',
  '"x": "y", "x": "z",',
];

/** Paths a file may be moved to: spaces, non-ASCII names, look-alike digits, a new family. */
const RENAMES: readonly string[] = [
  'codes/api/E 1001.md',
  'codes/api/É1001.md',
  'codes/api/Ｅ１００１.md',
  'codes/новый/_family.md',
  'codes/api/pairs/E1001-vs-E1001.md',
  'codes/api/pairs/E1002-vs-E1001.md',
  'locales/vi/api/E1001 copy.md',
  'locales/pt BR.json',
  'locales/ви.json',
  'locales/ar.json',
];

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}

function target(files: ProjectFiles, index: number): string | undefined {
  const paths = [...files.keys()].sort();
  return paths.length ? pick(paths, index) : undefined;
}

function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

function edit(name: string, index: number, change: (bytes: Buffer) => Buffer): Mutation {
  return {
    name,
    apply(files) {
      const file = target(files, index);
      if (file) files.set(file, change(files.get(file)!));
    },
  };
}

const at = (fraction: number, bytes: Buffer) => Math.floor(fraction * bytes.length);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([i, f]) =>
    edit(`truncate file ${i} at ${f.toFixed(3)}`, i, (b) => b.subarray(0, at(f, b)))),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat()).map(([i, f, s]) =>
    edit(`insert snippet ${s % SNIPPETS.length} in file ${i} at ${f.toFixed(3)}`, i, (b) => Buffer.concat([b.subarray(0, at(f, b)), pick(SNIPPETS, s), b.subarray(at(f, b))]))),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([i, l, s]) =>
    edit(`insert line ${s % LINES.length} in file ${i} before line ${l}`, i, (b) => {
      const starts = lineStarts(b);
      const cut = pick(starts, l);
      return Buffer.concat([b.subarray(0, cut), utf8(`${pick(LINES, s)}\n`), b.subarray(cut)]);
    })),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, l, remove]) =>
    edit(`${remove ? 'delete' : 'repeat'} line ${l} of file ${i}`, i, (b) => {
      const starts = [...lineStarts(b), b.length];
      const k = l % Math.max(1, starts.length - 1);
      const line = b.subarray(starts[k], starts[k + 1]);
      return Buffer.concat([b.subarray(0, starts[k]), remove ? Buffer.alloc(0) : Buffer.concat([line, line]), b.subarray(starts[k + 1])]);
    })),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 12 })).map(([i, f, s]) =>
    edit(`insert ${JSON.stringify(s)} in file ${i} at ${f.toFixed(3)}`, i, (b) => Buffer.concat([b.subarray(0, at(f, b)), utf8(s), b.subarray(at(f, b))]))),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })).map(([i, bytes]) =>
    edit(`replace file ${i} with ${bytes.length} random bytes`, i, () => Buffer.from(bytes))),
  fc.tuple(fc.nat(), fc.constantFrom('', '\uFEFF', '---', '---\n---\n', '{}', '[]', 'null')).map(([i, text]) =>
    edit(`replace file ${i} with ${JSON.stringify(text)}`, i, () => utf8(text))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, r]): Mutation => ({
    name: `move file ${i} to ${pick(RENAMES, r)}`,
    apply(files) {
      const file = target(files, i);
      if (!file) return;
      files.set(pick(RENAMES, r), files.get(file)!);
      files.delete(file);
    },
  })),
);

/** One fuzz case: a few mutations applied in order. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
