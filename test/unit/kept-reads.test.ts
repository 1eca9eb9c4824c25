import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptReads } from '../../src/load/kept-reads.js';

const root = path.resolve('/project');
const at = (...parts: string[]) => path.join(root, ...parts);

/** A reader that counts how often each file was read, and gives the count as what it read. */
function counted() {
  const reads = new Map<string, number>();
  return (file: string) => () => {
    reads.set(file, (reads.get(file) ?? 0) + 1);
    return reads.get(file)!;
  };
}

describe('source files kept between the preview’s updates', () => {
  it('reads every time until started, then once until the file is forgotten', () => {
    const kept = new KeptReads<number>();
    const read = counted();
    const file = at('codes/smtp/550.md');
    expect(kept.read(file, read(file))).toBe(1);
    expect(kept.read(file, read(file))).toBe(2);
    kept.start();
    expect(kept.read(file, read(file))).toBe(3);
    expect(kept.read(file, read(file))).toBe(3);
    kept.forget(file);
    expect(kept.read(file, read(file))).toBe(4);
    kept.stop();
    expect(kept.read(file, read(file))).toBe(5);
  });

  it('forgets what lies below a folder that changed, and nothing beside it with the same beginning', () => {
    const kept = new KeptReads<number>();
    const read = counted();
    kept.start();
    const files = [at('codes/smtp/550.md'), at('codes/smtp/pairs/550-vs-553.md'), at('codes/smtp-enhanced/5.1.1.md'), at('codes/smtp.md')];
    for (const file of files) kept.read(file, read(file));
    kept.forget(at('codes/smtp'));
    expect(files.map((file) => kept.read(file, read(file)))).toEqual([2, 2, 1, 1]);
  });
});
