import Dexie from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { buildCatalogEntry } from '../library/catalog-entry';
import type { CatalogEntry } from '../library/types';
import type { VersionMarks } from '../versions/changes';
import type { ClaimmarkDatabase } from './database';
import { readRowsInPages, unpackRow } from './notes';

/**
 * The whole catalog, one entry per article, built from the stored articles and their notes.
 * The notes are read a page per transaction, not in one: a read transaction holds back every
 * write to its tables until it ends, and reading 100,000 notes takes seconds, which a save in
 * another tab should not wait for. A write between pages can make the list a moment stale;
 * the live query that shows it runs again after every write.
 */
export async function readCatalog(db: ClaimmarkDatabase): Promise<CatalogEntry[]> {
  const [articles, rows, newest] = await Promise.all([
    db.articles.toArray(),
    readRowsInPages(db),
    newestVersions(db),
  ]);
  const notes = new Map(rows.map((row) => [row.articleUrl, unpackRow(row)]));
  const entry = (url: string, article: ArticleRecord | undefined, items: AnnotationRecord[]) =>
    buildCatalogEntry(url, article, items, newest.get(url) ?? null);
  const entries = articles.map((a) => entry(a.url, a, notes.get(a.url) ?? []));
  // Notes whose article record was lost still show, under their address.
  const known = new Set(articles.map((a) => a.url));
  for (const row of rows) {
    if (!known.has(row.articleUrl)) entries.push(entry(row.articleUrl, undefined, unpackRow(row)));
  }
  return entries;
}

type Marks = Map<string, { newest: number; stories: Map<number, string> }>;

function addKeys(marks: Marks, keys: readonly [string, number][]): void {
  for (const [url, n] of keys) {
    const known = marks.get(url);
    if (known) known.newest = Math.max(n, known.newest);
    else marks.set(url, { newest: n, stories: new Map() });
  }
}

function addStory(marks: Marks, key: unknown, primaryKey: unknown): void {
  const [url, story] = key as [string, string];
  const [, n] = primaryKey as [string, number];
  marks.get(url)?.stories.set(n, story);
}

/**
 * Each article's newest version number and its versions' story hashes, read from keys alone
 * (the primary keys, and the story index's keys with theirs): no text is read. With `urls`,
 * only those articles' (the first rows to paint need a few, not the library's thousands).
 */
async function newestVersions(
  db: ClaimmarkDatabase,
  urls?: readonly string[],
): Promise<Map<string, VersionMarks>> {
  const marks: Marks = new Map();
  if (urls === undefined) {
    // One transaction, so an import renumbering versions cannot fall between the two reads.
    return db.transaction('r', db.versions, async () => {
      addKeys(marks, await db.versions.toCollection().primaryKeys());
      await db.versions
        .orderBy('[articleUrl+story]')
        .eachKey((key, cursor) => addStory(marks, key, cursor.primaryKey));
      return marks;
    });
  }
  if (urls.length === 0) return marks;
  addKeys(
    marks,
    await db.versions
      .where('articleUrl')
      .anyOf([...urls])
      .primaryKeys(),
  );
  await Promise.all(
    urls.map((url) =>
      db.versions
        .where('[articleUrl+story]')
        .between([url, Dexie.minKey], [url, Dexie.maxKey])
        .eachKey((key, cursor) => addStory(marks, key, cursor.primaryKey)),
    ),
  );
  return marks;
}

/** The catalog entries of the newest saved articles, for painting the list before the rest. */
export function readNewestCatalog(db: ClaimmarkDatabase, limit: number): Promise<CatalogEntry[]> {
  return db.transaction('r', db.articles, db.notes, db.versions, async () => {
    const articles = await db.articles.orderBy('savedAt').reverse().limit(limit).toArray();
    const rows = await db.notes.bulkGet(articles.map((a) => a.url));
    const newest = await newestVersions(
      db,
      articles.map((a) => a.url),
    );
    return articles.map((a, at) => {
      const row = rows[at];
      return buildCatalogEntry(a.url, a, row ? unpackRow(row) : [], newest.get(a.url) ?? null);
    });
  });
}
