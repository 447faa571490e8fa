import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import type { AnnotationAnchor } from '@/lib/model';
import { createHandlers } from '@/lib/services/background-handlers';
import { createVersionsService, HOLD_MS, VISIT_MS } from '@/lib/services/versions';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { readCatalog, readNewestCatalog } from '@/lib/storage/catalog';
import { listVersions, readVersion } from '@/lib/storage/versions';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';
import { findNote } from './stored-notes';

const URL_A = 'https://news.example.com/story';
const ORIGINAL = [
  'Trump will meet Putin in Budapest, the White House said.',
  'It remains unclear who will represent Russia at the meeting.',
  'Orban called it great news.',
].join('\n');
const content: Sender = { origin: 'content', tabId: 4, frameId: 0, url: URL_A };
const report = {
  url: URL_A,
  title: 'Story',
  canonicalUrl: null,
  article: {
    detection: { isArticle: true, reasons: [] },
    metadata: {
      headline: 'Trump, Putin to meet',
      byline: ['Jane Roe', 'John Doe'],
      siteName: null,
      published: '2025-10-16',
      modified: null,
      language: null,
      canonicalUrl: null,
      description: null,
    },
    hints: [],
  },
};
const opened: ClaimmarkDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The draft of a highlight on `quote` in ORIGINAL, as the page describes it. */
function draftOf(quote: string) {
  const start = ORIGINAL.indexOf(quote);
  return {
    kind: 'highlight' as const,
    quote,
    selectors: {
      quote: { type: 'TextQuoteSelector' as const, exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start, end: start + quote.length },
    },
  };
}

async function setup(clock: { now: Date } = { now: new Date('2026-01-02T03:04:05Z') }) {
  const db = new ClaimmarkDatabase(`ver-${crypto.randomUUID()}`);
  opened.push(db);
  let pageText: string | null = ORIGINAL;
  let body: string | null = null;
  let bodyReads = 0;
  const route = createRouter(
    'background',
    createHandlers({
      db,
      tabs: createTabStore(memoryArea()),
      requestBody: () => {
        bodyReads++;
        return Promise.resolve(body);
      },
      requestText: () => Promise.resolve(pageText),
      now: () => clock.now,
    }),
  );
  const call = async <T>(type: string, payload: unknown): Promise<T> => {
    const result = await route({ type, payload }, content);
    if (!result.ok) throw new Error(result.error);
    return result.value as T;
  };
  await call('page.report', report);
  const highlight = (quote: string) =>
    call<AnnotationAnchor>('annotation.create', { draft: draftOf(quote), color: 'yellow' });
  return {
    db,
    call,
    route,
    highlight,
    setText: (t: string | null) => (pageText = t),
    setBody: (t: string | null) => (body = t),
    bodyReads: () => bodyReads,
  };
}

describe('versions of the stories the reader marks', () => {
  it('keeps the text a highlight was made on as version 1, and the note names it', async () => {
    const { db, highlight, bodyReads } = await setup();
    const first = await highlight('Trump will meet Putin');
    expect(first.version).toBe(1);
    expect((await findNote(db, first.id))?.version).toBe(1);
    expect(await readVersion(db, URL_A, 1)).toEqual({
      text: ORIGINAL,
      headline: 'Trump, Putin to meet',
      byline: 'Jane Roe, John Doe',
      published: '2025-10-16',
      modified: null,
    });
    // The same text again: no new version, and no body extraction asked of the page.
    const reads = bodyReads();
    expect((await highlight('Orban called it great news.')).version).toBe(1);
    expect(bodyReads()).toBe(reads);
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1]);
  });

  it('keeps the text of a story the reader saves from the popup as version 1', async () => {
    const { db, route } = await setup();
    const popup: Sender = {
      origin: 'extension',
      url: 'chrome-extension://id/popup.html',
      tabId: null,
    };
    expect((await route({ type: 'article.save', payload: { tabId: 4 } }, popup)).ok).toBe(true);
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1]);
  });

  it('still stores the highlight when its version cannot be written (a full disk)', async () => {
    const { db, highlight } = await setup();
    db.versions.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const note = await highlight('Trump will meet Putin');
    expect(note.version).toBeUndefined();
    expect(await findNote(db, note.id)).toBeDefined();
    expect(await listVersions(db, URL_A)).toEqual([]);
  });

  it('stores no version, and the note names none, when the page gives no text', async () => {
    const { db, highlight, setText } = await setup();
    setText(null);
    const note = await highlight('Trump will meet Putin');
    expect(note.version).toBeUndefined();
    expect(await listVersions(db, URL_A)).toEqual([]);
  });

  it('follows each note to the edited story and keeps the edited text as version 2', async () => {
    const { db, call, highlight } = await setup();
    const kept = await highlight('Orban called it great news.');
    const gone = await highlight('It remains unclear who will represent Russia at the meeting.');
    const changed = await highlight('Trump will meet Putin in Budapest');
    const edited = [
      'Update: the summit was postponed.',
      'Trump will meet Putin in Hungary, the White House said.',
      'Orban called it great news.',
    ].join('\n');
    const { hints } = await call<{
      hints: { id: string; kind: string; start?: number; end?: number }[];
    }>('annotations.remap', { text: edited });
    const byId = new Map(hints.map((h) => [h.id, h]));
    expect(byId.get(kept.id)).toMatchObject({ kind: 'kept', start: edited.indexOf('Orban') });
    expect(byId.get(gone.id)).toEqual({ id: gone.id, kind: 'deleted' });
    const moved = byId.get(changed.id);
    expect(moved?.kind).toBe('changed');
    expect(edited.slice(moved?.start, moved?.end)).toBe('Trump will meet Putin in Hungary');
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2]);
    expect((await readVersion(db, URL_A, 2))?.text).toBe(edited);
    // The notes still name the version they were made on.
    expect((await findNote(db, kept.id))?.version).toBe(1);
  });

  it('keeps one new version per visit of a page that rewrites itself', async () => {
    const clock = { now: new Date('2026-01-02T03:04:05Z') };
    const { db, call, highlight } = await setup(clock);
    await highlight('Orban called it great news.');
    // Re-anchoring the unchanged page adds nothing, and does not hold back the next change.
    await call('annotations.remap', { text: ORIGINAL });
    // Three re-anchorings in one visit, each with another "updated 5 minutes ago" line.
    for (const minutes of [1, 2, 3]) {
      await call('annotations.remap', { text: `${ORIGINAL}\nUpdated ${String(minutes)} min ago` });
    }
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2]);
    // A later visit keeps its text again.
    clock.now = new Date(clock.now.getTime() + VISIT_MS);
    await call('annotations.remap', { text: `${ORIGINAL}\nUpdated tomorrow` });
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2, 3]);
  });

  it('gives no hint for a note whose version does not hold its quote (imported from elsewhere)', async () => {
    const { db, call, highlight } = await setup();
    const note = await highlight('Orban called it great news.');
    const stored = await findNote(db, note.id);
    if (!stored) throw new Error('no note');
    // Another library's version 1 was another text: this note's offsets do not fit ours.
    const rows = await db.notes.toArray();
    for (const row of rows) {
      for (const item of row.items) {
        if (item.id === note.id && item.selectors.position) item.selectors.position.start += 3;
      }
    }
    await db.notes.bulkPut(rows);
    const { hints } = await call<{ hints: unknown[] }>('annotations.remap', {
      text: `Intro.\n${ORIGINAL}`,
    });
    expect(hints).toEqual([]);
  });

  it('keeps one version of a story whose page changes only around it, and marks nothing changed', async () => {
    const clock = { now: new Date('2026-01-02T03:04:05Z') };
    const { db, call, highlight, setBody } = await setup(clock);
    setBody(ORIGINAL);
    const note = await highlight('Orban called it great news.');
    const visit = async (text: string) => {
      clock.now = new Date(clock.now.getTime() + VISIT_MS);
      await call('annotations.remap', { text });
    };
    // The whole catalog and its first rows (read another way) must agree.
    const outdated = async () => {
      const marks = await Promise.all(
        [readCatalog(db), readNewestCatalog(db, 5)].map(
          async (read) => (await read)[0]?.items.find((i) => i.id === note.id)?.outdated ?? false,
        ),
      );
      expect(marks[1]).toBe(marks[0]);
      return marks[0];
    };
    // Each visit, another "most read" list beside the same story.
    await visit(`${ORIGINAL}\nMost read: the weather`);
    await visit(`${ORIGINAL}\nMost read: the markets`);
    await visit(`${ORIGINAL}\nMost read: the match`);
    const versions = await listVersions(db, URL_A);
    // Version 1 holds the note; one more holds the page as it is now, replaced visit by visit.
    expect(versions.map((v) => v.n)).toEqual([1, 2]);
    expect(versions[0]?.story).toBeDefined();
    expect(versions[1]?.story).toBe(versions[0]?.story);
    expect((await readVersion(db, URL_A, 2))?.text).toContain('the match');
    expect(await outdated()).toBe(false);
    // The story itself is edited: that is a change.
    const edited = ORIGINAL.replace('great news', 'a good day');
    setBody(edited);
    await visit(`${edited}\nMost read: the match`);
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2, 3]);
    expect(await outdated()).toBe(true);
  });

  it('never replaces a version handed to a note that is not stored yet', async () => {
    const db = new ClaimmarkDatabase(`ver-${crypto.randomUUID()}`);
    opened.push(db);
    const clock = { now: new Date('2026-01-02T03:04:05Z') };
    const page = { text: `${ORIGINAL}\nMost read: the weather` };
    const service = createVersionsService({
      db,
      tabs: createTabStore(memoryArea()),
      requestText: () => Promise.resolve(page.text),
      requestBody: () => Promise.resolve(ORIGINAL),
      now: () => clock.now,
    });
    // Version 1 holds no note yet; a second text of the same story replaces it only from 2 on.
    expect(await service.capture(4, URL_A)).toBe(1);
    page.text = `${ORIGINAL}\nMost read: the markets`;
    // Tab 4's highlight is handed version 2; before its note is stored, tab 5 shows the page
    // with another feed. Version 2 must keep the text the note's positions point into.
    expect(await service.capture(4, URL_A)).toBe(2);
    const handed = (await readVersion(db, URL_A, 2))?.text;
    page.text = `${ORIGINAL}\nMost read: the match`;
    expect(await service.capture(5, URL_A)).toBe(3);
    expect((await readVersion(db, URL_A, 2))?.text).toBe(handed);
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2, 3]);
    // Once the hold has passed with no note stored, the newest may be replaced again.
    clock.now = new Date(clock.now.getTime() + HOLD_MS);
    page.text = `${ORIGINAL}\nMost read: the election`;
    expect(await service.capture(5, URL_A)).toBe(3);
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2, 3]);
    expect((await readVersion(db, URL_A, 3))?.text).toContain('the election');
  });
});
