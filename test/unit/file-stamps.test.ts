import { statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStamps } from '../../src/load/file-stamps.js';
import { makeTempDir } from '../support/site.js';

/** A clock a minute ahead: every file in the test is then old enough for its stamp to be kept. */
const later = () => (BigInt(Date.now()) + 60_000n) * 1_000_000n;
const stats = (file: string) => statSync(file, { bigint: true });

/** A reader of `file` that counts its reads. */
function counted(file: string) {
  const reader = { reads: 0, read: () => (reader.reads++, readFileSync(file)) };
  return reader;
}

describe('the stamps of the files a build was fingerprinted from', () => {
  it('give the hash of a file whose stats are unchanged without reading it, once written and read back', () => {
    const dir = makeTempDir();
    const file = path.join(dir, '550.md');
    const kept = path.join(dir, 'stamps.json');
    writeFileSync(file, 'title: Mailbox unavailable\n');
    const first = counted(file);
    const stamps = FileStamps.read(undefined, later);
    const hash = stamps.hash(file, stats(file), first.read);
    expect(first.reads).toBe(1);
    stamps.write(kept);

    const again = counted(file);
    expect(FileStamps.read(kept, later).hash(file, stats(file), again.read)).toBe(hash);
    expect(again.reads).toBe(0);
  });

  it('read a file again when it was rewritten with the same size and its old modification time', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, '550.md');
    const kept = path.join(dir, 'stamps.json');
    const then = new Date('2026-01-02T03:04:05Z');
    writeFileSync(file, 'title: Mailbox unavailable\n');
    utimesSync(file, then, then);
    const stamps = FileStamps.read(undefined, later);
    const before = stamps.hash(file, stats(file), () => readFileSync(file));
    const { mtimeNs, size } = stats(file);
    stamps.write(kept);
    // Past the file system's clock tick, so that the change time moves.
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(file, 'title: Mailbox unavailablE\n');
    utimesSync(file, then, then);
    expect([stats(file).mtimeNs, stats(file).size]).toEqual([mtimeNs, size]);
    const reader = counted(file);
    const after = FileStamps.read(kept, later).hash(file, stats(file), reader.read);
    expect(reader.reads).toBe(1);
    expect(after).not.toBe(before);
  });

  it('do not keep a file changed within two seconds of being read: the next build reads it again', () => {
    const dir = makeTempDir();
    const file = path.join(dir, '550.md');
    const kept = path.join(dir, 'stamps.json');
    writeFileSync(file, 'title: Mailbox unavailable\n');
    const stamps = FileStamps.read(undefined);
    stamps.hash(file, stats(file), () => readFileSync(file));
    stamps.write(kept);
    const reader = counted(file);
    FileStamps.read(kept).hash(file, stats(file), reader.read);
    expect(reader.reads).toBe(1);
  });

  it('start empty from a stamps file that is not theirs', () => {
    const dir = makeTempDir();
    const file = path.join(dir, '550.md');
    writeFileSync(file, 'title: Mailbox unavailable\n');
    const kept = path.join(dir, 'stamps.json');
    writeFileSync(kept, JSON.stringify({ [file]: ['1', '2', '3', '4'] }));
    const reader = counted(file);
    FileStamps.read(kept, later).hash(file, stats(file), reader.read);
    writeFileSync(kept, 'not json');
    FileStamps.read(kept, later).hash(file, stats(file), reader.read);
    expect(reader.reads).toBe(2);
  });
});
