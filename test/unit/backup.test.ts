import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupFileName, pruneBackups } from '../../src/ops/backup.js';

describe('backup file names and pruning', () => {
  it('names a backup by its UTC instant, so names sort by time', () => {
    expect(backupFileName(new Date('2026-12-01T19:30:05.123Z'))).toBe('steady-nights-20261201T193005Z.sqlite');
  });

  it.each([
    [3, 5, ['steady-nights-20261203T000000Z.sqlite', 'steady-nights-20261204T000000Z.sqlite', 'steady-nights-20261205T000000Z.sqlite']],
    [1, 2, ['steady-nights-20261202T000000Z.sqlite']],
    [4, 2, ['steady-nights-20261201T000000Z.sqlite', 'steady-nights-20261202T000000Z.sqlite']],
  ])('keeps the newest %i of %i backups and never touches other files', (keep, count, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-nights-prune-'));
    for (let day = count; day >= 1; day--) writeFileSync(join(dir, `steady-nights-2026120${day}T000000Z.sqlite`), '');
    writeFileSync(join(dir, 'my-own-copy.sqlite'), '');
    pruneBackups(dir, keep);
    expect(readdirSync(dir).sort()).toEqual([...expected, 'my-own-copy.sqlite'].sort());
  });
});
