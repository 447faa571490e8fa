import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, readAnnotations, type ChromiumSession } from './support/chromium';

// Issue 16 in Chromium: a shared library's notes written into IndexedDB as sync would leave
// them (one by another reader, one of the reader's own edited on two devices), then the popup's
// library filters by author, shows the other's note read-only, copies it to the reader's notes,
// and settles the conflict with "Keep this version".

const ARTICLE = 'https://news.example.org/2026/budget-vote';
const TIME = '2026-01-10T09:00:00.000Z';
const ANAS = 'a1a1a1a1-0000-4000-8000-000000000001';
const OWN = 'b2b2b2b2-0000-4000-8000-000000000002';
const SIGNED = 'c3c3c3c3-0000-4000-8000-000000000003';
const CONFLICT_AT = '2026-01-11T08:00:00.000Z';

function stored(id: string, quote: string, extra: Record<string, unknown>) {
  // As an article's row keeps a note: without its article, and its quote in its selector.
  return {
    id,
    kind: 'highlight',
    selectors: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
    note: '',
    status: null,
    evidence: [],
    tags: [],
    color: 'yellow',
    createdAt: TIME,
    modifiedAt: TIME,
    articleModified: null,
    anchoring: null,
    ...extra,
  };
}

const SEED = {
  article: {
    url: ARTICLE,
    title: 'Parliament passes the budget',
    canonicalUrl: null,
    seenAt: [ARTICLE],
    savedAt: TIME,
    updatedAt: TIME,
  },
  row: {
    articleUrl: ARTICLE,
    items: [
      stored(ANAS, 'The budget passed by four votes', { author: 'Ana', note: 'Ana checked this' }),
      stored(OWN, 'The deficit doubles', {
        kind: 'claim',
        status: 'unverified',
        note: 'from the phone',
        conflicts: [
          {
            at: CONFLICT_AT,
            author: 'Bea',
            fields: {
              kind: 'claim',
              note: 'from the laptop',
              status: 'false',
              evidence: [],
              tags: ['laptop'],
              color: 'yellow',
            },
          },
        ],
      }),
      stored(SIGNED, 'Taxes stay the same', { author: 'Bea' }),
    ],
  },
};

/** Writes an article and its notes row straight into the extension's database (self-contained). */
async function seedInExtension(seed: { article: unknown; row: unknown }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('claimmark');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  try {
    if (!db.objectStoreNames.contains('notes')) throw new Error('the database is not made yet');
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['articles', 'notes'], 'readwrite');
      tx.objectStore('articles').put(seed.article);
      tx.objectStore('notes').put(seed.row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
  } finally {
    db.close();
  }
}

interface StorageGlobal {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
}

let browser: ChromiumSession;
let popup: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // The reader's name, as the options page's sync section keeps it.
  await browser.control.evaluate(
    (settings) => (globalThis as unknown as StorageGlobal).chrome.storage.local.set(settings),
    {
      syncSettings: { enabled: false, url: '', username: '', password: '', author: 'Bea' },
    },
  );
  // An empty library opened once makes the database, which the seed then writes to.
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?view=library&tab=0`);
  await popup.getByText('Your library is empty').waitFor();
  await browser.control.evaluate(seedInExtension, SEED);
  await popup.reload();
});

afterAll(async () => {
  await browser.close();
});

const note = (quote: string) => popup.locator('.lib-note', { hasText: quote });
const storedNote = async (id: string) => (await readAnnotations(browser)).find((a) => a.id === id);

describe('a shared library in Chromium', () => {
  it('filters by author: Ana’s note, and the reader’s own signed and unsigned ones', async () => {
    await popup.getByRole('list', { name: 'Saved articles and notes' }).waitFor();
    const author = popup.getByLabel('Author');
    await author.selectOption({ label: 'Ana' });
    await note('The budget passed by four votes').waitFor();
    await expect.poll(() => popup.locator('.lib-note').count()).toBe(1);
    await author.selectOption({ label: 'Bea (me)' });
    await note('Taxes stay the same').waitFor();
    await note('The deficit doubles').waitFor();
    await expect.poll(() => popup.locator('.lib-note').count()).toBe(2);
    await author.selectOption({ label: 'Any' });
  });

  it('shows Ana’s note read-only, and copies it to the reader’s notes', async () => {
    await popup.getByLabel('Author').selectOption({ label: 'Ana' });
    const row = note('The budget passed by four votes');
    await row.getByText('by Ana').waitFor();
    expect(await row.getByRole('button', { name: 'Edit note' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Delete note' }).count()).toBe(0);
    await row.getByRole('button', { name: "Read Ana's note" }).click();
    await popup.getByText("This note is Ana's: copy it to your notes to change it.").waitFor();
    expect(await popup.getByLabel('Note', { exact: true }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Copy to my notes' }).click();
    // The copy opens in the editor, the reader's to change.
    await expect
      .poll(() => popup.getByLabel('Note', { exact: true }).inputValue())
      .toBe('Ana checked this');
    const copies = (await readAnnotations(browser)).filter(
      (a) => a.quote === 'The budget passed by four votes',
    );
    expect(copies.map((a) => a.author).sort()).toEqual(['Ana', 'Bea']);
    const copy = copies.find((a) => a.author === 'Bea');
    expect(copy?.id).not.toBe(ANAS);
    expect(copy?.note).toBe('Ana checked this');
    // The original is untouched.
    expect((await storedNote(ANAS))?.author).toBe('Ana');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByLabel('Author').selectOption({ label: 'Any' });
  });

  it('marks the note edited on two devices; "Keep this version" makes it the note', async () => {
    await popup.getByLabel('Has conflicts').check();
    const row = note('The deficit doubles');
    await row.getByText('Edited on two devices').waitFor();
    await expect.poll(() => popup.locator('.lib-note').count()).toBe(1);
    await row.getByRole('button', { name: 'Edit note' }).click();
    const other = popup.locator('.conflict__side', { hasText: 'Other version' });
    await other.getByText('from the laptop').waitFor();
    await popup.getByRole('button', { name: 'Keep this version' }).click();
    await expect
      .poll(() => popup.getByLabel('Note', { exact: true }).inputValue())
      .toBe('from the laptop');
    expect(await popup.locator('.conflicts').count()).toBe(0);
    const settled = await storedNote(OWN);
    expect(settled).toMatchObject({ note: 'from the laptop', status: 'false', tags: ['laptop'] });
    expect(settled).not.toHaveProperty('conflicts');
    expect(settled?.modifiedAt).not.toBe(TIME);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    // Nothing is left to settle: the filter finds nothing.
    await popup.getByText('Nothing matches').waitFor();
  });
});
