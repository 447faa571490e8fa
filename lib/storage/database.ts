import Dexie, { type EntityTable } from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';

/** The database's name in the extension origin. */
export const DATABASE_NAME = 'claimmark';

/** Claimmark's IndexedDB database; opened only in the extension origin. */
export class ClaimmarkDatabase extends Dexie {
  articles!: EntityTable<ArticleRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // Version 1. Index only what is queried: articles newest first, annotations by article.
    this.version(1).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl, createdAt',
    });
  }
}
