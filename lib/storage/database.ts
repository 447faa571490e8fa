import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { AnnotationRecord, ArticleRecord } from '../model';
import type { VersionRecord } from '../model/version';
import { packRow, type NotesRow } from './notes';
import { outboxMiddleware, type OutboxEntry } from './outbox';
import type { SyncMetaRow, SyncStateRow } from './sync-rows';

/** The database's name in the extension origin. */
export const DATABASE_NAME = 'claimmark';

/** Claimmark's IndexedDB database; opened only in the extension origin. */
export class ClaimmarkDatabase extends Dexie {
  articles!: EntityTable<ArticleRecord, 'url'>;
  /** One row per article holding all its annotations. */
  notes!: EntityTable<NotesRow, 'articleUrl'>;
  /** The versions of an article's text the reader acted on, compressed (issue 14). */
  versions!: Dexie.Table<VersionRecord, [string, number]>;
  /** Articles whose record or notes changed since sync last pushed them (issue 16). */
  outbox!: EntityTable<OutboxEntry, 'key'>;
  /** Per server document: its revision and fingerprints as the server last had it. */
  syncState!: EntityTable<SyncStateRow, 'id'>;
  /** Sync's checkpoint: the server's changes read so far, and the session they belong to. */
  syncMeta!: Dexie.Table<SyncMetaRow, SyncMetaRow['key']>;

  /** `options` lets tests hand in another IndexedDB factory, such as one that fails. */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1. Index only what is queried: articles newest first, annotations by article.
    this.version(1).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl, createdAt',
    });
    // Version 2 added a catalog of per-article summaries for the library view. Its
    // declaration stays, as databases at version 2 have that store, but nothing fills it on
    // the way up: version 4 deletes it, and the catalog is now built in memory.
    this.version(2).stores({
      articles: 'url, savedAt',
      annotations: 'id, articleUrl',
      catalog: 'url, savedAt',
    });
    // Version 3 stores each article's annotations in one record. Chromium's IndexedDB pays
    // per record and per byte: 100,000 annotation records plus their catalog took over 20 s
    // to import here, 5,000 article rows take about 2 s, and reading them back is twice as
    // fast. Every message that names a note also names its article (or its tab does), so no
    // index by annotation id is needed; the catalog is built in memory from these rows.
    this.version(3)
      .stores({
        articles: 'url, savedAt',
        annotations: 'id, articleUrl',
        catalog: 'url, savedAt',
        notes: 'articleUrl',
      })
      .upgrade(upgradeToNotes);
    // Dexie reads a table in an upgrade only if it is deleted in a later version.
    this.version(4).stores({
      articles: 'url, savedAt',
      notes: 'articleUrl',
      annotations: null,
      catalog: null,
    });
    // Version 5 keeps the texts of the articles the reader acted on, one row per version, keyed
    // by article and number; nothing to move on the way up.
    this.version(5).stores({
      articles: 'url, savedAt',
      notes: 'articleUrl',
      versions: '[articleUrl+n], articleUrl',
    });
    // Version 6 indexes each version's story hash, so the library tells an edited story from a
    // page that changed around it from the keys alone, without reading the texts. Versions
    // stored before have no story and are left out of the index; nothing to move.
    this.version(6).stores({
      versions: '[articleUrl+n], articleUrl, [articleUrl+story]',
    });
    // Version 7 adds sync's own tables (issue 16); the library's tables are as they were, so
    // reading and writing the library costs what it did. Nothing to move: the first sync
    // reconciles the whole library with the server.
    this.version(7).stores({
      outbox: 'key',
      syncState: 'id, articleUrl',
      syncMeta: 'key',
    });
    this.use(outboxMiddleware);
  }
}

function groupByArticle(annotations: AnnotationRecord[]): Map<string, AnnotationRecord[]> {
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const list = byArticle.get(a.articleUrl);
    if (list) list.push(a);
    else byArticle.set(a.articleUrl, [a]);
  }
  return byArticle;
}

/** Moves version 1's or 2's annotation records into one row per article, inside the upgrade. */
async function upgradeToNotes(tx: Transaction): Promise<void> {
  const byArticle = groupByArticle(
    await tx.table<AnnotationRecord, string>('annotations').toArray(),
  );
  await tx
    .table<NotesRow, string>('notes')
    .bulkPut([...byArticle].map(([articleUrl, items]) => packRow(articleUrl, items)));
}
