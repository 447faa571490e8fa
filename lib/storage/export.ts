import type { AnnotationRecord, ArticleRecord } from '../model';
import type { ClaimmarkDatabase } from './database';
import { readAllNotes, unpackRow } from './notes';

/**
 * Which records to export: everything, one article, or chosen annotations of chosen articles
 * (a filter result: an article listed with no ids matched without a note and comes alone).
 */
export type ExportSelection =
  | { kind: 'all' }
  | { kind: 'article'; url: string }
  | { kind: 'annotations'; hits: readonly { url: string; ids: readonly string[] }[] };

/** The records an export of this selection carries: annotations and the articles they are on. */
export interface ExportRecords {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
}

const present = <T>(x: T | undefined): x is T => x !== undefined;

/** Reads what to export in one read transaction, a row per article. */
export function readExportRecords(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
): Promise<ExportRecords> {
  return db.transaction('r', db.articles, db.notes, async () => {
    if (selection.kind === 'all') {
      const [articles, annotations] = await Promise.all([db.articles.toArray(), readAllNotes(db)]);
      return { articles, annotations };
    }
    if (selection.kind === 'article') {
      const [article, row] = await Promise.all([
        db.articles.get(selection.url),
        db.notes.get(selection.url),
      ]);
      return { articles: article ? [article] : [], annotations: row ? unpackRow(row) : [] };
    }
    const urls = [...new Set(selection.hits.map((h) => h.url))];
    const wanted = new Map<string, Set<string>>();
    for (const hit of selection.hits) {
      const ids = wanted.get(hit.url) ?? new Set<string>();
      for (const id of hit.ids) ids.add(id);
      wanted.set(hit.url, ids);
    }
    const [articles, rows] = await Promise.all([db.articles.bulkGet(urls), db.notes.bulkGet(urls)]);
    const annotations = rows
      .filter(present)
      .flatMap((row) => unpackRow(row).filter((a) => wanted.get(row.articleUrl)?.has(a.id)));
    return { articles: articles.filter(present), annotations };
  });
}
