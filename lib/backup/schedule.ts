import type { BackupState } from '../model/backup';

// When an automatic backup is due. The background asks hourly (an alarm) and when it starts; a
// backup is made at the first check after it falls due, so "every 7 days" may mean 7 days and
// up to an hour, or longer while the browser is closed.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The folder under the downloads folder that backups are written to. */
export const BACKUP_FOLDER = 'claimmark-backups';

type Schedule = Pick<BackupState, 'enabled' | 'everyDays' | 'lastBackupAt'>;

/** When the next automatic backup falls due; null when backups are off. */
export function nextDue(state: Schedule, now: Date): Date | null {
  if (!state.enabled) return null;
  if (state.lastBackupAt === null) return now;
  const last = Date.parse(state.lastBackupAt);
  // A last backup stamped later than now means the clock was moved back (or was wrong then):
  // waiting for that stamp could mean no backup for years, so one is due now instead.
  if (Number.isNaN(last) || last > now.getTime()) return now;
  return new Date(last + state.everyDays * DAY_MS);
}

/** True when an automatic backup should be made at `now`. */
export function isDue(state: Schedule, now: Date): boolean {
  const due = nextDue(state, now);
  return due !== null && due.getTime() <= now.getTime();
}

/** The backup's file name under the downloads folder, dated with the reader's calendar day. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${BACKUP_FOLDER}/claimmark-backup-${day}.json`;
}
