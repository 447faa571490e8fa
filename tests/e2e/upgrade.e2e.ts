import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  readAnnotations,
  readNoteRows,
  type ChromiumSession,
} from './support/chromium';

let browser: ChromiumSession;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/**
 * Writes a library the way Claimmark's schema version 2 stored it (an annotation per record and
 * a catalog table), straight into IndexedDB, in place of the extension's database. Dexie's
 * version 2 is IndexedDB version 20. Runs in the extension origin, so it is self-contained.
 */
async function writeVersion2Library(): Promise<string[]> {
  const replace = async (): Promise<IDBDatabase | null> => {
    await new Promise<void>((resolve, reject) => {
      // The extension's own connections close when asked (Dexie does on "versionchange").
      const deletion = indexedDB.deleteDatabase('claimmark');
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error('delete failed'));
    });
    return new Promise<IDBDatabase | null>((resolve, reject) => {
      const open = indexedDB.open('claimmark', 20);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore('articles', { keyPath: 'url' }).createIndex('savedAt', 'savedAt');
        const notes = d.createObjectStore('annotations', { keyPath: 'id' });
        notes.createIndex('articleUrl', 'articleUrl');
        d.createObjectStore('catalog', { keyPath: 'url' }).createIndex('savedAt', 'savedAt');
      };
      open.onsuccess = () => resolve(open.result);
      // The extension may open its database again between the two steps: then try again.
      open.onerror = () =>
        open.error?.name === 'VersionError'
          ? resolve(null)
          : reject(open.error ?? new Error('open failed'));
    });
  };
  let db: IDBDatabase | null = null;
  for (let attempt = 0; attempt < 20 && !db; attempt++) db = await replace();
  if (!db) throw new Error('Could not put a version-2 library in place');
  const time = '2025-10-16T09:00:00.000Z';
  const urls = ['https://news.example.com/budapest', 'https://news.example.com/vote'];
  const ids: string[] = [];
  const tx = db.transaction(['articles', 'annotations', 'catalog'], 'readwrite');
  urls.forEach((url, a) => {
    tx.objectStore('articles').put({
      url,
      title: a === 0 ? 'Summit in Budapest' : 'A vote in Brussels',
      canonicalUrl: null,
      seenAt: [url],
      savedAt: time,
      updatedAt: time,
    });
    tx.objectStore('catalog').put({ url, savedAt: time, items: [] });
  });
  for (let i = 0; i < 5; i++) {
    const id = crypto.randomUUID();
    ids.push(id);
    const quote = `Viktor Orbán said ${String(i)} things`;
    tx.objectStore('annotations').put({
      id,
      articleUrl: urls[i % 2],
      kind: i % 2 ? 'highlight' : 'claim',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: i * 50, end: i * 50 + quote.length },
      },
      quote,
      note: `note ${String(i)}`,
      status: i % 2 ? null : 'disputed',
      evidence: [],
      tags: ['hungary'],
      color: 'yellow',
      createdAt: time,
      modifiedAt: time,
      articleModified: null,
      anchoring: null,
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
  return ids.sort();
}

describe('a library written by an older Claimmark', () => {
  it('opens in the popup with every note after the upgrade from schema version 2', async () => {
    const ids = await browser.control.evaluate(writeVersion2Library);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?view=library&tab=0`);
    await expect
      .poll(() => popup.locator('.library__summary').textContent(), { timeout: 15_000 })
      .toBe('2 articles, 5 notes');
    const stored = (await readAnnotations(browser)) as { id: string }[];
    expect(stored.map((a) => a.id).sort()).toEqual(ids);
    expect((await readNoteRows(browser)).map((r) => r.ids.length)).toEqual([3, 2]);
    // The old stores are gone from the database itself.
    const stores = await browser.control.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('claimmark');
          open.onsuccess = () => {
            resolve([...open.result.objectStoreNames].sort());
            open.result.close();
          };
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        }),
    );
    expect(stores).toEqual(['articles', 'notes', 'outbox', 'syncMeta', 'syncState', 'versions']);
    // And the library works on what the upgrade moved: a search finds a note.
    await popup.getByLabel('Search the library').fill('orban 3');
    await expect.poll(() => popup.getByText('Viktor Orbán said 3 things').count()).toBe(1);
    await popup.close();
  });
});
