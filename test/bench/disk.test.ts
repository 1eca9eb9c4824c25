import { describe, expect, it } from 'vitest';
import { diskNote, hasJournal, mountOf } from '../../src/bench/disk.js';

const MOUNTS = [
  '/dev/vda / ext4 rw,relatime,discard 0 0',
  'tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0',
  '/dev/loop0 /mnt/with\\040space ext4 rw,relatime 0 0',
  '/dev/vdb /work xfs rw 0 0',
].join('\n');

describe('the disk a benchmark runs on', () => {
  it('is the mount with the longest point above the folder, spaces unescaped', () => {
    expect(mountOf('/tmp/code-compare-bench-x', MOUNTS)).toEqual({ mount: '/', device: '/dev/vda', type: 'ext4' });
    expect(mountOf('/dev/shm/code-compare-bench-x', MOUNTS)).toEqual({ mount: '/dev/shm', device: 'tmpfs', type: 'tmpfs' });
    expect(mountOf('/dev/shmother/x', MOUNTS)?.mount).toBe('/');
    expect(mountOf('/mnt/with space/bench', MOUNTS)).toEqual({ mount: '/mnt/with space', device: '/dev/loop0', type: 'ext4' });
    expect(mountOf('/work', MOUNTS)?.type).toBe('xfs');
  });

  it("has a journal when jbd2 lists the device's name, not another device's that begins alike", () => {
    expect(hasJournal('/dev/loop0', ['loop0-8'])).toBe(true);
    expect(hasJournal('/dev/vda', ['loop0-8'])).toBe(false);
    expect(hasJournal('/dev/vda', ['vda1-8'])).toBe(false);
    expect(hasJournal('/dev/vda1', ['vda1-8'])).toBe(true);
  });

  it('is said with a warning for ext4 without a journal only', () => {
    expect(diskNote({ mount: '/', device: '/dev/vda', type: 'ext4', journal: false })).toMatch(/without a journal: .*freed in the last minutes/);
    expect(diskNote({ mount: '/', device: '/dev/vda', type: 'ext4', journal: true })).toBe('disk: ext4 at / (/dev/vda), with a journal');
    expect(diskNote({ mount: '/dev/shm', device: 'tmpfs', type: 'tmpfs' })).toBe('disk: tmpfs at /dev/shm (tmpfs)');
    expect(diskNote(undefined)).toBeUndefined();
  });
});
