import Dexie from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';
import {
  articleDocId,
  noteDocId,
  noteFromDoc,
  syncedNote,
  toArticleDoc,
  toNoteDoc,
  type CheckedDoc,
  type SyncedNote,
} from '../sync/docs';
import { fingerprint, mergeArticles, mergeNotes, sameFingerprints } from '../sync/merge';
import type { LocalSide, PushDoc } from '../sync/replicate';
import type { ClaimmarkDatabase } from './database';
import { packRow, unpackRow } from './notes';
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
      return row && row.dbUrl === dbUrl ? { since: row.since, session: row.session } : null;
    },

    async reset(dbUrl, session) {
      await db.transaction('rw', sync, async () => {
        markCurrent();
        await db.syncState.clear();
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
      if (docs.length === 0 && checkpoint === null) return;
      await db.transaction('rw', sync, async () => {
        markCurrent();
        await applyDocs(db, docs);
        if (checkpoint !== null) await db.syncMeta.update('checkpoint', { since: checkpoint });
      });
    },

    async pending(limit) {
      return db.outbox.limit(limit).toArray();
    },

    countPending: () => db.outbox.count(),

    async collect(entries, author) {
      return db.transaction('rw', sync, async () => {
        markCurrent();
        const out: PushDoc[] = [];
        for (const { key } of entries) out.push(...(await collectArticle(db, key, author)));
        return out;
      });
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

/** The documents one article needs written: its record, changed notes, and deletions. */
async function collectArticle(
  db: ClaimmarkDatabase,
  key: string,
  author: string,
): Promise<PushDoc[]> {
  const out: PushDoc[] = [];
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
    if (!state || state.deleted || !sameFingerprints(fp, state.fp)) {
      out.push({ doc: withRev(toArticleDoc(article), state), articleUrl: key, fp });
    }
  }
  let notes = row ? unpackRow(row) : [];
  // Unsigned notes are the reader's own: signed before they leave, so a team sees who made them.
  if (author && notes.some((n) => n.author === undefined)) {
    notes = notes.map((n) => (n.author === undefined ? { ...n, author } : n));
    await db.notes.put(packRow(key, notes));
  }
  for (const note of notes) {
    const id = noteDocId(note.id);
    const state = states.get(id);
    states.delete(id);
    const synced = syncedNote(note);
    const fp = fingerprint(synced);
    if (!state || state.deleted || !sameFingerprints(fp, state.fp)) {
      out.push({ doc: withRev(toNoteDoc(synced), state), articleUrl: key, fp });
    }
  }
  // What the server has of this article and this device no longer does: deleted here.
  for (const state of states.values()) {
    if (state.deleted || !state.id.startsWith('note:')) continue;
    out.push({ doc: { _id: state.id, _rev: state.rev, _deleted: true }, articleUrl: key, fp: {} });
  }
  return out;
}

function withRev<T extends { _id: string }>(
  doc: T,
  state: SyncStateRow | undefined,
): T & { _rev?: string } {
  return state ? { ...doc, _rev: state.rev } : doc;
}

/** Applies checked server documents inside the caller's transaction. */
async function applyDocs(db: ClaimmarkDatabase, docs: readonly CheckedDoc[]): Promise<void> {
  const usable = docs.filter((d) => d.kind !== 'refused');
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
  const [articleRows, noteRows] = await Promise.all([
    db.articles.bulkGet(keys),
    db.notes.bulkGet(keys),
  ]);
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
        const mine = syncedNote(local);
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
      // A note deleted here that the server's copy changed since: the edit wins, it comes back.
      let row = notes.get(next.articleUrl);
      if (!row) {
        row = new Map();
        notes.set(next.articleUrl, row);
      }
      row.set(next.id, noteFromDoc(next, local));
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
      if (local && !state.deleted && !sameFingerprints(fingerprint(syncedNote(local)), state.fp)) {
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
