import { describe, expect, it } from 'vitest';
import { describeDownloadError } from '@/lib/backup/errors';
import { backupFileName, isDue, nextDue } from '@/lib/backup/schedule';
import { backupStateFrom, DEFAULT_BACKUP_STATE, type BackupState } from '@/lib/model/backup';

const NOW = new Date('2026-05-10T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const on = (change: Partial<BackupState> = {}): BackupState => ({
  ...DEFAULT_BACKUP_STATE,
  enabled: true,
  ...change,
});

describe('the backup settings as stored', () => {
  it('are off, weekly and never run until the reader changes them', () => {
    expect(backupStateFrom(undefined)).toEqual({
      enabled: false,
      everyDays: 7,
      lastBackupAt: null,
      lastError: null,
      lastFile: null,
    });
    expect(backupStateFrom('on')).toEqual(DEFAULT_BACKUP_STATE);
    expect(backupStateFrom(null)).toEqual(DEFAULT_BACKUP_STATE);
  });

  it('keep what is valid and take the default for each field that is not', () => {
    const stored = {
      enabled: true,
      everyDays: 3,
      lastBackupAt: '2026-05-01T08:00:00.000Z',
      lastError: null,
      lastFile: 'claimmark-backups/claimmark-backup-2026-05-01.json',
    };
    expect(backupStateFrom(stored)).toEqual(stored);
    // A damaged time does not switch backups off, nor a damaged period lose the last file.
    expect(backupStateFrom({ ...stored, lastBackupAt: 'yesterday', everyDays: 0 })).toEqual({
      ...stored,
      lastBackupAt: null,
      everyDays: 7,
    });
    expect(backupStateFrom({ ...stored, everyDays: 2.5 }).everyDays).toBe(7);
    expect(backupStateFrom({ ...stored, everyDays: 366 }).everyDays).toBe(7);
    expect(backupStateFrom({ ...stored, everyDays: 365 }).everyDays).toBe(365);
    expect(backupStateFrom({ ...stored, enabled: 'yes' }).enabled).toBe(false);
    expect(backupStateFrom({ ...stored, lastError: 'x'.repeat(501) }).lastError).toBeNull();
    // Keys nobody declared are dropped, not kept.
    expect(backupStateFrom({ ...stored, extra: 1 })).toEqual(stored);
  });
});

describe('when a backup is due', () => {
  it('is never while backups are off, whatever the last backup', () => {
    expect(isDue(DEFAULT_BACKUP_STATE, NOW)).toBe(false);
    expect(isDue({ ...DEFAULT_BACKUP_STATE, lastBackupAt: at(-400 * DAY) }, NOW)).toBe(false);
    expect(nextDue(DEFAULT_BACKUP_STATE, NOW)).toBeNull();
  });

  it('is now for a backup that never ran', () => {
    expect(isDue(on(), NOW)).toBe(true);
    expect(nextDue(on(), NOW)).toEqual(NOW);
  });

  it('is every N days after the last backup, to the millisecond', () => {
    const state = on({ everyDays: 3, lastBackupAt: at(-3 * DAY + 1) });
    expect(isDue(state, NOW)).toBe(false);
    expect(nextDue(state, NOW)).toEqual(new Date(NOW.getTime() + 1));
    expect(isDue(on({ everyDays: 3, lastBackupAt: at(-3 * DAY) }), NOW)).toBe(true);
    expect(isDue(on({ everyDays: 1, lastBackupAt: at(-30 * DAY) }), NOW)).toBe(true);
    expect(nextDue(on({ everyDays: 7, lastBackupAt: at(-DAY) }), NOW)).toEqual(
      new Date(NOW.getTime() + 6 * DAY),
    );
  });

  it('is now when the clock went back behind the last backup, so backups do not stop for years', () => {
    const ahead = on({ everyDays: 7, lastBackupAt: at(2 * 365 * DAY) });
    expect(isDue(ahead, NOW)).toBe(true);
    expect(nextDue(ahead, NOW)).toEqual(NOW);
    // A backup stamped exactly now is not in the future: the next is N days on.
    expect(isDue(on({ lastBackupAt: at(0) }), NOW)).toBe(false);
  });
});

describe('the backup file', () => {
  it('is named after the reader’s calendar day, in the backups folder', () => {
    const local = new Date(2026, 0, 5, 23, 30);
    expect(backupFileName(local)).toBe('claimmark-backups/claimmark-backup-2026-01-05.json');
  });

  it('says in words why a download stopped, and that nothing else changed', () => {
    expect(describeDownloadError('FILE_NO_SPACE')).toMatch(/^Your disk is full/);
    expect(describeDownloadError('FILE_NO_SPACE')).toMatch(/library is unchanged/);
    expect(describeDownloadError('SERVER_FAILED')).toMatch(/\(SERVER_FAILED\)/);
    expect(describeDownloadError(undefined)).toMatch(/could not be written/);
  });
});
