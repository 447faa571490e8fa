import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnnotationRecord } from '@/lib/model';
import { SYNC_STATUS_OFF, type SyncSettings, type SyncStatus } from '@/lib/model/sync-settings';
import { createSyncService, type SyncDeps, type SyncService } from '@/lib/services/sync';
import { isSealed, newSealKey, sealSecret, unsealSecret } from '@/lib/sync/seal';
import { updateAnnotation } from '@/lib/storage/annotations';
import { writeNotes } from '@/lib/storage/notes';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { ANNOTATIONS, ARTICLES, closeDatabases, freshDb } from './exchange-fixtures';

// The background's sync loop, against pouchdb-server in memory: what it says, when it stops,
// and that it sends a local change without being asked.

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});
const running: SyncService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) s.stop();
  await closeDatabases();
});

function service(settings: Partial<SyncSettings>, over: Partial<SyncDeps> = {}) {
  const db = freshDb();
  let status: SyncStatus = SYNC_STATUS_OFF;
  const logged: string[] = [];
  const deps: SyncDeps = {
    db,
    fetch: (input, init) => fetch(input, init),
    readSettings: () =>
      Promise.resolve({
        enabled: true,
        url: `${server.origin}/s${crypto.randomUUID().slice(0, 8)}`,
        username: '',
        password: '',
        author: 'Ana',
        ...settings,
      }),
    readStatus: () => Promise.resolve(status),
    writeStatus: (next) => {
      status = next;
      return Promise.resolve();
    },
    mayReach: () => Promise.resolve(true),
    deviceId: () => Promise.resolve('device-a'),
    log: (m) => logged.push(m),
    now: () => new Date('2026-12-07T12:00:00Z'),
    waitMs: 2_000,
    ...over,
  };
  const sync = createSyncService(deps);
  running.push(sync);
  return { db, sync, status: () => status, logged };
}

const FIRST = ANNOTATIONS[0] as AnnotationRecord;

describe('the sealed password', () => {
  it('round-trips under its key only, and refuses a tampered or unsealed string', async () => {
    const key = newSealKey();
    const sealed = await sealSecret(key, 'pässwörd');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('pässwörd');
    expect(await unsealSecret(key, sealed)).toBe('pässwörd');
    expect(await unsealSecret(newSealKey(), sealed)).toBeNull();
    expect(await unsealSecret(key, `${sealed.slice(0, -4)}AAAA`)).toBeNull();
    expect(await unsealSecret(key, 'plain')).toBeNull();
  });

  it('is sealed by the service and unsealed only when the server is asked', async () => {
    let authorization: string | null = null;
    const watching: SyncDeps['fetch'] = (input, init) => {
      authorization = new Headers(init?.headers).get('Authorization');
      return fetch(input, init);
    };
    let sealed = '';
    const { sync, status } = service(
      { username: 'ana', password: '' },
      {
        fetch: watching,
        readSettings: () =>
          Promise.resolve({
            enabled: true,
            url: `${server.origin}/sealed`,
            username: 'ana',
            password: sealed,
            author: 'Ana',
          }),
      },
    );
    sealed = await sync.seal('s3cret');
    expect(sealed.startsWith('sealed:v1:')).toBe(true);
    await sync.now();
    expect(authorization).toBe(`Basic ${btoa('ana:s3cret')}`);
    // pouchdb-server knows no such user.
    expect(status().lastError).toBe('The server refused the user name or password.');
  });

  it('says so when the saved password was sealed elsewhere (another profile)', async () => {
    const other = await sealSecret(newSealKey(), 'x');
    const { sync } = service({ username: 'ana', password: other });
    expect(await sync.now()).toMatchObject({
      state: 'error',
      lastError: 'The saved password cannot be read in this browser: enter it again in Options.',
    });
  });
});

describe('the sync service', () => {
  it('syncs now and says when, then stays idle with nothing waiting', async () => {
    const { db, sync } = service({});
    await db.articles.bulkPut(ARTICLES);
    await writeNotes(db, FIRST.articleUrl, [FIRST]);
    const status = await sync.now();
    expect(status).toEqual({
      state: 'idle',
      lastSyncedAt: '2026-12-07T12:00:00.000Z',
      pending: 0,
      lastError: null,
      refused: 0,
    });
  });

  it('sends a change made later without being asked', async () => {
    const url = `${server.origin}/loop${crypto.randomUUID().slice(0, 8)}`;
    // A long poll of a minute: only the local write can end the wait within the test's time.
    const { db, sync } = service({ url }, { waitMs: 60_000 });
    await db.articles.bulkPut(ARTICLES);
    await writeNotes(db, FIRST.articleUrl, [FIRST]);
    await sync.now();
    await updateAnnotation(db, FIRST, {
      kind: FIRST.kind,
      note: 'changed while idle',
      status: FIRST.status,
      evidence: FIRST.evidence,
      tags: FIRST.tags,
      color: FIRST.color,
    });
    await vi.waitFor(
      async () => {
        const doc = (await (await fetch(`${url}/note:${FIRST.id}`)).json()) as { note?: string };
        expect(doc.note).toBe('changed while idle');
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('stays off when turned off, and says why it cannot start', async () => {
    expect(await service({ enabled: false }).sync.now()).toEqual(SYNC_STATUS_OFF);
    expect(await service({ url: 'http://couch.example.org/db' }).sync.now()).toMatchObject({
      state: 'error',
      lastError:
        'The server must use HTTPS (plain HTTP only on this computer: 127.0.0.1 or localhost).',
    });
    const refused = service({}, { mayReach: () => Promise.resolve(false) });
    expect(await refused.sync.now()).toMatchObject({
      state: 'error',
      lastError: expect.stringContaining('press “Sync now” in Options to allow it') as unknown,
    });
  });

  it('stops on a refused password and says so; retries a server that cannot be reached', async () => {
    // pouchdb-server refuses credentials it does not know.
    const wrong = service({ username: 'nobody', password: 'wrong' });
    expect(await wrong.sync.now()).toMatchObject({
      state: 'error',
      lastError: 'The server refused the user name or password.',
    });
    const sleeps: number[] = [];
    const down = service(
      { url: 'http://127.0.0.1:9/claimmark' },
      {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(await down.sync.now()).toMatchObject({
      state: 'error',
      lastError: 'The server cannot be reached; trying again later.',
    });
    // It backs off, doubling, while it keeps failing.
    await vi.waitFor(() => expect(sleeps.length).toBeGreaterThanOrEqual(3));
    expect(sleeps.slice(0, 3)).toEqual([2_000, 4_000, 8_000]);
  });
});
