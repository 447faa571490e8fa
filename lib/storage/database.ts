import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { buildCatalogEntry } from '../library/catalog-entry';
import type { CatalogEntry } from '../library/types';
import type { AnnotationRecord, ArticleRecord } from '../model';

/** The database's name in the extension origin. */
export const DATABASE_NAME = 'claimmark';

/** Claimmark's IndexedDB database; opened only in the extension origin. */
export class ClaimmarkDatabase extends Dexie {
  articles!: EntityTable<ArticleRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  /** One row per article with its annotations' summaries: what the library view reads. */
  catalog!: EntityTable<CatalogEntry, 'url'>;

  /** `options` lets tests hand in another IndexedDB factory, such as one that fails. */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1. Index only what is queried: articles newest first, annotations by article.
    this.version(1).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl, createdAt',
    });
    // Version 2 adds the catalog. Chromium's IndexedDB pays mostly per record, not per byte
    // (100,000 annotations read in ~1 s one by one, their catalog rows in ~0.1 s), so the
    // library is searched and filtered in memory from these few large rows; the annotations
    // keep only the index the per-article reads use, which also makes imports cheaper.
    this.version(2)
      .stores({
        articles: 'url, savedAt',
        annotations: 'id, articleUrl',
        catalog: 'url, savedAt',
      })
      .upgrade(upgradeToCatalog);
  }
}

/** Builds the catalog from version 1's articles and annotations, inside the upgrade. */
async function upgradeToCatalog(tx: Transaction): Promise<void> {
  const articles = await tx.table<ArticleRecord, string>('articles').toArray();
  const annotations = await tx.table<AnnotationRecord, string>('annotations').toArray();
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const list = byArticle.get(a.articleUrl);
    if (list) list.push(a);
    else byArticle.set(a.articleUrl, [a]);
  }
  const known = new Map(articles.map((a) => [a.url, a]));
  const urls = new Set([...known.keys(), ...byArticle.keys()]);
  await tx
    .table<CatalogEntry, string>('catalog')
    .bulkPut(
      [...urls].map((url) => buildCatalogEntry(url, known.get(url), byArticle.get(url) ?? [])),
    );
}
