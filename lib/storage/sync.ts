import Dexie from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { capVersions, mergeArticleVersions } from '../exchange/plan-versions';
import type { VersionContent, VersionRecord } from '../model/version';
import {
  articleDocId,
  noteDocId,
  noteFromDoc,
  syncedNote,
  toArticleDoc,
  toNoteDoc,
  toVersionDoc,
  versionDocId,
  type CheckedDoc,
  type SyncedNote,
} from '../sync/docs';
import { packVersion, unpackVersion } from '../versions/codec';
import { newSealKey } from '../sync/seal';
import { fingerprint, mergeArticles, mergeNotes, sameFingerprints } from '../sync/merge';
import type { LocalSide, PushDoc } from '../sync/replicate';
import type { ClaimmarkDatabase } from './database';
import { packRow, readNotes, unpackRow, writeNotes } from './notes';
import { markFromServer, outboxStamp } from './outbox';
import type { SyncStateRow } from './sync-rows';

// The library's side of sync: what the replicator (lib/sync/replicate.ts) reads and writes
// here, each step one transaction.

function markCurrent(): void {
  // Called inside a transaction only; Dexie types the current one as always there.
  markFromServer(Dexie.currentTransaction.idbtrans);
}

/** Every article key with a record or notes: keys only, never the rows. */
async function allArticleKeys(db: ClaimmarkDatabase): Promise<string[]> {
  const keys = new Set<string>();
  for (const k of await db.articles.toCollection().primaryKeys()) keys.add(k);
  for (const k of await db.notes.toCollection().primaryKeys()) keys.add(k);
  return [...keys];
}

/** The library's side of sync, on this database. */
export function createLocalSide(db: ClaimmarkDatabase): LocalSide {
  const sync = [db.articles, db.notes, db.syncState, db.syncMeta, db.outbox];

  return {
    async checkpoint(dbUrl) {
      const row = await db.syncMeta.get('checkpoint');
      return row?.key === 'checkpoint' && row.dbUrl === dbUrl
        ? { since: row.since, session: row.session }
        : null;
    },

    async reset(dbUrl, session) {
      await db.transaction('rw', sync, async () => {
        markCurrent();
        // Revisions belong to the server's history, which is gone; what each document held when
        // last synced stays, so a delete made here and not yet sent is still a delete.
        await db.syncState.toCollection().modify({ rev: '' });
        const at = outboxStamp();
        await db.outbox.bulkPut((await allArticleKeys(db)).map((key) => ({ key, at })));
        await db.syncMeta.put({ key: 'checkpoint', dbUrl, since: 0, session });
      });
    },

    async missingArticles(keys) {
      const found = await db.articles.bulkGet([...keys]);
      return keys.filter((_, i) => found[i] === undefined);
    },

    async apply(docs, checkpoint) {
      if (docs.length === 0 && checkpoint === null) return [];
      // Versions are packed and their texts checked against their hashes before the transaction.
      const packed = new Map<string, VersionRecord>();
      const refused: { id: string; reason: string }[] = [];
      const versionDocs = docs.filter((d) => d.kind === 'version');
      // This device's own versions, read back after a push, are not packed again.
      const held = await db.syncState.bulkGet(
        versionDocs.map((d) => versionDocId(d.version.articleUrl, d.version.hash)),
      );
      for (const [at, d] of versionDocs.entries()) {
        if (held[at]?.rev === d.rev) continue;
        const id = versionDocId(d.version.articleUrl, d.version.hash);
        const made = await packVersion(d.version.content);
        if (made.hash !== d.version.hash) {
          refused.push({ id: id.slice(0, 200), reason: 'its text does not match its hash' });
          continue;
        }
        packed.set(id, {
          articleUrl: d.version.articleUrl,
          n: 1,
          hash: made.hash,
          ...(d.version.story !== undefined ? { story: d.version.story } : {}),
          seenAt: d.version.seenAt,
          modified: d.version.modified,
          chars: made.chars,
          bytes: made.data.byteLength,
          data: made.data,
        });
      }
      await db.transaction('rw', [...sync, db.versions], async () => {
        markCurrent();
        await applyVersions(db, docs, packed);
        await applyDocs(db, docs);
        if (checkpoint !== null) {
          const row = await db.syncMeta.get('checkpoint');
          if (row?.key === 'checkpoint') await db.syncMeta.put({ ...row, since: checkpoint });
        }
      });
      return refused;
    },

    async pending(limit) {
      return db.outbox.limit(limit).toArray();
    },

    countPending: () => db.outbox.count(),

    async collect(entries, author) {
      const unsent: VersionRecord[] = [];
      const out = await db.transaction('rw', [...sync, db.versions], async () => {
        markCurrent();
        const docs: PushDoc[] = [];
        for (const { key } of entries)
          docs.push(...(await collectArticle(db, key, author, unsent)));
        return docs;
      });
      // Unpacked after the transaction: IndexedDB ends one that waits on anything else.
      for (const row of unsent) {
        let content: VersionContent;
        try {
          content = await unpackVersion(row.data);
        } catch {
          continue; // A damaged stored version stays here and is not sent.
        }
        out.push({
          doc: toVersionDoc({
            articleUrl: row.articleUrl,
            hash: row.hash,
            ...(row.story !== undefined ? { story: row.story } : {}),
            seenAt: row.seenAt,
            modified: row.modified,
            content,
          }),
          articleUrl: row.articleUrl,
          fp: { hash: row.hash },
        });
      }
      return out;
    },

    async acknowledge(accepted, entries) {
      await db.transaction('rw', sync, async () => {
        markCurrent();
        await db.syncState.bulkPut(
          accepted.map((a): SyncStateRow => ({
            id: a.id,
            articleUrl: a.articleUrl,
            rev: a.rev,
            fp: a.fp,
            ...(a.deleted ? { deleted: true } : {}),
          })),
        );
        const now = await db.outbox.bulkGet(entries.map((e) => e.key));
        const done = entries.filter((e, i) => now[i]?.at === e.at).map((e) => e.key);
        await db.outbox.bulkDelete(done);
      });
    },

    async forget(ids) {
      if (ids.length === 0) return;
      await db.transaction('rw', sync, async () => {
        markCurrent();
        const rows = await db.syncState.bulkGet([...ids]);
        await db.syncState.bulkDelete([...ids]);
        const at = outboxStamp();
        await db.outbox.bulkPut(rows.flatMap((r) => (r ? [{ key: r.articleUrl, at }] : [])));
      });
    },
  };
}

/** The key the sync password is sealed with, made on first use; it never leaves this database. */
export async function sealKey(db: ClaimmarkDatabase): Promise<Uint8Array<ArrayBuffer>> {
  return db.transaction('rw', db.syncMeta, async () => {
    const row = await db.syncMeta.get('sealKey');
    if (row?.key === 'sealKey') return row.bytes;
    const bytes = newSealKey();
    await db.syncMeta.put({ key: 'sealKey', bytes });
    return bytes;
  });
}

/** The documents one article needs written: its record, changed notes, and deletions. */
async function collectArticle(
  db: ClaimmarkDatabase,
  key: string,
  author: string,
  unsent: VersionRecord[],
): Promise<PushDoc[]> {
  const out: PushDoc[] = [];
  const versions = await db.versions.where('articleUrl').equals(key).toArray();
  const hashOf = hashesOf(versions);
  const article = await db.articles.get(key);
  const row = await db.notes.get(key);
  const states = new Map(
    (await db.syncState.where('articleUrl').equals(key).toArray()).map((s) => [s.id, s]),
  );
  if (article) {
    const id = articleDocId(key);
    const state = states.get(id);
    states.delete(id);
    const fp = fingerprint(article);
    if (!state?.rev || state.deleted || !sameFingerprints(fp, state.fp)) {
      out.push({ doc: withRev(toArticleDoc(article), state), articleUrl: key, fp });
    }
  }
  let notes = row ? unpackRow(row) : [];
  // The reader's own new notes are signed before they leave, so a team sees who made them; a
  // note that came from the server unsigned is someone else's, and stays as it came.
  const known = (id: string) => states.has(noteDocId(id));
  const unsigned = (n: AnnotationRecord) => n.author === undefined && !known(n.id);
  if (author && notes.some(unsigned)) {
    notes = notes.map((n) => (unsigned(n) ? { ...n, author } : n));
    await db.notes.put(packRow(key, notes));
  }
  for (const note of notes) {
    const id = noteDocId(note.id);
    const state = states.get(id);
    states.delete(id);
    const synced = syncedNote(note, hashOf);
    const fp = fingerprint(synced);
    if (!state?.rev || state.deleted || !sameFingerprints(fp, state.fp)) {
      out.push({ doc: withRev(toNoteDoc(synced), state), articleUrl: key, fp });
    }
  }
  // Versions the server does not have yet; a version is never changed, only added.
  for (const row of versions) {
    const id = versionDocId(key, row.hash);
    const state = states.get(id);
    if (!state?.rev || state.deleted) unsent.push(row);
    states.delete(id);
  }
  // What the server has of this article and this device no longer does: deleted here.
  for (const state of states.values()) {
    if (state.deleted || !state.id.startsWith('note:')) continue;
    out.push({
      doc: withRev({ _id: state.id, _deleted: true as const }, state),
      articleUrl: key,
      fp: {},
    });
  }
  return out;
}

/** An article's version numbers → the hashes of their texts. */
function hashesOf(
  rows: readonly Pick<VersionRecord, 'n' | 'hash'>[],
): (n: number) => string | undefined {
  const byNumber = new Map(rows.map((r) => [r.n, r.hash]));
  return (n) => byNumber.get(n);
}

/**
 * Merges versions from the server into their articles' stored versions, inside the caller's
 * transaction: a text this device holds is that version; the others join in the order they were
 * seen, as an import merges them (lib/exchange/plan-versions.ts), and the notes' numbers follow.
 */
async function applyVersions(
  db: ClaimmarkDatabase,
  docs: readonly CheckedDoc[],
  packed: ReadonlyMap<string, VersionRecord>,
): Promise<void> {
  const byArticle = new Map<string, { id: string; rev: string; record: VersionRecord }[]>();
  for (const d of docs) {
    if (d.kind !== 'version') continue;
    const id = versionDocId(d.version.articleUrl, d.version.hash);
    const record = packed.get(id);
    if (!record) continue;
    const list = byArticle.get(record.articleUrl) ?? [];
    list.push({ id, rev: d.rev, record });
    byArticle.set(record.articleUrl, list);
  }
  const states: SyncStateRow[] = [];
  for (const [articleUrl, incoming] of byArticle) {
    const library = await db.versions.where('articleUrl').equals(articleUrl).toArray();
    const merge = mergeArticleVersions(
      library,
      incoming
        .sort((a, b) => a.record.seenAt.localeCompare(b.record.seenAt))
        .map((item, at) => ({ record: { ...item.record, n: at + 1 }, where: item.id })),
    );
    for (const item of incoming)
      states.push({ id: item.id, articleUrl, rev: item.rev, fp: { hash: item.record.hash } });
    if (!merge.rows) continue;
    const notes = await readNotes(db, articleUrl);
    const renumbered = notes.map((n) => {
      if (n.version === undefined) return n;
      const to = merge.fromLibrary.get(n.version);
      return to === n.version ? n : { ...n, version: to ?? n.version };
    });
    const inUse = new Set(renumbered.flatMap((n) => (n.version === undefined ? [] : [n.version])));
    const rows = capVersions(merge.rows, inUse);
    await db.versions.where('articleUrl').equals(articleUrl).delete();
    await db.versions.bulkPut(rows);
    if (renumbered.some((n, i) => n !== notes[i])) await writeNotes(db, articleUrl, renumbered);
  }
  await db.syncState.bulkPut(states);
}

/** A document with the revision this device last saw of it; none after a reset. */
function withRev<T extends { _id: string }>(
  doc: T,
  state: SyncStateRow | undefined,
): T & { _rev?: string } {
  return state?.rev ? { ...doc, _rev: state.rev } : doc;
}

/** Applies checked server documents inside the caller's transaction. */
async function applyDocs(db: ClaimmarkDatabase, docs: readonly CheckedDoc[]): Promise<void> {
  const usable = docs.filter(
    (d) => d.kind !== 'refused' && d.kind !== 'apart' && d.kind !== 'version',
  );
  if (usable.length === 0) return;
  const idOf = (d: CheckedDoc) =>
    d.kind === 'note'
      ? noteDocId(d.note.id)
      : d.kind === 'article'
        ? articleDocId(d.article.url)
        : d.kind === 'deleted'
          ? d.id
          : '';
  const stateList = await db.syncState.bulkGet(usable.map(idOf));
  const states = new Map<string, SyncStateRow>();
  for (const s of stateList) if (s) states.set(s.id, s);
  // Documents this device has at that revision already (its own writes, read back on the next
  // pull) change nothing: left out before their articles' rows are read.
  const fresh = usable.filter((d) => states.get(idOf(d))?.rev !== d.rev);
  if (fresh.length === 0) return;

  // Every article touched, read once and written once.
  const touched = new Set<string>();
  for (const d of fresh) {
    if (d.kind === 'note') touched.add(d.note.articleUrl);
    if (d.kind === 'article') touched.add(d.article.url);
    if (d.kind === 'deleted') {
      const s = states.get(d.id);
      if (s) touched.add(s.articleUrl);
    }
  }
  // A note that moved between articles is looked for under its old one too.
  for (const d of fresh) {
    if (d.kind !== 'note') continue;
    const s = states.get(noteDocId(d.note.id));
    if (s) touched.add(s.articleUrl);
  }
  const keys = [...touched];
  const [articleRows, noteRows, versionRows] = await Promise.all([
    db.articles.bulkGet(keys),
    db.notes.bulkGet(keys),
    db.versions.where('articleUrl').anyOf(keys).toArray(),
  ]);
  // Each article's versions by number and by hash: notes travel with the hash of theirs.
  const hashes = new Map<string, Map<number, string>>();
  const numbers = new Map<string, Map<string, number>>();
  for (const r of versionRows) {
    hashes.set(
      r.articleUrl,
      (hashes.get(r.articleUrl) ?? new Map<number, string>()).set(r.n, r.hash),
    );
    numbers.set(
      r.articleUrl,
      (numbers.get(r.articleUrl) ?? new Map<string, number>()).set(r.hash, r.n),
    );
  }
  const synced = (note: AnnotationRecord) =>
    syncedNote(note, (n) => hashes.get(note.articleUrl)?.get(n));
  const articles = new Map<string, ArticleRecord>();
  const notes = new Map<string, Map<string, AnnotationRecord>>();
  keys.forEach((key, i) => {
    const a = articleRows[i];
    if (a) articles.set(key, a);
    const r = noteRows[i];
    notes.set(key, new Map(r ? unpackRow(r).map((n) => [n.id, n]) : []));
  });
  const dirtyArticles = new Set<string>();
  const dirtyNotes = new Set<string>();
  const toPush = new Set<string>();
  const newStates: SyncStateRow[] = [];

  const findNote = (id: string, hint: readonly (string | undefined)[]) => {
    for (const key of hint) {
      if (key === undefined) continue;
      const found = notes.get(key)?.get(id);
      if (found) return found;
    }
    return undefined;
  };

  for (const d of fresh) {
    if (d.kind === 'article') {
      const id = articleDocId(d.article.url);
      const state = states.get(id);
      const local = articles.get(d.article.url);
      const remoteFp = fingerprint(d.article);
      if (state?.rev === d.rev) continue;
      let next = d.article;
      if (local && !(state && sameFingerprints(fingerprint(local), state.fp))) {
        next = mergeArticles(local, d.article);
        if (!sameFingerprints(fingerprint(next), remoteFp)) toPush.add(d.article.url);
      }
      articles.set(d.article.url, next);
      dirtyArticles.add(d.article.url);
      newStates.push({ id, articleUrl: d.article.url, rev: d.rev, fp: remoteFp });
      continue;
    }
    if (d.kind === 'note') {
      const id = noteDocId(d.note.id);
      const state = states.get(id);
      if (state?.rev === d.rev) continue;
      const local = findNote(d.note.id, [d.note.articleUrl, state?.articleUrl]);
      const remoteFp = fingerprint(d.note);
      let next: SyncedNote = d.note;
      if (local) {
        const mine = synced(local);
        const localFp = fingerprint(mine);
        const unchangedHere = state !== undefined && sameFingerprints(localFp, state.fp);
        if (!unchangedHere && !sameFingerprints(localFp, remoteFp)) {
          next = mergeNotes(state && !state.deleted ? state.fp : null, mine, d.note).note;
          if (!sameFingerprints(fingerprint(next), remoteFp)) toPush.add(next.articleUrl);
        }
        if (local.articleUrl !== next.articleUrl) {
          notes.get(local.articleUrl)?.delete(local.id);
          dirtyNotes.add(local.articleUrl);
        }
      }
      if (!local && state && !state.deleted && sameFingerprints(remoteFp, state.fp)) {
        // Deleted here, and the server's copy is as this device last had it (a newer revision
        // of the same note: read again after a reset): the delete stands and is sent.
        newStates.push({ ...state, rev: d.rev });
        toPush.add(state.articleUrl);
        continue;
      }
      // A note deleted here that the server's copy changed since: the edit wins, it comes back.
      let row = notes.get(next.articleUrl);
      if (!row) {
        row = new Map();
        notes.set(next.articleUrl, row);
      }
      row.set(
        next.id,
        noteFromDoc(next, local, (hash) => numbers.get(next.articleUrl)?.get(hash)),
      );
      dirtyNotes.add(next.articleUrl);
      newStates.push({ id, articleUrl: next.articleUrl, rev: d.rev, fp: remoteFp });
      continue;
    }
    {
      const state = states.get(d.id);
      if (!state || state.rev === d.rev) continue;
      if (!d.id.startsWith('note:')) {
        // Claimmark never deletes an article document; one deleted elsewhere is written again.
        newStates.push({ ...state, rev: d.rev, fp: {}, deleted: true });
        toPush.add(state.articleUrl);
        continue;
      }
      const local = notes.get(state.articleUrl)?.get(d.id.slice('note:'.length));
      if (local && !state.deleted && !sameFingerprints(fingerprint(synced(local)), state.fp)) {
        // Edited here after the last sync: the edit wins over the deletion and is written again.
        newStates.push({ ...state, rev: d.rev, fp: {}, deleted: true });
        toPush.add(state.articleUrl);
        continue;
      }
      if (local) {
        notes.get(state.articleUrl)?.delete(local.id);
        dirtyNotes.add(state.articleUrl);
      }
      newStates.push({ ...state, rev: d.rev, fp: {}, deleted: true });
    }
  }

  await db.articles.bulkPut(
    [...dirtyArticles].flatMap((k) => {
      const a = articles.get(k);
      return a ? [a] : [];
    }),
  );
  const emptied: string[] = [];
  const rows = [...dirtyNotes].flatMap((k) => {
    const items = [...(notes.get(k)?.values() ?? [])];
    if (items.length === 0) {
      emptied.push(k);
      return [];
    }
    return [packRow(k, items)];
  });
  await db.notes.bulkPut(rows);
  await db.notes.bulkDelete(emptied);
  await db.syncState.bulkPut(newStates);
  const at = outboxStamp();
  await db.outbox.bulkPut([...toPush].map((key) => ({ key, at })));
}
