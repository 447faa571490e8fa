import { buildCatalogEntry } from '../library/catalog-entry';
import type { CatalogEntry } from '../library/types';
import type { ClaimmarkDatabase } from './database';

/**
 * Rebuilds the catalog rows of these articles from their records and annotations. Call it
 * inside the write transaction that changed them (over articles, annotations and catalog),
 * so the catalog never disagrees with what it summarises.
 */
export async function refreshCatalog(db: ClaimmarkDatabase, urls: Iterable<string>): Promise<void> {
  for (const url of new Set(urls)) {
    const [article, annotations] = await Promise.all([
      db.articles.get(url),
      db.annotations.where('articleUrl').equals(url).toArray(),
    ]);
    if (!article && annotations.length === 0) await db.catalog.delete(url);
    else await db.catalog.put(buildCatalogEntry(url, article, annotations));
  }
}

/** The whole catalog, one row per article. */
export function readCatalog(db: ClaimmarkDatabase): Promise<CatalogEntry[]> {
  return db.catalog.toArray();
}

/** The catalog rows of the newest saved articles, for painting the list before the rest loads. */
export function readNewestCatalog(db: ClaimmarkDatabase, limit: number): Promise<CatalogEntry[]> {
  return db.catalog.orderBy('savedAt').reverse().limit(limit).toArray();
}
