import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '@/lib/model/settings';
import { createCouchClient } from '@/lib/sync/couch';
import { checkDoc, SETTINGS_DOC_ID } from '@/lib/sync/docs';
import { syncSettings, type SettingsSide, type SettingsSyncMeta } from '@/lib/sync/settings';
import { startCouchServer, type CouchServer } from '../support/couch-server';

// The export settings every device shares, through one document on a real server.

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

function device(dbUrl: string, settings: ExportSettings) {
  let stored = settings;
  let meta: SettingsSyncMeta | null = null;
  const side: SettingsSide = {
    read: () => Promise.resolve(stored),
    write: (s) => {
      stored = s;
      return Promise.resolve();
    },
    meta: () => Promise.resolve(meta),
    setMeta: (m) => {
      meta = m;
      return Promise.resolve();
    },
  };
  const client = createCouchClient({ dbUrl, username: '', password: '', fetch });
  return {
    sync: async () => {
      await client.open();
      return syncSettings(client, side, dbUrl);
    },
    get: () => stored,
    set: (s: ExportSettings) => (stored = s),
  };
}

const saved = (at: string, label: string, name: string): ExportSettings => ({
  ...DEFAULT_EXPORT_SETTINGS,
  reviewer: { name, organization: 'Desk', url: 'https://desk.example.org/' },
  ratings: { ...DEFAULT_EXPORT_SETTINGS.ratings, false: { label, value: 1 } },
  defaultFormat: 'claimreview',
  updatedAt: at,
});

describe('the shared export settings', () => {
  it('bring one device’s verdict labels and organisation to another, and keep each one’s name', async () => {
    const url = `${server.origin}/set${crypto.randomUUID().slice(0, 8)}`;
    const a = device(url, saved('2026-01-01T00:00:00.000Z', 'Pants on fire', 'Ana'));
    const b = device(url, DEFAULT_EXPORT_SETTINGS);
    expect(await a.sync()).toBeNull();
    expect(await b.sync()).toBeNull();
    expect(b.get().ratings.false.label).toBe('Pants on fire');
    expect(b.get().reviewer).toEqual({
      name: '',
      organization: 'Desk',
      url: 'https://desk.example.org/',
    });
    expect(b.get().defaultFormat).toBe('claimmark');

    // B saves later: A takes it; A's unchanged settings are not sent back over it.
    b.set({
      ...b.get(),
      ratings: { ...b.get().ratings, false: { label: 'Wrong', value: 1 } },
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await b.sync()).toBeNull();
    expect(await a.sync()).toBeNull();
    expect(a.get().ratings.false.label).toBe('Wrong');
    expect(a.get().reviewer.name).toBe('Ana');
  });

  it('lets the later of two saves win when both devices changed them', async () => {
    const url = `${server.origin}/set${crypto.randomUUID().slice(0, 8)}`;
    const a = device(url, saved('2026-01-01T00:00:00.000Z', 'One', 'Ana'));
    const b = device(url, saved('2026-01-01T00:00:00.000Z', 'One', 'Ben'));
    await a.sync();
    await b.sync();
    a.set(saved('2026-03-02T00:00:00.000Z', 'Later', 'Ana'));
    b.set(saved('2026-03-01T00:00:00.000Z', 'Earlier', 'Ben'));
    await b.sync();
    await a.sync();
    await b.sync();
    expect(a.get().ratings.false.label).toBe('Later');
    expect(b.get().ratings.false.label).toBe('Later');
    expect(b.get().reviewer.name).toBe('Ben');
  });

  it('refuses a malformed settings document, changing nothing here', async () => {
    const url = `${server.origin}/set${crypto.randomUUID().slice(0, 8)}`;
    await fetch(url, { method: 'PUT' });
    await fetch(`${url}/${SETTINGS_DOC_ID}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'settings', ratings: 'all true', organization: 1 }),
    });
    const mine = saved('2026-01-01T00:00:00.000Z', 'Mine', 'Ana');
    const a = device(url, mine);
    expect(await a.sync()).toMatch(/malformed/);
    expect(a.get()).toEqual(mine);
    // The library's pull passes it by, neither applied nor counted as refused.
    expect(checkDoc({ _id: SETTINGS_DOC_ID, _rev: '1-a', type: 'settings' })).toEqual({
      kind: 'apart',
      id: SETTINGS_DOC_ID,
    });
  });
});
