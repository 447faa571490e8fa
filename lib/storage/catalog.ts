import type { AnnotationRecord, ArticleRecord } from '../model';
import { buildCatalogEntry } from '../library/catalog-entry';
import type { CatalogEntry } from '../library/types';
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

/** Each article's newest stored version number, read from the keys alone (no texts). */
async function newestVersions(db: ClaimmarkDatabase): Promise<Map<string, number>> {
  const keys = await db.versions.toCollection().primaryKeys();
  const newest = new Map<string, number>();
  for (const [url, n] of keys) newest.set(url, Math.max(n, newest.get(url) ?? 0));
  return newest;
}

/** The catalog entries of the newest saved articles, for painting the list before the rest. */
export function readNewestCatalog(db: ClaimmarkDatabase, limit: number): Promise<CatalogEntry[]> {
  return db.transaction('r', db.articles, db.notes, db.versions, async () => {
    const articles = await db.articles.orderBy('savedAt').reverse().limit(limit).toArray();
    const rows = await db.notes.bulkGet(articles.map((a) => a.url));
    const newest = await newestVersions(db);
    return articles.map((a, at) => {
      const row = rows[at];
      return buildCatalogEntry(a.url, a, row ? unpackRow(row) : [], newest.get(a.url) ?? null);
    });
  });
}
