import * as v from 'valibot';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS, ARTICLES, closeDatabases, dump, freshDb, seed } from './exchange-fixtures';
import { failingIndexedDB } from './failing-indexeddb';
import { NO_DOWNLOADS_PERMISSION } from '@/lib/backup/errors';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { ClaimmarkExportSchema } from '@/lib/exchange/schema';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import { BACKUP_KEY, DEFAULT_BACKUP_STATE, type BackupState } from '@/lib/model/backup';
import { DEFAULT_EXPORT_SETTINGS, SETTINGS_KEY } from '@/lib/model/settings';
import { createHandlers } from '@/lib/services/background-handlers';
import {
  createBackupService,
  type BackupDeps,
  type DownloadDeltaLike,
  type DownloadItemLike,
  type DownloadsApi,
} from '@/lib/services/backup';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';

const DOWNLOADS = '/home/reader/Downloads';
const FIRST_DAY = new Date(2026, 4, 10, 9, 0);

/** What a download ends as: written, or stopped with the browser's reason. */
type Outcome = { state: 'complete' } | { state: 'interrupted'; error: string };

/**
 * The downloads API over a disk kept in memory: files are named as the browser would (a second
 * file of the same name gets " (1)"), and each download ends after it was started, as in the
 * browser, with the outcome the test chose.
 */
function fakeDownloads() {
  const disk = new Map<string, string>();
  const items = new Map<number, DownloadItemLike>();
  const listeners = new Set<(delta: DownloadDeltaLike) => void>();
  const requests: Parameters<DownloadsApi['download']>[0][] = [];
  const blobs = new Map<string, Blob>();
  const released: string[] = [];
  let outcome: Outcome = { state: 'complete' };
  let made = 0;

  const uniquePath = (name: string) => {
    const path = `${DOWNLOADS}/${name}`;
    if (!disk.has(path)) return path;
    for (let n = 1; ; n++) {
      const numbered = path.replace(/\.json$/, ` (${String(n)}).json`);
      if (!disk.has(numbered)) return numbered;
    }
  };

  const api: DownloadsApi = {
    download(options) {
      requests.push(options);
      const blob = blobs.get(options.url);
      if (!blob) return Promise.reject(new Error('Invalid URL'));
      const id = requests.length;
      const filename = uniquePath(options.filename);
      items.set(id, { id, state: 'in_progress', filename });
      const end = outcome;
      void blob.text().then((text) => {
        if (end.state === 'complete') disk.set(filename, text);
        items.set(id, { id, filename, ...end });
        for (const listener of listeners) {
          listener({ id, state: { current: end.state } });
        }
      });
      return Promise.resolve(id);
    },
    search: ({ id }) => {
      const item = items.get(id);
      return Promise.resolve(item ? [item] : []);
    },
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
  const addressOf: BackupDeps['addressOf'] = (blob) => {
    const url = `blob:chrome-extension://claimmark/${String(++made)}`;
    blobs.set(url, blob);
    return Promise.resolve({
      url,
      release: () => {
        released.push(url);
        blobs.delete(url);
        return Promise.resolve();
      },
    });
  };
  return {
    api,
    addressOf,
    disk,
    requests,
    released,
    listeners,
    /** How the next downloads end. */
    endWith: (next: Outcome) => {
      outcome = next;
    },
  };
}

let clock: Date;

function setup(db: ClaimmarkDatabase = freshDb(), granted = true) {
  const downloads = fakeDownloads();
  const service = createBackupService({
    db,
    local: fakeBrowser.storage.local,
    downloads: () => (granted ? downloads.api : undefined),
    addressOf: downloads.addressOf,
    now: () => clock,
  });
  return { db, downloads, service };
}

const stored = async (): Promise<unknown> =>
  (await fakeBrowser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];

beforeEach(() => {
  fakeBrowser.reset();
  clock = FIRST_DAY;
});
afterEach(closeDatabases);

describe('a backup', () => {
  it('saves a Claimmark JSON export of the whole library in the backups folder, and says where', async () => {
    const { db, downloads, service } = setup();
    await seed(db, ARTICLES, ANNOTATIONS);
    const reviewer = { ...DEFAULT_EXPORT_SETTINGS.reviewer, name: 'Anna Roe' };
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_EXPORT_SETTINGS, reviewer },
    });

    const state = await service.runNow();

    expect(downloads.requests).toEqual([
      {
        url: 'blob:chrome-extension://claimmark/1',
        filename: 'claimmark-backups/claimmark-backup-2026-05-10.json',
        conflictAction: 'uniquify',
        saveAs: false,
      },
    ]);
    const text = downloads.disk.get(
      `${DOWNLOADS}/claimmark-backups/claimmark-backup-2026-05-10.json`,
    );
    expect(v.safeParse(ClaimmarkExportSchema, JSON.parse(text ?? 'null')).success).toBe(true);
    const parsed = parseImportFile(text ?? '');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.annotations.map((a) => a.id).sort()).toEqual(ANNOTATIONS.map((a) => a.id).sort());
    expect(parsed.articles).toHaveLength(ARTICLES.length);
    expect(parsed.settings?.reviewer.name).toBe('Anna Roe');

    const expected: BackupState = {
      ...DEFAULT_BACKUP_STATE,
      lastBackupAt: FIRST_DAY.toISOString(),
      lastFile: 'claimmark-backups/claimmark-backup-2026-05-10.json',
    };
    expect(state).toEqual(expected);
    expect(await stored()).toEqual(expected);
    // The blob's address is let go once the file is written, and no listener is left behind.
    expect(downloads.released).toEqual(['blob:chrome-extension://claimmark/1']);
    expect(downloads.listeners.size).toBe(0);
  });

  it('leaves an earlier file of the same day as it was: the browser numbers the new one', async () => {
    const { db, downloads, service } = setup();
    await seed(db, ARTICLES, ANNOTATIONS.slice(0, 1));
    await service.runNow();
    const first = `${DOWNLOADS}/claimmark-backups/claimmark-backup-2026-05-10.json`;
    const before = downloads.disk.get(first);
    await seed(db, [], ANNOTATIONS);
    const state = await service.runNow();
    expect(state.lastFile).toBe('claimmark-backups/claimmark-backup-2026-05-10 (1).json');
    expect(downloads.disk.get(first)).toBe(before);
    expect(downloads.disk.size).toBe(2);
  });

  it('on a full disk keeps the last good backup’s time and file, says why, and touches nothing', async () => {
    const { db, downloads, service } = setup();
    await seed(db, ARTICLES, ANNOTATIONS);
    const good = await service.runNow();
    const files = new Map(downloads.disk);
    const library = await dump(db);

    clock = new Date(FIRST_DAY.getTime() + 8 * 24 * 60 * 60 * 1000);
    downloads.endWith({ state: 'interrupted', error: 'FILE_NO_SPACE' });
    const state = await service.runNow();

    expect(state).toEqual({ ...good, lastError: state.lastError });
    expect(state.lastError).toMatch(/^Your disk is full: the backup could not be written/);
    expect(state.lastError).toMatch(/library is unchanged, and so are earlier backups/);
    expect(await stored()).toEqual(state);
    expect(downloads.disk).toEqual(files);
    expect(await dump(db)).toEqual(library);
    expect(downloads.released).toHaveLength(2);
    expect(downloads.listeners.size).toBe(0);

    // The next one that works clears the error.
    downloads.endWith({ state: 'complete' });
    expect((await service.runNow()).lastError).toBeNull();
  });

  it('that cannot read the library records why, keeps the last status and downloads nothing', async () => {
    const broken = new ClaimmarkDatabase(`broken-${crypto.randomUUID()}`, {
      indexedDB: failingIndexedDB(),
      IDBKeyRange,
    });
    const { downloads, service } = setup(broken);
    const last = {
      ...DEFAULT_BACKUP_STATE,
      enabled: true,
      lastBackupAt: '2026-05-01T08:00:00.000Z',
      lastFile: 'claimmark-backups/claimmark-backup-2026-05-01.json',
    };
    await fakeBrowser.storage.local.set({ [BACKUP_KEY]: last });
    const state = await service.runNow();
    expect(state).toEqual({ ...last, lastError: state.lastError });
    expect(state.lastError).toMatch(/^Your library could not be read for the backup: /);
    expect(downloads.requests).toEqual([]);
  });

  it('without the downloads permission says how to grant it', async () => {
    const { downloads, service } = setup(freshDb(), false);
    const state = await service.runNow();
    expect(state.lastError).toBe(NO_DOWNLOADS_PERMISSION);
    expect(state.lastBackupAt).toBeNull();
    expect(downloads.requests).toEqual([]);
  });
});

describe('the schedule', () => {
  it('backs up only when on and due: at once when never run, then every N days', async () => {
    const { db, downloads, service } = setup();
    await seed(db, ARTICLES, ANNOTATIONS);
    expect(await service.runIfDue()).toEqual(DEFAULT_BACKUP_STATE);
    expect(downloads.requests).toHaveLength(0);

    await service.configure({ enabled: true, everyDays: 2 });
    expect((await service.runIfDue()).lastBackupAt).toBe(FIRST_DAY.toISOString());
    expect(downloads.requests).toHaveLength(1);

    clock = new Date(FIRST_DAY.getTime() + 47 * 60 * 60 * 1000);
    await service.runIfDue();
    expect(downloads.requests).toHaveLength(1);
    clock = new Date(FIRST_DAY.getTime() + 48 * 60 * 60 * 1000);
    await service.runIfDue();
    expect(downloads.requests).toHaveLength(2);
    expect(downloads.requests[1]?.filename).toBe(
      'claimmark-backups/claimmark-backup-2026-05-12.json',
    );
  });

  it('makes one backup when "Back up now" comes while a scheduled one runs', async () => {
    const { downloads, service } = setup();
    await service.configure({ enabled: true });
    const [scheduled, now] = await Promise.all([service.runIfDue(), service.runNow()]);
    expect(downloads.requests).toHaveLength(1);
    expect(now).toEqual(scheduled);
  });

  it('keeps a change the reader makes while a backup is being written', async () => {
    const { service } = setup();
    await service.configure({ enabled: true });
    const [, changed] = await Promise.all([service.runNow(), service.configure({ everyDays: 30 })]);
    expect(changed.everyDays).toBe(30);
    expect(await stored()).toMatchObject({
      enabled: true,
      everyDays: 30,
      lastBackupAt: FIRST_DAY.toISOString(),
    });
  });
});

describe('the backup messages', () => {
  const options: Sender = {
    origin: 'extension',
    url: 'chrome-extension://id/options.html',
    tabId: 3,
  };
  const editor: Sender = {
    origin: 'extension',
    url: 'chrome-extension://id/editor.html?draft=x',
    tabId: 3,
    frameId: 2,
  };
  const popup: Sender = {
    origin: 'extension',
    url: 'chrome-extension://id/popup.html',
    tabId: null,
  };
  const content: Sender = {
    origin: 'content',
    tabId: 3,
    frameId: 0,
    url: 'https://news.example.com/',
  };

  function route() {
    const { db, downloads, service } = setup();
    return {
      downloads,
      route: createRouter(
        'background',
        createHandlers({
          db,
          tabs: createTabStore(memoryArea()),
          requestBody: () => Promise.resolve(null),
          backup: service,
        }),
      ),
    };
  }

  it('answer the options page', async () => {
    const { route: send, downloads } = route();
    expect(await send({ type: 'backup.state', payload: {} }, options)).toEqual({
      ok: true,
      value: DEFAULT_BACKUP_STATE,
    });
    const on = await send({ type: 'backup.configure', payload: { enabled: true } }, options);
    expect(on).toEqual({ ok: true, value: { ...DEFAULT_BACKUP_STATE, enabled: true } });
    const now = await send({ type: 'backup.now', payload: {} }, options);
    expect(now).toMatchObject({ ok: true, value: { lastError: null } });
    expect(downloads.requests).toHaveLength(1);
  });

  it('are refused from content scripts, the editor frame and the popup, and when malformed', async () => {
    const { route: send, downloads } = route();
    expect(await send({ type: 'backup.now', payload: {} }, content)).toEqual({
      ok: false,
      error: 'Rejected message: backup.now may only be sent from extension code',
    });
    for (const sender of [editor, popup]) {
      expect(await send({ type: 'backup.now', payload: {} }, sender)).toEqual({
        ok: false,
        error: 'Backups are set from the options page only.',
      });
    }
    const wrong = await send({ type: 'backup.configure', payload: { everyDays: 0 } }, options);
    expect(wrong.ok).toBe(false);
    const extra = await send(
      { type: 'backup.configure', payload: { lastBackupAt: '2030-01-01T00:00:00.000Z' } },
      options,
    );
    expect(extra.ok).toBe(false);
    expect(downloads.requests).toHaveLength(0);
    expect(await stored()).toBeUndefined();
  });

  it('are refused where the background has no backup service', async () => {
    const send = createRouter(
      'background',
      createHandlers({
        db: freshDb(),
        tabs: createTabStore(memoryArea()),
        requestBody: () => Promise.resolve(null),
      }),
    );
    expect(await send({ type: 'backup.state', payload: {} }, options)).toEqual({
      ok: false,
      error: 'Backups are not available in this browser.',
    });
  });
});
