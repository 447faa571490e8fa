import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import { deleteAnnotation, updateAnnotation } from '@/lib/storage/annotations';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { readAllNotes, writeNotes } from '@/lib/storage/notes';
import { recordVersion } from '@/lib/storage/versions';
import { applyImport } from '@/lib/storage/import';
import { exportClaimmarkJson } from '@/lib/exchange/claimmark-json';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { createLocalSide } from '@/lib/storage/sync';
import {
  createCouchClient,
  ResponseTooLarge,
  SyncError,
  type CouchClient,
  type Fetch,
} from '@/lib/sync/couch';
import { parseSyncServer } from '@/lib/sync/server-url';
import { syncOnce, type SyncReport } from '@/lib/sync/replicate';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { ANNOTATIONS, ARTICLES, closeDatabases, freshDb } from './exchange-fixtures';

// Replication against a real CouchDB-compatible server (pouchdb-server in memory on loopback):
// two devices, each a library of its own, and one database.

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});
afterEach(closeDatabases);

interface Device {
  db: ClaimmarkDatabase;
  sync(): Promise<SyncReport>;
}

function device(
  dbUrl: string,
  author: string,
  fetchWith: Fetch = fetch,
  deviceId = crypto.randomUUID(),
  pushBatch = 20,
): Device {
  const db = freshDb();
  const client = createCouchClient({ dbUrl, username: '', password: '', fetch: fetchWith });
  const local = createLocalSide(db);
  return {
    db,
    sync: () => syncOnce(client, local, { dbUrl, deviceId, author, pullBatch: 50, pushBatch }),
  };
}

/** Two devices of one reader on a new database, both holding the test library. */
async function twoDevicesInStep(): Promise<{ url: string; a: Device; b: Device }> {
  const url = newDbUrl();
  const a = device(url, 'Ana');
  const b = device(url, 'Ana');
  await seed(a.db, ARTICLES, ANNOTATIONS);
  await a.sync();
  await b.sync();
  return { url, a, b };
}

function newDbUrl(): string {
  return `${server.origin}/t${crypto.randomUUID().slice(0, 8)}`;
}

async function seed(db: ClaimmarkDatabase, articles: ArticleRecord[], notes: AnnotationRecord[]) {
  await db.articles.bulkPut(articles);
  for (const a of articles)
    await writeNotes(
      db,
      a.url,
      notes.filter((n) => n.articleUrl === a.url),
    );
}

const byId = (list: AnnotationRecord[]) => new Map(list.map((n) => [n.id, n]));
const FIRST = ANNOTATIONS[0] as AnnotationRecord;
const ref = { articleUrl: FIRST.articleUrl, id: FIRST.id };
const fields = (n: AnnotationRecord) => ({
  kind: n.kind,
  note: n.note,
  status: n.status,
  evidence: n.evidence,
  tags: n.tags,
  color: n.color,
});

describe('sync between two devices through CouchDB', () => {
  it('brings a note made on A to B, an edit on B back to A, and a delete to both', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    const b = device(url, 'Ben');
    await seed(a.db, ARTICLES, ANNOTATIONS);

    const first = await a.sync();
    expect(first.pushed).toBe(ARTICLES.length + ANNOTATIONS.length);
    await b.sync();
    const onB = byId(await readAllNotes(b.db));
    expect(onB.size).toBe(ANNOTATIONS.length);
    for (const n of ANNOTATIONS) {
      const got = onB.get(n.id);
      // Every field but how it anchored on A's pages, and signed by A.
      expect(got).toEqual({ ...n, anchoring: null, author: 'Ana' });
    }
    expect(await b.db.articles.toArray()).toEqual(expect.arrayContaining(ARTICLES));

    await updateAnnotation(
      b.db,
      ref,
      { ...fields(FIRST), note: 'Edited on B' },
      new Date('2026-01-02T00:00:00Z'),
    );
    await b.sync();
    await a.sync();
    const onA = byId(await readAllNotes(a.db)).get(FIRST.id);
    expect(onA?.note).toBe('Edited on B');
    // A keeps what only A knows: how the note anchored on its page.
    expect(onA?.anchoring).toEqual(FIRST.anchoring);

    await deleteAnnotation(a.db, ref);
    await a.sync();
    await b.sync();
    expect(byId(await readAllNotes(b.db)).has(FIRST.id)).toBe(false);
    expect((await readAllNotes(b.db)).length).toBe(ANNOTATIONS.length - 1);
    // Nothing left to push on either side, and a sync with nothing new moves nothing.
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await a.sync()).toMatchObject({ pushed: 0 });
  }, 60_000);

  it('syncs with a database a reverse proxy serves under a path of its own', async () => {
    const direct = newDbUrl();
    const name = direct.slice(server.origin.length);
    const prefixed = `${server.origin}/couchdb/desk${name}`;
    expect(parseSyncServer(prefixed)).toMatchObject({ dbUrl: prefixed });
    // The proxy: it serves the database under /couchdb/desk, and nothing outside it.
    const asked: string[] = [];
    const proxy: Fetch = (input, init) => {
      asked.push(input);
      if (!input.startsWith(`${prefixed}/`) && input !== prefixed)
        return Promise.resolve(new Response('not here', { status: 404 }));
      return fetch(direct + input.slice(prefixed.length), init);
    };
    const a = device(prefixed, 'Ana', proxy);
    const b = device(direct, 'Ana');
    await seed(a.db, ARTICLES, ANNOTATIONS);
    expect(await a.sync()).toMatchObject({ pushed: ARTICLES.length + ANNOTATIONS.length });
    await b.sync();
    expect((await readAllNotes(b.db)).length).toBe(ANNOTATIONS.length);
    await deleteAnnotation(b.db, ref);
    await b.sync();
    await a.sync();
    expect(byId(await readAllNotes(a.db)).has(FIRST.id)).toBe(false);
    expect(asked.length).toBeGreaterThan(3);
  }, 60_000);

  it('merges edits of different fields made on both devices offline, with no conflict', async () => {
    const { a, b } = await twoDevicesInStep();
    await updateAnnotation(
      a.db,
      ref,
      { ...fields(FIRST), note: 'Note from A' },
      new Date('2026-01-02T00:00:00Z'),
    );
    await updateAnnotation(
      b.db,
      ref,
      { ...fields(FIRST), status: 'false' },
      new Date('2026-01-03T00:00:00Z'),
    );
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const n = byId(await readAllNotes(d.db)).get(FIRST.id);
      expect(n).toMatchObject({
        note: 'Note from A',
        status: 'false',
        modifiedAt: '2026-01-03T00:00:00.000Z',
      });
      expect(n?.conflicts).toBeUndefined();
    }
  }, 60_000);

  it('keeps the earlier of two edits of one field as a conflict on both devices', async () => {
    const { a, b } = await twoDevicesInStep();
    // B's edit is the later one, but A syncs first.
    await updateAnnotation(
      a.db,
      ref,
      { ...fields(FIRST), note: 'A says' },
      new Date('2026-01-02T00:00:00Z'),
    );
    await updateAnnotation(
      b.db,
      ref,
      { ...fields(FIRST), note: 'B says', tags: ['b'] },
      new Date('2026-01-03T00:00:00Z'),
    );
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const n = byId(await readAllNotes(d.db)).get(FIRST.id);
      expect(n?.note).toBe('B says');
      expect(n?.tags).toEqual(['b']);
      expect(n?.conflicts).toEqual([
        {
          at: '2026-01-02T00:00:00.000Z',
          author: 'Ana',
          fields: { ...fields(FIRST), note: 'A says' },
        },
      ]);
    }
  }, 60_000);

  it('lets an edit win over a delete made on the other device', async () => {
    const { a, b } = await twoDevicesInStep();
    await deleteAnnotation(a.db, ref);
    await updateAnnotation(
      b.db,
      ref,
      { ...fields(FIRST), note: 'Still matters' },
      new Date('2026-01-02T00:00:00Z'),
    );
    await a.sync(); // the tombstone reaches the server first
    await b.sync(); // B's edit wins and is written over it
    await a.sync();
    for (const d of [a, b]) {
      expect(byId(await readAllNotes(d.db)).get(FIRST.id)?.note).toBe('Still matters');
    }

    // And the other way round: edited on A, deleted on B, B syncs first.
    await updateAnnotation(
      a.db,
      ref,
      { ...fields(FIRST), note: 'Edited again' },
      new Date('2026-01-04T00:00:00Z'),
    );
    await deleteAnnotation(b.db, ref);
    await b.sync();
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      expect(byId(await readAllNotes(d.db)).get(FIRST.id)?.note).toBe('Edited again');
    }
  }, 60_000);

  it('resumes after the server is killed mid-sync and restarted empty: nothing lost or duplicated', async () => {
    const url = newDbUrl();
    const article = ARTICLES[0] as ArticleRecord;
    const many: AnnotationRecord[] = Array.from({ length: 600 }, (_, i) => ({
      ...FIRST,
      id: crypto.randomUUID(),
      note: `note ${String(i)}`,
      articleUrl: `${article.url}/${String(i % 60)}`,
    }));
    const articles = Array.from({ length: 60 }, (_, i) => ({
      ...article,
      url: `${article.url}/${String(i)}`,
    }));
    let writes = 0;
    const crashing: Fetch = async (input, init) => {
      if (input.includes('/_bulk_docs') && ++writes === 2) await server.kill();
      return fetch(input, init);
    };
    const a = device(url, 'Ana', crashing);
    await seed(a.db, articles, many);
    const cut = await a.sync().then(
      () => null,
      (e: unknown) => e,
    );
    expect(cut).toBeInstanceOf(SyncError);
    expect((cut as SyncError).retryable).toBe(true);
    expect(await a.db.outbox.count()).toBeGreaterThan(0);
    await server.restart();
    await a.sync();
    const b = device(url, 'Ben');
    await b.sync();
    const onB = await readAllNotes(b.db);
    expect(onB.length).toBe(many.length);
    expect(new Set(onB.map((n) => n.id)).size).toBe(many.length);
    const info = (await (await fetch(url)).json()) as { doc_count: number };
    expect(info.doc_count).toBe(many.length + articles.length);
  }, 120_000);

  it('resumes a pull cut short from the page it reached', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    const article = ARTICLES[0] as ArticleRecord;
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...FIRST,
      id: crypto.randomUUID(),
      note: String(i),
    }));
    await seed(a.db, [article], many);
    await a.sync();
    let pages = 0;
    const failing: Fetch = async (input, init) => {
      if (input.includes('/_changes') && ++pages === 3) throw new TypeError('network down');
      return fetch(input, init);
    };
    const b = device(url, 'Ben', failing);
    await expect(b.sync()).rejects.toBeInstanceOf(SyncError);
    const partial = (await readAllNotes(b.db)).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(many.length);
    const report = await b.sync();
    // Only what the first try had not read is read again.
    expect(report.pulled).toBeLessThan(many.length + 1);
    expect((await readAllNotes(b.db)).length).toBe(many.length);
  }, 60_000);

  it('refuses malformed and hostile documents with a reason and keeps the library whole', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    const { _id: _drop, ...good } = {
      ...FIRST,
      _id: '',
      type: 'note',
    };
    const base = { ...good, id: undefined, anchoring: undefined };
    delete base.id;
    delete base.anchoring;
    const hostile = [
      { _id: `note:${crypto.randomUUID()}`, ...base, note: 42 },
      { _id: `note:${crypto.randomUUID()}`, ...base, note: 'x'.repeat(60_000) },
      { _id: `note:${crypto.randomUUID()}`, ...base, script: '<img onerror=alert(1)>' },
      { _id: `note:${crypto.randomUUID()}`, ...base, articleUrl: 'https://nowhere.example/none' },
      { _id: `note:${crypto.randomUUID()}`, ...base, articleUrl: 'javascript:alert(1)' },
      { _id: 'note:not-a-uuid', ...base },
      {
        _id: 'article:https://example.org/x',
        type: 'article',
        ...ARTICLES[0],
        url: 'https://example.org/y',
      },
      { _id: 'something-else', hello: 'world' },
      // The one valid document among them.
      { _id: `note:${crypto.randomUUID()}`, ...base, note: 'a good one' },
    ];
    const response = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: hostile }),
    });
    expect(response.ok).toBe(true);

    const logged: string[] = [];
    const b = device(url, 'Ben');
    const client = createCouchClient({ dbUrl: url, username: '', password: '', fetch });
    const report = await syncOnce(client, createLocalSide(b.db), {
      dbUrl: url,
      deviceId: 'b',
      author: 'Ben',
      log: (m) => logged.push(m),
    });
    expect(report.refused.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'note: Invalid type: Expected string but received 42',
        'note: Invalid length: Expected <=50000 but received 60000',
        'script: Invalid key: Expected never but received "script"',
        'points to no article',
        'articleUrl: must be an absolute http(s) URL',
        'id: Invalid UUID: Received "not-a-uuid"',
        'its id is not its url',
        'not a Claimmark document',
      ]),
    );
    expect(report.refused).toHaveLength(hostile.length - 1);
    expect(logged).toHaveLength(hostile.length - 1);
    const onB = await readAllNotes(b.db);
    expect(onB.map((n) => n.note)).toContain('a good one');
    expect(onB).toHaveLength(ANNOTATIONS.length + 1);
  }, 60_000);
});

describe('answers too large to read', () => {
  it('reads a page too large in smaller pages, and passes by one document too large alone', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    // A document no Claimmark writes, larger than the whole answer B will read.
    const huge = { _id: 'note:huge', junk: 'x'.repeat(40_000) };
    expect(
      (
        await fetch(`${url}/_bulk_docs`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ docs: [huge] }),
        })
      ).ok,
    ).toBe(true);
    // Changes after it: the pull must go on past it, in full pages again.
    const later = ANNOTATIONS.map((n) => ({ ...n, id: crypto.randomUUID(), note: 'later' }));
    await seed(a.db, ARTICLES, [...ANNOTATIONS, ...later]);
    await a.sync();
    const b = device(url, 'Ben');
    const sizes: number[] = [];
    const limits: number[] = [];
    const counting: Fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (input.includes('/_changes')) {
        sizes.push((await response.clone().text()).length);
        limits.push(Number(new URL(input).searchParams.get('limit')));
      }
      return response;
    };
    const client = createCouchClient({
      dbUrl: url,
      username: '',
      password: '',
      fetch: counting,
      maxResponseBytes: 30_000,
    });
    const local = createLocalSide(b.db);
    const report = await syncOnce(client, local, { dbUrl: url, deviceId: 'b', author: 'Ben' });
    expect(report.refused).toEqual(
      expect.arrayContaining([{ id: 'note:huge', reason: 'larger than the client reads' }]),
    );
    expect(await readAllNotes(b.db)).toHaveLength(2 * ANNOTATIONS.length);
    // A too-large answer was met, and after the one change passed by, pages grew again.
    expect(Math.max(...sizes)).toBeGreaterThan(30_000);
    const passed = limits.lastIndexOf(1);
    expect(Math.max(...limits.slice(passed + 1))).toBeGreaterThan(1);
    const again = await syncOnce(client, local, { dbUrl: url, deviceId: 'b', author: 'Ben' });
    // The checkpoint moved past it: the next sync does not read it again.
    expect(again.refused).toEqual([]);
  }, 60_000);

  it('applies a change whose document became small again, and stops on a feed that does not move', async () => {
    const { url, a, b } = await twoDevicesInStep();
    await updateAnnotation(a.db, ref, { ...fields(FIRST), note: 'read alone' });
    await a.sync();
    const real = createCouchClient({ dbUrl: url, username: '', password: '', fetch });
    // The change was too large with its document, which another device then made small: it is
    // read by id and applied, never passed by.
    let thrown = false;
    const racing: CouchClient = {
      ...real,
      changes: (since, limit, waitMs, signal, withDocs = true) => {
        if (withDocs && !thrown) {
          thrown = true;
          return Promise.reject(new ResponseTooLarge(30_000));
        }
        return real.changes(since, limit, waitMs, signal, withDocs);
      },
    };
    const local = createLocalSide(b.db);
    const report = await syncOnce(racing, local, {
      dbUrl: url,
      deviceId: 'b',
      author: 'Ana',
      pullBatch: 1,
    });
    expect(thrown).toBe(true);
    expect(report.refused).toEqual([]);
    expect(byId(await readAllNotes(b.db)).get(FIRST.id)?.note).toBe('read alone');

    // A hostile feed that names a change but hands back the same sequence.
    const stuck: CouchClient = {
      ...real,
      changes: async (since) => {
        const page = await real.changes(0, 1);
        return { results: page.results, lastSeq: since };
      },
    };
    await expect(
      syncOnce(stuck, createLocalSide(freshDb()), { dbUrl: url, deviceId: 'c', author: 'Cy' }),
    ).rejects.toThrow('The server’s changes feed does not move on.');
  }, 60_000);

  it('says so when the address names a document, not a database', async () => {
    const { url } = await twoDevicesInStep();
    const client = createCouchClient({
      dbUrl: `${url}/note:${FIRST.id}`,
      username: '',
      password: '',
      fetch,
    });
    await expect(client.open()).rejects.toThrow(
      'That address is not a CouchDB database: it must end with the database’s name.',
    );
  }, 60_000);

  it('refuses an answer that says it is too large without reading it', async () => {
    let read = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
          throw new Error('read');
        },
      },
      // Nothing is pulled until someone reads.
      { highWaterMark: 0 },
    );
    const client = createCouchClient({
      dbUrl: 'http://127.0.0.1:1/db',
      username: '',
      password: '',
      fetch: () =>
        Promise.resolve(new Response(body, { headers: { 'Content-Length': '99999999999' } })),
    });
    await expect(client.open()).rejects.toThrow(
      'The server sent an answer larger than 64 MB; Claimmark did not read it.',
    );
    expect(read).toBe(false);

    // Without a declared length, it stops reading once past the limit.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          sent += 1;
          controller.enqueue(new Uint8Array(1_000).fill(32));
        },
      },
      { highWaterMark: 0 },
    );
    const streaming = createCouchClient({
      dbUrl: 'http://127.0.0.1:1/db',
      username: '',
      password: '',
      maxResponseBytes: 10_000,
      fetch: () => Promise.resolve(new Response(endless)),
    });
    await expect(streaming.open()).rejects.toThrow('larger than 10 KB');
    expect(sent).toBeLessThan(20);
  });
});

describe('what the review of sync found', () => {
  it('follows a note an import moved to another article, never deleting it on the server', async () => {
    const url = newDbUrl();
    // One article per write: the old article's push goes to the server on its own, first.
    // Every deletion A sends, read off its writes.
    const deleted: string[] = [];
    const watching: Fetch = (input, init) => {
      if (input.includes('/_bulk_docs') && typeof init?.body === 'string') {
        const { docs } = JSON.parse(init.body) as { docs: { _id: string; _deleted?: boolean }[] };
        for (const d of docs) if (d._deleted) deleted.push(d._id);
      }
      return fetch(input, init);
    };
    const a = device(url, 'Ana', watching, crypto.randomUUID(), 1);
    const b = device(url, 'Ana');
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    await b.sync();
    // An import files the first note under another article (the same id: the same note), one
    // whose key sorts after the old one's, so the old article is pushed first.
    const target = { ...(ARTICLES[0] as ArticleRecord), url: 'https://zz.example.com/story' };
    expect(target.url > FIRST.articleUrl).toBe(true);
    const moved = { ...FIRST, articleUrl: target.url, modifiedAt: '2026-02-01T00:00:00.000Z' };
    const result = parseImportFile(
      exportClaimmarkJson([target], [moved], { kind: 'all' }, new Date('2026-02-01T00:00:00Z')),
    );
    if (!result.ok) throw new Error('the test file does not parse');
    await applyImport(a.db, result);
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const n = byId(await readAllNotes(d.db)).get(FIRST.id);
      expect(n?.articleUrl).toBe(target.url);
    }
    const doc = (await (await fetch(`${url}/note:${FIRST.id}`)).json()) as { articleUrl?: string };
    expect(doc.articleUrl).toBe(target.url);
    // Never sent as a deletion on the way, not even for a moment another device could read.
    expect(deleted).toEqual([]);
  }, 60_000);

  it('leaves another reader’s unsigned notes unsigned when this device pushes their article', async () => {
    const url = newDbUrl();
    const ana = device(url, '');
    const bob = device(url, 'Bob');
    await seed(ana.db, ARTICLES, ANNOTATIONS);
    await ana.sync();
    await bob.sync();
    // Bob writes to the article; his push must not sign Ana's notes as his.
    await updateAnnotation(bob.db, ref, { ...fields(FIRST), note: 'Bob was here' });
    await bob.sync();
    await ana.sync();
    for (const d of [ana, bob]) {
      const notes = await readAllNotes(d.db);
      expect(notes.every((n) => n.author === undefined)).toBe(true);
    }
  }, 60_000);

  it('keeps a delete made here but not yet sent when the server lost this device’s checkpoint', async () => {
    const url = newDbUrl();
    const deviceId = crypto.randomUUID();
    const a = device(url, 'Ana', fetch, deviceId);
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    await deleteAnnotation(a.db, ref);
    // The server forgets this device (restored without its _local documents).
    const checkpoint = `${url}/_local/claimmark-${deviceId}`;
    const { _rev } = (await (await fetch(checkpoint)).json()) as { _rev: string };
    await fetch(`${checkpoint}?rev=${_rev}`, { method: 'DELETE' });
    await a.sync();
    expect(byId(await readAllNotes(a.db)).has(FIRST.id)).toBe(false);
    const b = device(url, 'Ana');
    await b.sync();
    expect(byId(await readAllNotes(b.db)).has(FIRST.id)).toBe(false);
    expect(await readAllNotes(b.db)).toHaveLength(ANNOTATIONS.length - 1);
  }, 60_000);

  it('sends everything again to a database restored from a file backup older than its checkpoint', async () => {
    const url = newDbUrl();
    const deviceId = crypto.randomUUID();
    const a = device(url, 'Ana', fetch, deviceId);
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    await a.sync(); // the next cycle reads the feed past A's own writes, as the loop does
    // The restored database: empty of what was written, but with this device's checkpoint.
    const checkpointUrl = `${url}/_local/claimmark-${deviceId}`;
    const { session } = (await (await fetch(checkpointUrl)).json()) as { session: string };
    await fetch(url, { method: 'DELETE' });
    await fetch(url, { method: 'PUT' });
    await fetch(checkpointUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session }),
    });
    await a.sync();
    const b = device(url, 'Ana');
    await b.sync();
    expect(await readAllNotes(b.db)).toHaveLength(ANNOTATIONS.length);
  }, 60_000);

  it('keeps a change waiting when the server’s copy it conflicts with cannot be read', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    await seed(a.db, ARTICLES, ANNOTATIONS);
    await a.sync();
    // Another writer leaves the note in a shape Claimmark refuses.
    const current = (await (await fetch(`${url}/note:${FIRST.id}`)).json()) as Record<
      string,
      unknown
    >;
    await fetch(`${url}/note:${FIRST.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...current, note: 42 }),
    });
    // A edits before pulling that: its write conflicts, and the server's copy is refused.
    await updateAnnotation(a.db, ref, { ...fields(FIRST), note: 'mine' });
    const client = createCouchClient({ dbUrl: url, username: '', password: '', fetch });
    const local = createLocalSide(a.db);
    const report = await syncOnce(client, local, { dbUrl: url, deviceId: 'x', author: 'Ana' });
    expect(report.rejected.map((r) => r.id)).toContain(`note:${FIRST.id}`);
    expect(await a.db.outbox.count()).toBeGreaterThan(0);
    expect(byId(await readAllNotes(a.db)).get(FIRST.id)?.note).toBe('mine');
  }, 60_000);
});

describe('stored versions through sync', () => {
  const content = (text: string) => ({
    text,
    headline: 'A story',
    byline: null,
    published: null,
    modified: null,
  });

  it('brings the version a note was made on, numbered in the order each device saw it', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    const b = device(url, 'Ana');
    const article = ARTICLES[0] as ArticleRecord;
    await a.db.articles.put(article);
    const { version } = await recordVersion(
      a.db,
      article.url,
      content('The text Ana annotated.'),
      new Date('2026-01-02T00:00:00Z'),
    );
    await writeNotes(a.db, article.url, [
      { ...FIRST, articleUrl: article.url, version: version.n },
    ]);
    // B kept an earlier text of the same story before it ever synced.
    await b.db.articles.put(article);
    await recordVersion(
      b.db,
      article.url,
      content('An earlier text.'),
      new Date('2026-01-01T00:00:00Z'),
    );

    await a.sync();
    await b.sync();
    const onB = await b.db.versions.where('articleUrl').equals(article.url).sortBy('n');
    expect(onB.map((v) => [v.n, v.hash])).toEqual([
      [1, expect.any(String)],
      [2, version.hash],
    ]);
    // The note names, on B, B's number of the text it was made on.
    expect(byId(await readAllNotes(b.db)).get(FIRST.id)?.version).toBe(2);
    // And B's own version reaches A, where A's notes follow the renumbering.
    await b.sync();
    await a.sync();
    const onA = await a.db.versions.where('articleUrl').equals(article.url).sortBy('n');
    expect(onA.map((v) => v.hash)).toEqual(onB.map((v) => v.hash));
    expect(byId(await readAllNotes(a.db)).get(FIRST.id)?.version).toBe(2);
  }, 60_000);

  it('refuses a version whose text does not match its hash', async () => {
    const url = newDbUrl();
    const a = device(url, 'Ana');
    const article = ARTICLES[0] as ArticleRecord;
    await a.db.articles.put(article);
    await a.sync();
    const hash = 'a'.repeat(64);
    await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        docs: [
          {
            _id: `version:${hash}:${article.url}`,
            type: 'version',
            articleUrl: article.url,
            hash,
            seenAt: '2026-01-01T00:00:00.000Z',
            modified: null,
            content: content('Not the text that hash names.'),
          },
        ],
      }),
    });
    const b = device(url, 'Ben');
    const report = await b.sync();
    expect(report.refused.map((r) => r.reason)).toEqual(['its text does not match its hash']);
    expect(await b.db.versions.count()).toBe(0);
  }, 60_000);
});

describe('the outbox', () => {
  it('marks every article whose record or notes a write changed, in the same transaction', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    expect((await db.outbox.toArray()).map((e) => e.key).sort()).toEqual(
      ARTICLES.map((a) => a.url).sort(),
    );
    await db.outbox.clear();
    await updateAnnotation(db, ref, { ...fields(FIRST), note: 'x' });
    expect((await db.outbox.toArray()).map((e) => e.key)).toEqual([FIRST.articleUrl]);
  });

  it('marks an article when a version of its text is stored', async () => {
    const db = freshDb();
    await recordVersion(
      db,
      FIRST.articleUrl,
      { text: 'A text.', headline: null, byline: null, published: null, modified: null },
      new Date(),
    );
    expect((await db.outbox.toArray()).map((e) => e.key)).toEqual([FIRST.articleUrl]);
  });

  it('survives an upgrade from a version without it', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(7);
  });
});
