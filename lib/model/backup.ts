import * as v from 'valibot';
import { IsoTime, Text } from './fields';

// Scheduled local backups (issue 16): what the reader chose, and how the last backup went. One
// record in the extension's storage.local; only the background writes it, so the options page
// and a scheduled backup cannot overwrite each other's changes.

/** The fewest and most days between two automatic backups. */
export const BACKUP_DAYS = { min: 1, max: 365 } as const;

/** How many days apart automatic backups are made. */
export const EveryDaysSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(BACKUP_DAYS.min),
  v.maxValue(BACKUP_DAYS.max),
);

/** The backup settings and the last backup's outcome, as stored and as the options page is told. */
export const BackupStateSchema = v.strictObject({
  /** Off until the reader turns it on and grants the downloads permission. */
  enabled: v.boolean(),
  everyDays: EveryDaysSchema,
  /** When the last backup was written, or null before the first. */
  lastBackupAt: v.nullable(IsoTime),
  /** Why the last attempt failed, as a sentence for the reader; null once one succeeds. */
  lastError: v.nullable(Text(500)),
  /** The file the last backup was written to, under the downloads folder. */
  lastFile: v.nullable(Text(500)),
});

/** The backup settings and status. */
export type BackupState = v.InferOutput<typeof BackupStateSchema>;

/** What the reader changes on the options page. */
export const BackupChangeSchema = v.strictObject({
  enabled: v.optional(v.boolean()),
  everyDays: v.optional(EveryDaysSchema),
});

/** A change to the backup settings. */
export type BackupChange = v.InferOutput<typeof BackupChangeSchema>;

/** Before the reader turns backups on: off, weekly, never run. */
export const DEFAULT_BACKUP_STATE: BackupState = {
  enabled: false,
  everyDays: 7,
  lastBackupAt: null,
  lastError: null,
  lastFile: null,
};

/** Where the backup record is kept in the extension's local storage. */
export const BACKUP_KEY = 'backup';

// Field by field, so a damaged status (say, a time an older build wrote differently) cannot turn
// backups off, nor a damaged setting lose the record of the last backup.
const LenientBackupSchema = v.object({
  enabled: v.fallback(v.boolean(), DEFAULT_BACKUP_STATE.enabled),
  everyDays: v.fallback(EveryDaysSchema, DEFAULT_BACKUP_STATE.everyDays),
  lastBackupAt: v.fallback(v.nullable(IsoTime), null),
  lastError: v.fallback(v.nullable(Text(500)), null),
  lastFile: v.fallback(v.nullable(Text(500)), null),
});

/**
 * The record stored under BACKUP_KEY, validated field by field: each field that is missing or not
 * valid takes its default, and anything but an object gives the defaults.
 */
export function backupStateFrom(stored: unknown): BackupState {
  const result = v.safeParse(LenientBackupSchema, stored);
  return result.success ? result.output : DEFAULT_BACKUP_STATE;
}
