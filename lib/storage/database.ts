import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';

/** The database's name in the extension origin. */
export const DATABASE_NAME = 'claimmark';

/** Claimmark's IndexedDB database; opened only in the extension origin. */
export class ClaimmarkDatabase extends Dexie {
  articles!: EntityTable<ArticleRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;

  /** `options` lets tests hand in another IndexedDB factory, such as one that fails. */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1. Index only what is queried: articles newest first, annotations by article.
    this.version(1).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl, createdAt',
    });
  }
}
