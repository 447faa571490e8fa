// Functions that run inside an extension page or worker (passed to evaluate), shared by the
// Chromium and Firefox tests. They must be self-contained: they are serialised into the browser.

/** Reads every record of one store of Claimmark's database, without creating the database. */
export async function readStoreInExtension(store: string): Promise<unknown[]> {
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === 'claimmark')) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('claimmark');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  try {
    if (!db.objectStoreNames.contains(store)) return [];
    return await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  } finally {
    db.close();
  }
}

interface SessionGlobal {
  browser?: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
  chrome?: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

/** Waits until the background holds a report for `url`, and returns that tab's id. */
export async function reportedTabIdInExtension(url: string): Promise<number> {
  const api = (globalThis as SessionGlobal).browser ?? (globalThis as SessionGlobal).chrome;
  if (!api) throw new Error('not an extension context');
  for (let i = 0; i < 200; i++) {
    const all = await api.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      if ((value as { url?: string } | undefined)?.url === url) return Number(key.slice(4));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No report arrived for ${url}`);
}

/**
 * Writes article and notes rows straight into Claimmark's database, in one transaction: a
 * library for a test or a benchmark, as the extension stores it, without going through the UI.
 */
export async function writeLibraryInExtension([articleRows, noteRows]: readonly [
  unknown[],
  unknown[],
]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('claimmark');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  try {
    const tx = db.transaction(['articles', 'notes'], 'readwrite');
    for (const r of articleRows) tx.objectStore('articles').put(r);
    for (const r of noteRows) tx.objectStore('notes').put(r);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
  } finally {
    db.close();
  }
}
