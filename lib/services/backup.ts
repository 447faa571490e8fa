import { describeDownloadError, NO_DOWNLOADS_PERMISSION } from '../backup/errors';
import { backupFileName, isDue } from '../backup/schedule';
import { BACKUP_KEY, backupStateFrom, type BackupChange, type BackupState } from '../model/backup';
import { SETTINGS_KEY, settingsFrom } from '../model/settings';
import type { ClaimmarkDatabase } from '../storage/database';
import { describeStorageError } from '../storage/errors';
import { buildExportFile } from '../storage/export-file';

// Scheduled local backups (issue 16): a Claimmark JSON export of the whole library written to
// the downloads folder. The browser's side (storage.local, downloads, turning a Blob into an
// address the downloads API can fetch) is passed in, so tests run this against fakes.

/** A download as `downloads.search` describes it (the fields a backup reads). */
export interface DownloadItemLike {
  id: number;
  state?: string;
  error?: string;
  filename: string;
}

/** A change to a download as `downloads.onChanged` reports it. */
export interface DownloadDeltaLike {
  id: number;
  state?: { current?: string };
}

/** The part of the `downloads` API a backup uses. */
export interface DownloadsApi {
  download(options: {
    url: string;
    filename: string;
    conflictAction: 'uniquify';
    saveAs: boolean;
  }): Promise<number>;
  search(query: { id: number }): Promise<DownloadItemLike[]>;
  onChanged: {
    addListener(listener: (delta: DownloadDeltaLike) => void): void;
    removeListener(listener: (delta: DownloadDeltaLike) => void): void;
  };
}

/** An address the downloads API can fetch a Blob from, and how to let it go afterwards. */
export interface BlobAddress {
  url: string;
  release: () => Promise<void>;
}

/** The part of `storage.local` a backup uses. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What the backup service works with. */
export interface BackupDeps {
  db: ClaimmarkDatabase;
  local: LocalArea;
  /** The downloads API, or undefined while the reader has not granted the permission. */
  downloads: () => DownloadsApi | undefined;
  /** Makes an address for the file (Chromium's service worker cannot: see the background). */
  addressOf: (blob: Blob) => Promise<BlobAddress>;
  now?: () => Date;
}

/** The backup service the background's alarm and the options page's messages use. */
export interface BackupService {
  /** The settings and how the last backup went. */
  state(): Promise<BackupState>;
  /** Stores the reader's change to the settings. */
  configure(change: BackupChange): Promise<BackupState>;
  /** Makes a backup now, whatever the schedule; its outcome is in the state returned. */
  runNow(): Promise<BackupState>;
  /** Makes a backup if one is due (the alarm's and the start-up's check). */
  runIfDue(): Promise<BackupState>;
}

/** Waits until the download ends; resolves with the file it wrote, rejects with a sentence. */
function finished(downloads: DownloadsApi, id: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const settle = (item: DownloadItemLike | undefined) => {
      if (!item || item.state === 'in_progress') return false;
      downloads.onChanged.removeListener(listener);
      if (item.state === 'complete') resolve(item.filename);
      else reject(new Error(describeDownloadError(item.error)));
      return true;
    };
    const check = () => downloads.search({ id }).then(([item]) => settle(item));
    const listener = (delta: DownloadDeltaLike) => {
      if (delta.id === id && delta.state?.current !== undefined) check().catch(reject);
    };
    downloads.onChanged.addListener(listener);
    // A small file may be written before the listener was added: look once now too.
    check().catch(reject);
  });
}

/** The file's name as the reader finds it: the folder and name under the downloads folder. */
function shownName(path: string, fallback: string): string {
  const name = path.split(/[\\/]/).pop();
  return name ? `${fallback.slice(0, fallback.lastIndexOf('/') + 1)}${name}` : fallback;
}

/** Creates the backup service. */
export function createBackupService({
  db,
  local,
  downloads,
  addressOf,
  now = () => new Date(),
}: BackupDeps): BackupService {
  const read = async () => backupStateFrom((await local.get(BACKUP_KEY))[BACKUP_KEY]);
  // Every write reads the newest record first and they run one at a time, so the reader's change
  // and a backup's outcome, arriving together, both survive.
  let writes: Promise<unknown> = Promise.resolve();
  const update = (change: (state: BackupState) => BackupState): Promise<BackupState> => {
    const next = writes.then(async () => {
      const state = change(await read());
      await local.set({ [BACKUP_KEY]: state });
      return state;
    });
    writes = next.catch(() => undefined);
    return next;
  };

  const readLibrary = async (at: Date) => {
    try {
      const settings = settingsFrom((await local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      // The whole library, with the stories' stored versions: a backup restores everything.
      const file = await buildExportFile(db, { kind: 'all' }, { kind: 'all' }, 'claimmark', at, {
        versions: true,
        settings,
      });
      return file.parts;
    } catch (error) {
      throw new Error(
        `Your library could not be read for the backup: ${describeStorageError(error)}`,
      );
    }
  };

  const backUp = async (): Promise<{ file: string; at: string }> => {
    const api = downloads();
    if (!api) throw new Error(NO_DOWNLOADS_PERMISSION);
    const at = now();
    const name = backupFileName(at);
    const parts = await readLibrary(at);
    const address = await addressOf(new Blob(parts, { type: 'application/json' }));
    try {
      const id = await api.download({
        url: address.url,
        filename: name,
        conflictAction: 'uniquify',
        saveAs: false,
      });
      return { file: shownName(await finished(api, id), name), at: at.toISOString() };
    } finally {
      await address.release().catch(() => undefined);
    }
  };

  // One backup at a time: "Back up now" while the scheduled one runs gets that one's outcome.
  let running: Promise<BackupState> | null = null;
  const run = (): Promise<BackupState> => {
    running ??= backUp()
      .then(
        ({ file, at }) =>
          update((s) => ({ ...s, lastBackupAt: at, lastFile: file, lastError: null })),
        // The last good backup's time and file stay: the schedule tries again at its next check.
        (error: unknown) =>
          update((s) => ({
            ...s,
            lastError: error instanceof Error ? error.message : String(error),
          })),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    state: read,
    configure: ({ enabled, everyDays }) =>
      update((s) => ({
        ...s,
        ...(enabled !== undefined ? { enabled } : {}),
        ...(everyDays !== undefined ? { everyDays } : {}),
      })),
    runNow: run,
    async runIfDue() {
      const state = await read();
      return isDue(state, now()) ? run() : state;
    },
  };
}
