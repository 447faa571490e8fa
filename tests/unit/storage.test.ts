import { afterEach, describe, expect, it } from 'vitest';
import { failingIndexedDB } from './failing-indexeddb';
import * as v from 'valibot';
import { ArticleRecordSchema, RECORD_LIMITS } from '@/lib/model';
import {
  getArticle,
  listArticles,
  noteArticleSeen,
  saveArticle,
  withSeenAt,
} from '@/lib/storage/articles';
import { knownTags } from '@/lib/storage/annotations';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { writeNotes } from '@/lib/storage/notes';
import { ANNOTATIONS } from './exchange-fixtures';
import { describeStorageError } from '@/lib/storage/errors';

const report = {
  url: 'https://example.com/a?utm_source=x',
  title: 'A story',
  canonicalUrl: null,
  article: null,
};
const opened: ClaimmarkDatabase[] = [];

function freshDb(): ClaimmarkDatabase {
  const db = new ClaimmarkDatabase(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('ClaimmarkDatabase', () => {
  it('opens schema version 7: articles, a notes row per article, versions by article and number, sync state', async () => {
    const db = freshDb();
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
    expect(db.syncState.schema.indexes.map((i) => i.name)).toEqual(['articleUrl']);
    expect(db.versions.schema.primKey.keyPath).toEqual(['articleUrl', 'n']);
    expect(db.versions.schema.indexes.map((i) => i.name)).toEqual([
      'articleUrl',
      '[articleUrl+story]',
    ]);
    expect(db.articles.schema.primKey.name).toBe('url');
    expect(db.articles.schema.indexes.map((i) => i.name)).toEqual(['savedAt']);
    expect(db.notes.schema.primKey.name).toBe('articleUrl');
    // No index over notes: each one is written once, in its article's row.
    expect(db.notes.schema.indexes).toEqual([]);
  });

  it('reports a library that cannot be opened in words a reader can act on', async () => {
    const db = new ClaimmarkDatabase('broken', { indexedDB: failingIndexedDB(), IDBKeyRange });
    const error = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeStorageError(error)).toBe(
      'Your library could not be opened (A mutation operation was attempted on a database that did not allow mutations.).',
    );
  });
});

describe('article repository', () => {
  it('creates a record on first save and lists newest first', async () => {
    const db = freshDb();
    await saveArticle(db, 'https://example.com/a', report, 'https://example.com/a', new Date(1000));
    await saveArticle(
      db,
      'https://example.com/b',
      { ...report, title: 'B' },
      'https://example.com/b',
      new Date(2000),
    );
    const list = await listArticles(db);
    expect(list.map((a) => a.url)).toEqual(['https://example.com/b', 'https://example.com/a']);
    expect(list[1]).toEqual({
      url: 'https://example.com/a',
      title: 'A story',
      canonicalUrl: null,
      seenAt: ['https://example.com/a'],
      savedAt: new Date(1000).toISOString(),
      updatedAt: new Date(1000).toISOString(),
    });
  });

  it('keeps the first save time and every address on a later save', async () => {
    const db = freshDb();
    const key = 'https://example.com/a';
    await saveArticle(db, key, report, key, new Date(1000));
    await saveArticle(
      db,
      key,
      { ...report, title: 'A, updated' },
      'https://m.example.com/a',
      new Date(5000),
    );
    const record = await getArticle(db, key);
    expect(record?.savedAt).toBe(new Date(1000).toISOString());
    expect(record?.updatedAt).toBe(new Date(5000).toISOString());
    expect(record?.title).toBe('A, updated');
    expect(record?.seenAt).toEqual([key, 'https://m.example.com/a']);
  });

  it('notes a new address of a saved article but writes nothing for an unsaved one', async () => {
    const db = freshDb();
    expect(await noteArticleSeen(db, 'https://example.com/x', 'https://example.com/x')).toBe(false);
    expect(await db.articles.count()).toBe(0);
    const key = 'https://example.com/a';
    await saveArticle(db, key, report, key);
    expect(await noteArticleSeen(db, key, 'https://amp.example.com/a')).toBe(true);
    expect((await getArticle(db, key))?.seenAt).toEqual([key, 'https://amp.example.com/a']);
  });

  it('keeps the first address and the latest ones when a page changes its address on every visit', async () => {
    const db = freshDb();
    const key = 'https://example.com/a';
    await saveArticle(db, key, report, key);
    const visits = RECORD_LIMITS.seenAt + 5;
    for (let i = 1; i <= visits; i++) await noteArticleSeen(db, key, `${key}?page=${i}`);
    const seen = (await getArticle(db, key))?.seenAt ?? [];
    expect(seen).toHaveLength(RECORD_LIMITS.seenAt);
    expect(seen[0]).toBe(key);
    expect(seen.at(-1)).toBe(`${key}?page=${visits}`);
    // 1 + 1,005 addresses: the first, then the latest 999 (pages 7 to 1,005).
    expect(seen[1]).toBe(`${key}?page=7`);
    // Still a record a message may carry, and so one an export of it can import again.
    const record = await getArticle(db, key);
    expect(v.safeParse(ArticleRecordSchema, record).success).toBe(true);
    expect(withSeenAt(seen, seen[5] ?? '')).toEqual(seen);
  });

  it('trims a record from before the limit when it is saved again', async () => {
    const db = freshDb();
    const key = 'https://example.com/a';
    const old = Array.from({ length: 300 }, (_, i) => `${key}?v=${String(i)}`);
    await saveArticle(db, key, report, key);
    await db.articles.update(key, { seenAt: old });
    const saved = await saveArticle(db, key, report, old[10] ?? key);
    expect(saved.seenAt).toHaveLength(RECORD_LIMITS.seenAt);
    expect(saved.seenAt[0]).toBe(old[0]);
    expect(v.safeParse(ArticleRecordSchema, saved).success).toBe(true);
  });
});

describe('describeStorageError', () => {
  it('explains a full disk', () => {
    const error = new DOMException('quota', 'QuotaExceededError');
    expect(describeStorageError(error)).toMatch(/disk is full/);
    const wrapped = Object.assign(new Error('wrapped'), { name: 'AbortError', inner: error });
    expect(describeStorageError(wrapped)).toMatch(/disk is full/);
  });

  it('explains a library from a newer version, and passes other messages through', () => {
    expect(describeStorageError(new DOMException('v', 'VersionError'))).toMatch(/newer version/);
    expect(describeStorageError(new Error('Something else'))).toBe('Something else');
  });
});

describe('knownTags', () => {
  it('offers only tags a record may hold, most used first', async () => {
    const db = freshDb();
    const [first, second] = ANNOTATIONS;
    if (!first || !second) throw new Error('fixtures changed');
    // An older build could have stored an empty or an overlong tag.
    const odd = ['', 'x'.repeat(RECORD_LIMITS.tag + 1)];
    await writeNotes(db, first.articleUrl, [
      { ...first, tags: ['vote', ...odd] },
      { ...second, articleUrl: first.articleUrl, tags: ['vote', 'budget'] },
    ]);
    expect(await knownTags(db)).toEqual(['vote', 'budget']);
  });
});
