import type { ChangeRow, CouchClient } from './couch';
import { ResponseTooLarge, SyncError } from './couch';
import { ARTICLE_PREFIX, articleDocId, checkDoc, VERSION_PREFIX, type CheckedDoc } from './docs';
import type { Fingerprints } from './merge';

// One sync with a CouchDB database: pull what changed there since the checkpoint, then push
// what changed here. Each page of the changes feed is applied in one local transaction together
// with the checkpoint, so a sync cut short (the server killed, the browser closed) resumes where
// it stopped and applies nothing twice. Writes carry the revision this device last saw; a
// conflict reads the server's document, merges it (lib/sync/merge.ts) and writes again.

/** An article waiting to be pushed. */
export interface PendingEntry {
  key: string;
  at: number;
}

/** A document to write, with what this device will remember of it once the server has it. */
export interface PushDoc {
  doc: { _id: string; _rev?: string; _deleted?: true };
  articleUrl: string;
  /** The fingerprints of what is written; empty for a deletion. */
  fp: Fingerprints;
}

/** A write the server accepted. */
export interface Accepted {
  id: string;
  articleUrl: string;
  rev: string;
  fp: Fingerprints;
  deleted: boolean;
}

/** What this device's library offers the replicator (lib/storage/sync.ts). */
export interface LocalSide {
  /** The checkpoint for this database, or null on a first sync with it. */
  checkpoint(dbUrl: string): Promise<{ since: string | number; session: string } | null>;
  /** Starts afresh with a database: forgets every revision and marks the whole library to push. */
  reset(dbUrl: string, session: string): Promise<void>;
  /** Of these article keys, those this device does not have. */
  missingArticles(keys: readonly string[]): Promise<string[]>;
  /**
   * Applies checked documents from the server in one transaction, with the checkpoint when one
   * is given (a page of the changes feed; none for documents read after a conflict).
   */
  apply(
    docs: readonly CheckedDoc[],
    checkpoint: string | number | null,
  ): Promise<{ id: string; reason: string }[]>;
  /** Up to `limit` articles with changes to push. */
  pending(limit: number): Promise<PendingEntry[]>;
  /** How many articles have changes to push. */
  countPending(): Promise<number>;
  /** The documents these articles need written; unsigned notes are signed by `author` first. */
  collect(entries: readonly PendingEntry[], author: string): Promise<PushDoc[]>;
  /** Remembers accepted writes and clears the entries no write renewed since they were read. */
  acknowledge(accepted: readonly Accepted[], entries: readonly PendingEntry[]): Promise<void>;
  /** Forgets the revisions of documents the server no longer has, so they are written anew. */
  forget(ids: readonly string[]): Promise<void>;
}

/** What one sync did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Documents from the server that were refused, with why. */
  refused: { id: string; reason: string }[];
  /** Local documents the server refused to store. */
  rejected: { id: string; reason: string }[];
}

/** How one sync runs. */
export interface SyncOptions {
  dbUrl: string;
  /** Names this device among those syncing with the database. */
  deviceId: string;
  /** Signs the reader's unsigned notes. */
  author: string;
  /** Rows per page of the changes feed. */
  pullBatch?: number;
  /** Articles per bulk write. */
  pushBatch?: number;
  /** Where refusals are logged (the background's console). */
  log?: (message: string) => void;
}

const MAX_ROUNDS = 100_000;

function rank(id: string): number {
  return id.startsWith(ARTICLE_PREFIX) ? 0 : id.startsWith(VERSION_PREFIX) ? 1 : 2;
}

function isRevConflict(error: string | undefined): boolean {
  return error === 'conflict';
}

/** The documents of a page of the changes feed, checked. */
function checkRows(rows: readonly ChangeRow[]): CheckedDoc[] {
  return rows.map((row): CheckedDoc => {
    if (row.deleted) {
      const rev = (row.doc as { _rev?: unknown } | undefined)?._rev;
      return typeof rev === 'string'
        ? { kind: 'deleted', id: row.id, rev }
        : { kind: 'refused', id: row.id.slice(0, 200), reason: 'a deletion without a revision' };
    }
    return checkDoc(row.doc);
  });
}

/**
 * Notes whose article is neither here nor in the page: their article is read from the server
 * (it may stand later in the feed); a note whose article the server does not have is refused.
 */
async function withTheirArticles(
  client: CouchClient,
  local: LocalSide,
  docs: CheckedDoc[],
): Promise<CheckedDoc[]> {
  const inPage = new Set(docs.flatMap((d) => (d.kind === 'article' ? [d.article.url] : [])));
  const wanted = [
    ...new Set(
      docs.flatMap((d) =>
        d.kind === 'note' && !inPage.has(d.note.articleUrl) ? [d.note.articleUrl] : [],
      ),
    ),
  ];
  if (wanted.length === 0) return docs;
  const missing = await local.missingArticles(wanted);
  if (missing.length === 0) return docs;
  const read = await client.read(missing.map(articleDocId));
  const found = read.flatMap((r) => {
    const checked = 'doc' in r ? checkDoc(r.doc) : null;
    return checked?.kind === 'article' ? [checked] : [];
  });
  const have = new Set([...inPage, ...wanted.filter((w) => !missing.includes(w))]);
  for (const d of found) have.add(d.article.url);
  return [
    ...found,
    ...docs.map((d): CheckedDoc =>
      d.kind === 'note' && !have.has(d.note.articleUrl)
        ? { kind: 'refused', id: `note:${d.note.id}`, reason: 'points to no article' }
        : d,
    ),
  ];
}

/** Pulls every change since the checkpoint, a page per transaction. */
async function pull(
  client: CouchClient,
  local: LocalSide,
  since: string | number,
  batch: number,
  report: SyncReport,
): Promise<void> {
  let from = since;
  let size = batch;
  const take = async (checked: CheckedDoc[], lastSeq: string | number, count: number) => {
    // A feed that names changes but does not move on would be read for ever.
    if (count > 0 && lastSeq === from)
      throw new SyncError('The server’s changes feed does not move on.', false);
    const docs = await withTheirArticles(client, local, checked);
    for (const d of docs)
      if (d.kind === 'refused') report.refused.push({ id: d.id, reason: d.reason });
    report.refused.push(...(await local.apply(docs, lastSeq)));
    report.pulled += count;
    from = lastSeq;
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let page: Awaited<ReturnType<CouchClient['changes']>>;
    try {
      page = await client.changes(from, size);
    } catch (error) {
      if (!(error instanceof ResponseTooLarge)) throw error;
      // Large versions can make a page of 500 too much to read at once: smaller pages then.
      if (size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      // One change alone is too large with its document: it is named without it, then its
      // document read by id. Only a document too large alone is passed by, refused.
      const named = await client.changes(from, 1, 0, undefined, false);
      const row = named.results[0];
      if (!row) return;
      await take(await readAlone(client, row.id), named.lastSeq, 1);
      continue;
    }
    await take(checkRows(page.results), page.lastSeq, page.results.length);
    if (page.results.length < size) return;
    // Back to full pages once the large changes are behind.
    size = Math.min(batch, size * 2);
  }
}

/** One document read by id, as a change would bring it: refused when too large to read. */
async function readAlone(client: CouchClient, id: string): Promise<CheckedDoc[]> {
  let read: Awaited<ReturnType<CouchClient['read']>>;
  try {
    read = await client.read([id]);
  } catch (error) {
    if (!(error instanceof ResponseTooLarge)) throw error;
    return [{ kind: 'refused', id: id.slice(0, 200), reason: 'larger than the client reads' }];
  }
  return read.flatMap((r): CheckedDoc[] => {
    if ('doc' in r) return [checkDoc(r.doc)];
    if ('deleted' in r) return [{ kind: 'deleted', id: r.id, rev: r.rev }];
    return [];
  });
}

/**
 * Reads documents the server holds under other revisions and merges them in; returns the ids it
 * could not settle (the server's copy refused, or pointing to no article), whose local change
 * must stay pending rather than be taken for sent.
 */
async function settleConflicts(
  client: CouchClient,
  local: LocalSide,
  ids: readonly string[],
  report: SyncReport,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const read = await client.read(ids);
  const docs: CheckedDoc[] = [];
  const gone: string[] = [];
  for (const r of read) {
    if ('doc' in r) docs.push(checkDoc(r.doc));
    else if ('deleted' in r) docs.push({ kind: 'deleted', id: r.id, rev: r.rev });
    else gone.push(r.id);
  }
  const checked = await withTheirArticles(client, local, docs);
  const unsettled: string[] = [];
  for (const d of checked) {
    if (d.kind !== 'refused') continue;
    report.refused.push({ id: d.id, reason: d.reason });
    unsettled.push(d.id);
  }
  report.refused.push(...(await local.apply(checked, null)));
  await local.forget(gone);
  return unsettled;
}

/** Pushes every pending change, a batch of articles per bulk write. */
async function push(
  client: CouchClient,
  local: LocalSide,
  author: string,
  batch: number,
  report: SyncReport,
): Promise<void> {
  // Articles the server refused this time are not tried again until the next sync.
  const skipped = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const entries = (await local.pending(batch + skipped.size)).filter((e) => !skipped.has(e.key));
    if (entries.length === 0) return;
    const docs = await local.collect(entries, author);
    // Articles, then versions, then notes: a device reading the feed meets an article before
    // its notes, and the version a note was made on before the note.
    docs.sort((a, b) => rank(a.doc._id) - rank(b.doc._id));
    const results = docs.length > 0 ? await client.bulkDocs(docs.map((d) => d.doc)) : [];
    const byId = new Map(docs.map((d) => [d.doc._id, d]));
    const accepted: Accepted[] = [];
    const conflicts: string[] = [];
    for (const result of results) {
      const sent = byId.get(result.id);
      if (!sent) continue;
      if (result.rev && !result.error) {
        accepted.push({
          id: result.id,
          articleUrl: sent.articleUrl,
          rev: result.rev,
          fp: sent.fp,
          deleted: sent.doc._deleted === true,
        });
      } else if (isRevConflict(result.error)) {
        conflicts.push(result.id);
      } else {
        skipped.add(sent.articleUrl);
        report.rejected.push({ id: result.id, reason: result.reason ?? result.error ?? 'refused' });
      }
    }
    report.pushed += accepted.length;
    // A conflict's merge marks its article again, with a newer stamp: acknowledging the entry
    // read before the merge leaves that mark in place.
    for (const id of await settleConflicts(client, local, conflicts, report)) {
      const sent = byId.get(id);
      if (!sent) continue;
      skipped.add(sent.articleUrl);
      report.rejected.push({ id, reason: 'the server’s copy cannot be read, so the change waits' });
    }
    await local.acknowledge(
      accepted,
      entries.filter((e) => !skipped.has(e.key)),
    );
  }
  throw new SyncError('Sync did not settle: the server keeps changing the same notes.', true);
}

/** The count a CouchDB sequence starts with (`12-g1AAA…` in CouchDB 3, a number elsewhere). */
function seqCount(seq: string | number | null): number | null {
  if (typeof seq === 'number') return seq;
  const m = seq === null ? null : /^(\d+)/.exec(seq);
  return m ? Number(m[1]) : null;
}

/**
 * Whether the database is behind this device's checkpoint: restored from a file backup, with
 * this device's `_local` checkpoint but without what was written since, which is sent again.
 */
function wentBack(updateSeq: string | number | null, since: string | number): boolean {
  const now = seqCount(updateSeq);
  const seen = seqCount(since);
  return now !== null && seen !== null && now < seen;
}

/** The server-side checkpoint's id for this device. */
function checkpointId(deviceId: string): string {
  return `claimmark-${deviceId}`;
}

/**
 * Syncs the library with one CouchDB database once: pull, then push. A database that lost this
 * device's checkpoint (a new server, one restored or restarted empty) is reconciled whole.
 */
export async function syncOnce(
  client: CouchClient,
  local: LocalSide,
  options: SyncOptions,
): Promise<SyncReport> {
  const report: SyncReport = { pulled: 0, pushed: 0, refused: [], rejected: [] };
  const { updateSeq } = await client.open();
  const mine = await local.checkpoint(options.dbUrl);
  const theirs = await client.getLocal(checkpointId(options.deviceId));
  let since: string | number;
  if (mine === null || theirs?.session !== mine.session || wentBack(updateSeq, mine.since)) {
    const session = crypto.randomUUID();
    await local.reset(options.dbUrl, session);
    await client.putLocal(checkpointId(options.deviceId), {
      session,
      ...(typeof theirs?._rev === 'string' ? { _rev: theirs._rev } : {}),
    });
    since = 0;
  } else {
    since = mine.since;
  }
  await pull(client, local, since, options.pullBatch ?? 500, report);
  await push(client, local, options.author, options.pushBatch ?? 100, report);
  for (const r of report.refused)
    options.log?.(`Sync refused ${r.id} from the server: ${r.reason}`);
  for (const r of report.rejected) options.log?.(`The server refused ${r.id}: ${r.reason}`);
  return report;
}
