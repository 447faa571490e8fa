import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import type { AnnotationRecord, ArticleRecord, StoredArticleFacts } from '@/lib/model';
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  recordAnchoring,
  restoreAnnotation,
  updateAnnotation,
} from '@/lib/storage/annotations';
import { saveArticle, updateArticleFacts } from '@/lib/storage/articles';
import { readCatalog, readNewestCatalog } from '@/lib/storage/catalog';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { describeStorageError } from '@/lib/storage/errors';
import { packRow, readRowsInPages } from '@/lib/storage/notes';
import { countNotes, findNote, notesById } from './stored-notes';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function facts(headline: string, entity: string): StoredArticleFacts {
  return {
    isArticle: true,
    metadata: {
      headline,
      byline: ['Jane Roe'],
      siteName: 'Example News',
      published: '2025-10-16T09:00:00+02:00',
      modified: null,
      language: 'en',
      canonicalUrl: null,
      description: null,
    },
    analysis: {
      entities: [
        { type: 'person', name: entity, aliases: ['Orbán'], mentions: [{ start: 0, end: 5 }] },
      ],
      dates: [{ text: 'Oct. 16', value: '2025-10-16', precision: 'day', start: 10, end: 17 }],
      length: 400,
    },
    analyzedAt: '2025-10-16T10:00:00.000Z',
  };
}

function article(i: number): ArticleRecord {
  const time = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
  return {
    url: `https://news.example.com/story-${i}`,
    title: `Story ${i}`,
    canonicalUrl: null,
    seenAt: [`https://news.example.com/story-${i}`],
    savedAt: time,
    updatedAt: time,
    ...(i % 2 ? { facts: facts(`Headline ${i} über Ungarn`, 'Viktor Orbán') } : {}),
  };
}

function annotation(i: number, articleUrl: string): AnnotationRecord {
  const time = new Date(Date.UTC(2025, 5, 1, 0, i)).toISOString();
  const quote = `Quote ${i}: “Orbán” said <script>alert(${i})</script>`;
  return {
    id: crypto.randomUUID(),
    articleUrl,
    kind: i % 3 ? 'highlight' : 'claim',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + quote.length },
    },
    quote,
    note: i % 2 ? `Note ${i}\nsecond line` : '',
    status: i % 3 ? null : 'disputed',
    evidence: i % 4 ? [] : ['https://evidence.example.org/x'],
    tags: i % 2 ? ['hungary', `t${i % 5}`] : [],
    color: 'yellow',
    createdAt: time,
    modifiedAt: time,
    articleModified: null,
    anchoring: i % 7 ? { status: 'anchored', text: null, checkedAt: time } : null,
  };
}

/** The catalog as it should be: one entry per article or annotated address, from the records. */
async function expectedCatalog(db: ClaimmarkDatabase) {
  const articles = await db.articles.toArray();
  const annotations = await notesById(db);
  const urls = new Set([...articles.map((a) => a.url), ...annotations.map((a) => a.articleUrl)]);
  return [...urls].sort().map((url) =>
    buildCatalogEntry(
      url,
      articles.find((a) => a.url === url),
      annotations.filter((a) => a.articleUrl === url),
    ),
  );
}

async function expectCatalogOfRecords(db: ClaimmarkDatabase) {
  const catalog = (await readCatalog(db)).sort((a, b) => a.url.localeCompare(b.url));
  expect(catalog).toEqual(await expectedCatalog(db));
}

const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** Opens an older library as the current schema and checks every record came through. */
async function openUpgraded(
  name: string,
  articles: ArticleRecord[],
  annotations: AnnotationRecord[],
): Promise<ClaimmarkDatabase> {
  const db = new ClaimmarkDatabase(name);
  await db.open();
  expect(db.verno).toBe(7);
  expect(db.tables.map((t) => t.name).sort()).toEqual([
    'articles',
    'notes',
    'outbox',
    'syncMeta',
    'syncState',
    'versions',
  ]);
  expect(await db.versions.count()).toBe(0);
  expect((await db.articles.toArray()).sort(byUrl)).toEqual([...articles].sort(byUrl));
  expect(await notesById(db)).toEqual([...annotations].sort(byId));
  return db;
}

describe('schema versions 3 and 4: notes stored a row per article', () => {
  it('upgrades a version-1 library with every record intact', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: 'url, savedAt', annotations: 'id, articleUrl, createdAt' });
    const articles = Array.from({ length: 12 }, (_, i) => article(i));
    // Annotations on every article, and some on an address whose article record was lost.
    const annotations = Array.from({ length: 240 }, (_, i) =>
      annotation(i, i % 13 === 12 ? 'https://lost.example.com/x' : (articles[i % 12]?.url ?? '')),
    );
    await v1.table('articles').bulkAdd(articles);
    await v1.table('annotations').bulkAdd(annotations);
    v1.close();

    const db = await openUpgraded(name, articles, annotations);
    expect(await db.notes.count()).toBe(13);
    // Rows keep each note without its article (the row's key) and without a repeated quote.
    for (const row of await db.notes.toArray()) {
      for (const item of row.items) {
        expect(item).not.toHaveProperty('articleUrl');
        expect(item).not.toHaveProperty('quote');
      }
    }
    await expectCatalogOfRecords(db);
    const lost = (await readCatalog(db)).find((e) => e.url === 'https://lost.example.com/x');
    expect(lost?.items).toHaveLength(
      annotations.filter((a) => a.articleUrl.includes('lost')).length,
    );
    expect(lost?.headline).toBe('');
    const newest = await readNewestCatalog(db, 3);
    expect(newest.map((e) => e.url)).toEqual([
      articles[11]?.url,
      articles[10]?.url,
      articles[9]?.url,
    ]);
    expect(newest[0]).toEqual(
      buildCatalogEntry(
        articles[11]?.url ?? '',
        articles[11],
        annotations.filter((a) => a.articleUrl === articles[11]?.url),
      ),
    );
    db.close();
  });

  it('upgrades a version-2 library (with its catalog) and drops the catalog', async () => {
    const name = `upgrade2-${crypto.randomUUID()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(2).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl',
      catalog: 'url, savedAt',
    });
    const articles = Array.from({ length: 3 }, (_, i) => article(i));
    const annotations = Array.from({ length: 30 }, (_, i) =>
      annotation(i, articles[i % 3]?.url ?? ''),
    );
    await v2.table('articles').bulkAdd(articles);
    await v2.table('annotations').bulkAdd(annotations);
    await v2.table('catalog').bulkAdd(articles.map((a) => buildCatalogEntry(a.url, a, [])));
    v2.close();

    const db = await openUpgraded(name, articles, annotations);
    db.close();
    // The old stores are gone from the database itself, not just from Dexie's view of it.
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.tables.map((t) => t.name).sort()).toEqual([
      'articles',
      'notes',
      'outbox',
      'syncMeta',
      'syncState',
      'versions',
    ]);
    raw.close();
  });

  it('upgrades a version-4 library to version 5 (versions) keeping every record', async () => {
    const name = `upgrade4-${crypto.randomUUID()}`;
    names.push(name);
    const v4 = new Dexie(name);
    v4.version(4).stores({ articles: 'url, savedAt', notes: 'articleUrl' });
    const articles = Array.from({ length: 20 }, (_, i) => article(i));
    const annotations = Array.from({ length: 200 }, (_, i) =>
      annotation(i, i % 21 === 20 ? 'https://lost.example.com/x' : (articles[i % 20]?.url ?? '')),
    );
    const byArticle = new Map<string, AnnotationRecord[]>();
    for (const a of annotations)
      byArticle.set(a.articleUrl, [...(byArticle.get(a.articleUrl) ?? []), a]);
    await v4.table('articles').bulkAdd(articles);
    await v4.table('notes').bulkAdd([...byArticle].map(([url, items]) => packRow(url, items)));
    v4.close();
    const db = await openUpgraded(name, articles, annotations);
    db.close();
  });

  it('upgrades a version-5 library to version 6 (story index) keeping every version', async () => {
    const name = `upgrade5-${crypto.randomUUID()}`;
    names.push(name);
    const v5 = new Dexie(name);
    v5.version(5).stores({
      articles: 'url, savedAt',
      notes: 'articleUrl',
      versions: '[articleUrl+n], articleUrl',
    });
    const articles = Array.from({ length: 5 }, (_, i) => article(i));
    const first = articles[0]?.url ?? '';
    const annotations = Array.from({ length: 30 }, (_, i) => ({
      ...annotation(i, articles[i % 5]?.url ?? ''),
      version: 1,
    }));
    const versions = articles.flatMap((a, i) =>
      // The first article's story was edited since its notes were made: a second version.
      Array.from({ length: a.url === first ? 2 : 1 }, (_, k) => ({
        articleUrl: a.url,
        n: k + 1,
        hash: String(i * 2 + k).padStart(64, '0'),
        seenAt: a.savedAt,
        modified: null,
        chars: 10,
        bytes: 3,
        data: new Uint8Array([i, k, 7]),
      })),
    );
    const byArticle = new Map<string, AnnotationRecord[]>();
    for (const a of annotations)
      byArticle.set(a.articleUrl, [...(byArticle.get(a.articleUrl) ?? []), a]);
    await v5.table('articles').bulkAdd(articles);
    await v5.table('notes').bulkAdd([...byArticle].map(([url, items]) => packRow(url, items)));
    await v5.table('versions').bulkAdd(versions);
    v5.close();
    const db = new ClaimmarkDatabase(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.versions.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[articleUrl+story]',
      'articleUrl',
    ]);
    expect((await db.articles.toArray()).sort(byUrl)).toEqual([...articles].sort(byUrl));
    expect(await notesById(db)).toEqual([...annotations].sort(byId));
    expect(await db.versions.toArray()).toEqual(
      [...versions].sort((a, b) => a.articleUrl.localeCompare(b.articleUrl) || a.n - b.n),
    );
    // Versions without a story: the page's text decides, as before.
    const catalog = await readCatalog(db);
    for (const entry of catalog) {
      expect(
        entry.items.every((i) => i.outdated === (entry.url === first ? true : undefined)),
      ).toBe(true);
    }
    db.close();
  });

  it('upgrades a version-6 library to version 7 (sync tables) keeping every record, nothing marked to push', async () => {
    const name = `upgrade6-${crypto.randomUUID()}`;
    names.push(name);
    const v6 = new Dexie(name);
    v6.version(6).stores({
      articles: 'url, savedAt',
      notes: 'articleUrl',
      versions: '[articleUrl+n], articleUrl, [articleUrl+story]',
    });
    const articles = Array.from({ length: 4 }, (_, i) => article(i));
    const annotations = Array.from({ length: 12 }, (_, i) =>
      annotation(i, articles[i % 4]?.url ?? ''),
    );
    const byArticle = new Map<string, AnnotationRecord[]>();
    for (const a of annotations)
      byArticle.set(a.articleUrl, [...(byArticle.get(a.articleUrl) ?? []), a]);
    await v6.table('articles').bulkAdd(articles);
    await v6.table('notes').bulkAdd([...byArticle].map(([url, items]) => packRow(url, items)));
    v6.close();
    const db = new ClaimmarkDatabase(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect((await db.articles.toArray()).sort(byUrl)).toEqual([...articles].sort(byUrl));
    expect(await notesById(db)).toEqual([...annotations].sort(byId));
    // The first sync reconciles the whole library; until then nothing is marked.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    db.close();
  });

  it('every write keeps the rows whole and the catalog built from them follows', async () => {
    const name = `catalog-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const report = {
      url: 'https://news.example.com/a',
      title: 'A',
      canonicalUrl: null,
      article: null,
    };
    const input = { key: report.url, report, seenAt: report.url };
    await saveArticle(db, report.url, report, report.url);
    await expectCatalogOfRecords(db);
    const draft = {
      kind: 'claim' as const,
      quote: 'Viktor Orbán said',
      selectors: annotation(0, '').selectors,
    };
    const fields = {
      kind: 'claim' as const,
      note: 'check',
      status: 'disputed' as const,
      evidence: [],
      tags: ['eu'],
      color: 'yellow' as const,
    };
    const first = await createAnnotation(db, input, draft, fields);
    const second = await createAnnotation(db, input, draft, { ...fields, kind: 'highlight' });
    expect((await db.notes.get(report.url))?.items.map((a) => a.id)).toEqual([first.id, second.id]);
    await expectCatalogOfRecords(db);
    const ref = { articleUrl: report.url, id: first.id };
    const edited = await updateAnnotation(db, ref, {
      ...fields,
      note: 'checked: false',
      tags: ['eu', 'vote'],
    });
    expect(await getAnnotation(db, ref)).toEqual(edited);
    await expectCatalogOfRecords(db);
    const entry = async () => (await readCatalog(db)).find((e) => e.url === report.url);
    expect((await entry())?.items.find((i) => i.id === first.id)?.text).toContain('checked false');
    // A note is found only under its own article.
    expect(
      await getAnnotation(db, { articleUrl: 'https://news.example.com/b', id: first.id }),
    ).toBeUndefined();
    await expect(
      updateAnnotation(db, { articleUrl: 'https://news.example.com/b', id: first.id }, fields),
    ).rejects.toThrow(/no longer exists/);
    const gone = await deleteAnnotation(db, { articleUrl: report.url, id: second.id });
    expect(gone).toEqual(second);
    expect(await countNotes(db)).toBe(1);
    if (gone) await restoreAnnotation(db, gone);
    expect(await findNote(db, second.id)).toEqual(second);
    await expectCatalogOfRecords(db);
    await recordAnchoring(db, report.url, [{ id: first.id, status: 'orphan', text: null }]);
    await expectCatalogOfRecords(db);
    expect((await entry())?.items.find((i) => i.id === first.id)?.anchoring).toBe('orphan');
    await updateArticleFacts(db, report.url, facts('A new headline', 'Péter Magyar'));
    expect((await entry())?.text).toContain('peter magyar');
    // Deleting the last note removes the article's row.
    await deleteAnnotation(db, ref);
    await deleteAnnotation(db, { articleUrl: report.url, id: second.id });
    expect(await db.notes.count()).toBe(0);
    await expectCatalogOfRecords(db);
  });

  it('a full disk while writing leaves the notes of the article as they were', async () => {
    const name = `quota-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const report = {
      url: 'https://news.example.com/b',
      title: 'B',
      canonicalUrl: null,
      article: null,
    };
    const input = { key: report.url, report, seenAt: report.url };
    const draft = {
      kind: 'highlight' as const,
      quote: 'q',
      selectors: annotation(1, '').selectors,
    };
    const fields = {
      kind: 'highlight' as const,
      note: '',
      status: null,
      evidence: [],
      tags: [],
      color: 'yellow' as const,
    };
    await createAnnotation(db, input, draft, fields);
    const before = await db.notes.toArray();
    db.notes.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await createAnnotation(db, input, draft, fields).catch(
      (error: unknown) => error,
    );
    expect(describeStorageError(failure)).toMatch(/disk is full/);
    expect(await db.notes.toArray()).toEqual(before);
  });
});

describe('reading the whole library in pages', () => {
  it('reads every row once, in key order, whatever the page size', async () => {
    const name = `pages-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const urls = Array.from({ length: 9 }, (_, i) => `https://news.example.com/p-${String(i)}`);
    await db.notes.bulkPut(urls.map((url, i) => packRow(url, [annotation(i, url)])));
    const expected = [...urls].sort();
    for (const size of [1, 2, 3, 4, 9, 10, 250]) {
      expect((await readRowsInPages(db, size)).map((r) => r.articleUrl)).toEqual(expected);
    }
    await db.notes.clear();
    expect(await readRowsInPages(db, 3)).toEqual([]);
  });
});

describe('recording how notes came back on their page', () => {
  it('writes only what changed, and renews an unchanged check once a day', async () => {
    const name = `anchoring-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const url = 'https://news.example.com/a';
    const note = { ...annotation(1, url), anchoring: null };
    await db.notes.put(packRow(url, [note]));
    let writes = 0;
    db.notes.hook('updating', () => {
      writes++;
    });
    const day = Date.UTC(2026, 0, 2);
    const visit = (at: number, status: 'anchored' | 'changed') =>
      recordAnchoring(db, url, [{ id: note.id, status, text: null }], new Date(at));
    expect(await visit(day, 'anchored')).toBe(1);
    expect(writes).toBe(1);
    expect(await visit(day + 60_000, 'anchored')).toBe(1);
    expect(writes).toBe(1);
    await visit(day + 120_000, 'changed');
    expect(writes).toBe(2);
    expect((await findNote(db, note.id))?.anchoring).toEqual({
      status: 'changed',
      text: null,
      checkedAt: new Date(day + 120_000).toISOString(),
    });
    await visit(day + 2 * 24 * 3600_000, 'changed');
    expect(writes).toBe(3);
  });
});
