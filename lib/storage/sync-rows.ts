import type { Fingerprints } from '../sync/merge';

/** What this device knows of one server document since it last read or wrote it. */
export interface SyncStateRow {
  /** The document's id (`note:<uuid>`, `article:<url>`). */
  id: string;
  /** The article the document belongs to (an article document: its own key). */
  articleUrl: string;
  rev: string;
  /** Each field's fingerprint as the server has it: the base of a three-way merge. */
  fp: Fingerprints;
  /** The server holds a deletion. */
  deleted?: true;
}

/** Sync's own records: its checkpoint, and the key its password is sealed with. */
export type SyncMetaRow = CheckpointRow | SealKeyRow;

/** The key the sync password is sealed with in storage.local (lib/sync/seal.ts). */
export interface SealKeyRow {
  key: 'sealKey';
  bytes: Uint8Array<ArrayBuffer>;
}

/** Sync's checkpoint for the one server it syncs with. */
export interface CheckpointRow {
  key: 'checkpoint';
  /** The database the checkpoint is for; another address starts afresh. */
  dbUrl: string;
  /** Where the server's changes feed was read up to. */
  since: string | number;
  /** Names this device's history with that database; the server keeps it in a `_local` document. */
  session: string;
}
