import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord, ArticleRecord } from '../../lib/model';
import { packRow } from '../../lib/storage/notes';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  launchChromium,
  sendFromExtension,
  readAnnotations,
  readStore,
  type ChromiumSession,
} from './support/chromium';
import { selectText } from './support/page-text';
import { fixtureMounts } from './support/paths';
import { writeLibraryInExtension } from './support/in-extension';

// Issue 16 end to end: two Chromium profiles, each with the extension (the e2e build, granted
// the loopback origin a reader would grant at a prompt), one pouchdb-server on loopback.

let couch: CouchServer;
let pages: StaticServer;
let a: ChromiumSession;
let b: ChromiumSession;

beforeAll(async () => {
  couch = await startCouchServer();
  pages = await startStaticServer(fixtureMounts());
  a = await launchChromium('chrome-mv3-e2e');
  b = await launchChromium('chrome-mv3-e2e');
});

afterAll(async () => {
  await a.close();
  await b.close();
  await pages.close();
  await couch.stop();
});

const SYNC_WAIT = { timeout: 30_000, interval: 250 };

/** The sync section's status line, as the reader reads it. */
function syncStatus(options: Page): Promise<string | null> {
  return options.locator('p[aria-live="polite"]').textContent();
}

/** Opens the options page, enters the server and presses "Sync now", as a reader does. */
async function turnOnSync(session: ChromiumSession, dbUrl: string, author: string): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(dbUrl);
  await options.getByLabel('User name').fill('');
  await options.getByLabel('Password').fill('');
  await options.getByLabel('Your name on notes').fill(author);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => syncStatus(options), SYNC_WAIT).toContain('Syncing continuously');
  return options;
}

async function noteOn(session: ChromiumSession, id: string): Promise<AnnotationRecord | undefined> {
  return (await readAnnotations(session)).find((n) => n.id === id);
}

async function highlightOn(session: ChromiumSession, quote: string): Promise<AnnotationRecord> {
  const page = await session.context.newPage();
  await page.goto(`${pages.origin}/pages/budapest-summit.html`);
  await selectText(page, quote);
  await page.keyboard.press('Alt+Shift+H');
  let made: AnnotationRecord | undefined;
  await expect
    .poll(async () => (made = (await readAnnotations(session)).find((n) => n.quote === quote)))
    .toBeDefined();
  await page.close();
  if (!made) throw new Error('no highlight');
  return made;
}

const fieldsOf = (n: AnnotationRecord) => ({
  kind: n.kind,
  note: n.note,
  status: n.status,
  evidence: n.evidence,
  tags: n.tags,
  color: n.color,
});

async function docCount(dbUrl: string): Promise<number> {
  const response = await fetch(dbUrl).catch(() => null);
  if (!response?.ok) return -1;
  return ((await response.json()) as { doc_count: number }).doc_count;
}

describe('sync through CouchDB between two browsers', () => {
  const dbUrl = () => `${couch.origin}/desk`;
  let optionsA: Page;
  let optionsB: Page;

  it('brings a note made on A to B, an edit on B back to A, and a delete to both', async () => {
    optionsA = await turnOnSync(a, dbUrl(), 'Ana');
    // One reader, two devices: B may change what A made (another reader's notes are read-only).
    optionsB = await turnOnSync(b, dbUrl(), 'Ana');
    // The password is kept sealed in storage.local, where Firefox lets content scripts read.
    const stored = await a.control.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await api.storage.local.get('syncSettings')).syncSettings as { password: string };
    });
    expect(stored.password.startsWith('sealed:v1:')).toBe(true);
    const note = await highlightOn(
      a,
      'Trump will meet Russian President Vladimir Putin in Budapest',
    );

    await expect
      .poll(() => noteOn(b, note.id), SYNC_WAIT)
      .toMatchObject({
        quote: note.quote,
        author: 'Ana',
        articleUrl: note.articleUrl,
      });

    // The text it was made on came along, and B's copy of the note names it.
    const hashes = async (session: ChromiumSession) =>
      ((await readStore(session, 'versions')) as { hash: string }[]).map((v) => v.hash);
    const onA = await hashes(a);
    expect(onA.length).toBeGreaterThan(0);
    await expect.poll(() => hashes(b), SYNC_WAIT).toEqual(onA);
    expect((await noteOn(b, note.id))?.version).toBe(note.version);

    await sendFromExtension(b, 'annotation.save', {
      target: { id: note.id, articleUrl: note.articleUrl },
      fields: { ...fieldsOf(note), note: 'Checked on B' },
    });
    await expect.poll(async () => (await noteOn(a, note.id))?.note, SYNC_WAIT).toBe('Checked on B');

    await sendFromExtension(a, 'annotation.delete', { id: note.id, articleUrl: note.articleUrl });
    await expect.poll(() => noteOn(b, note.id), SYNC_WAIT).toBeUndefined();
    // The options page says how it went.
    await expect
      .poll(() => syncStatus(optionsA), SYNC_WAIT)
      .toMatch(/Last synced .*Nothing waiting to be sent/);
  });

  it('accounts for both edits of one note made while the server was down', async () => {
    const note = await highlightOn(
      a,
      'It remains unclear who will represent Russia at the meeting.',
    );
    await expect.poll(() => noteOn(b, note.id), SYNC_WAIT).toBeDefined();

    await couch.kill();
    await sendFromExtension(a, 'annotation.save', {
      target: { id: note.id, articleUrl: note.articleUrl },
      fields: { ...fieldsOf(note), note: 'A, offline', tags: ['from-a'] },
    });
    // B's edit is the later one: made once the clock has moved on.
    const editedOnA = Date.now();
    await expect.poll(() => Date.now()).toBeGreaterThan(editedOnA);
    await sendFromExtension(b, 'annotation.save', {
      target: { id: note.id, articleUrl: note.articleUrl },
      fields: { ...fieldsOf(note), note: 'B, offline', status: null },
    });
    await expect
      .poll(() => optionsA.locator('.error').first().textContent(), SYNC_WAIT)
      .toContain('cannot be reached');

    // The server comes back empty (it kept everything in memory); both press "Sync now".
    await couch.restart();
    for (const options of [optionsA, optionsB]) {
      await options.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(() => syncStatus(options), SYNC_WAIT).toContain('Syncing continuously');
    }
    for (const session of [a, b]) {
      await expect
        .poll(async () => {
          const n = await noteOn(session, note.id);
          return n && { note: n.note, conflicts: n.conflicts?.map((c) => c.fields.note) };
        }, SYNC_WAIT)
        .toEqual({ note: 'B, offline', conflicts: ['A, offline'] });
    }
  }, 180_000);

  it('resumes a first sync of 5,000 notes after the server is killed in the middle: nothing lost or duplicated', async () => {
    const bulkUrl = `${couch.origin}/bulk`;
    const article: ArticleRecord = {
      url: `${pages.origin}/pages/bulk`,
      title: 'Bulk',
      canonicalUrl: null,
      seenAt: [`${pages.origin}/pages/bulk`],
      savedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const articles = Array.from({ length: 250 }, (_, i) => ({
      ...article,
      url: `${article.url}/${String(i)}`,
    }));
    const notes: AnnotationRecord[] = Array.from({ length: 5000 }, (_, i) => ({
      id: crypto.randomUUID(),
      articleUrl: articles[i % 250]?.url ?? '',
      kind: 'highlight',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: `passage ${String(i)}`, prefix: '', suffix: '' },
      },
      quote: `passage ${String(i)}`,
      note: `note ${String(i)}`,
      status: null,
      evidence: [],
      tags: ['bulk'],
      color: 'yellow',
      createdAt: '2026-01-01T00:00:00.000Z',
      modifiedAt: '2026-01-01T00:00:00.000Z',
      articleModified: null,
      anchoring: null,
    }));
    const rows = articles.map((x) =>
      packRow(
        x.url,
        notes.filter((n) => n.articleUrl === x.url),
      ),
    );
    // Written straight into A's database: the first sync with a new server sends the whole library.
    await a.control.evaluate(writeLibraryInExtension, [articles, rows] as const);
    const before = (await readAnnotations(a)).length;
    // The stored texts of the story highlighted above travel too.
    const versions = (await readStore(a, 'versions')).length;

    await optionsA.getByLabel('Server URL').fill(bulkUrl);
    await optionsA.getByRole('button', { name: 'Sync now' }).click();
    // Killed once part of the library is on the server.
    await expect
      .poll(() => docCount(bulkUrl), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(0);
    const partial = await docCount(bulkUrl);
    await couch.kill();
    expect(partial).toBeLessThan(notes.length + articles.length);
    await couch.restart();
    // A's loop tries again by itself, after its backoff (2 s, 4 s … doubling while the server was down).
    await expect
      .poll(() => docCount(bulkUrl), { timeout: 150_000, interval: 500 })
      .toBe(before + articles.length + 1 /* the summit article */ + versions);

    await optionsB.getByLabel('Server URL').fill(bulkUrl);
    await optionsB.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(async () => (await readAnnotations(b)).length, { timeout: 90_000, interval: 500 })
      .toBe(before);
    const onB = await readAnnotations(b);
    expect(new Set(onB.map((n) => n.id)).size).toBe(before);
    expect(onB.filter((n) => n.tags.includes('bulk'))).toHaveLength(notes.length);
  }, 360_000);
});
