import * as v from 'valibot';
import { IsoTime, Text } from './fields';
import { RECORD_LIMITS as R } from './limits';

// What the reader sets for sync through CouchDB (issue 16), kept in the extension's
// storage.local. The password is kept there sealed (lib/sync/seal.ts): it is never exported,
// never sent to a page, and goes to the server only, over HTTPS or loopback.

/** Where the sync settings are kept in storage.local. */
export const SYNC_SETTINGS_KEY = 'syncSettings';
/** Where the background writes how sync is doing, for the options page to show. */
export const SYNC_STATUS_KEY = 'syncStatus';

/** The sync settings as stored. */
export const SyncSettingsSchema = v.object({
  /** Sync runs only when the reader turned it on and the server's origin is granted. */
  enabled: v.boolean(),
  /** The CouchDB database's URL, e.g. https://couch.example.org/claimmark (checked by lib/sync/server-url). */
  url: Text(2000),
  username: Text(200),
  /** Sealed (lib/sync/seal.ts): only the background can read it. */
  password: Text(4000),
  /** The name the reader's notes are signed with in a shared library. */
  author: Text(R.author),
});

/** The sync settings. */
export type SyncSettings = v.InferOutput<typeof SyncSettingsSchema>;

/** Sync is off until the reader sets it up. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  enabled: false,
  url: '',
  username: '',
  password: '',
  author: '',
};

/** The stored sync settings, validated: the defaults when none are stored or they are damaged. */
export function syncSettingsFrom(stored: unknown): SyncSettings {
  const result = v.safeParse(SyncSettingsSchema, stored);
  return result.success ? result.output : DEFAULT_SYNC_SETTINGS;
}

/** What the options page shows of sync. */
export const SyncStatusSchema = v.object({
  state: v.picklist(['off', 'syncing', 'idle', 'error']),
  /** When a whole pull and push last finished. */
  lastSyncedAt: v.nullable(IsoTime),
  /** Local changes not yet on the server (articles whose notes changed, counted once each). */
  pending: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The last error, in plain words; null once a sync succeeds. */
  lastError: v.nullable(Text(500)),
  /** Documents from the server that were refused, since sync was turned on. */
  refused: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** How sync is doing. */
export type SyncStatus = v.InferOutput<typeof SyncStatusSchema>;

/** The status before sync ever ran. */
export const SYNC_STATUS_OFF: SyncStatus = {
  state: 'off',
  lastSyncedAt: null,
  pending: 0,
  lastError: null,
  refused: 0,
};

/** The stored sync status, validated: "off" when none is stored or it is damaged. */
export function syncStatusFrom(stored: unknown): SyncStatus {
  const result = v.safeParse(SyncStatusSchema, stored);
  return result.success ? result.output : SYNC_STATUS_OFF;
}

/** Whether a note is the reader's own: unsigned, or signed with their name. */
export function isOwnNote(note: { author?: string }, me: string): boolean {
  return note.author === undefined || note.author === '' || note.author === me;
}
