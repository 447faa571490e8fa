import type { AnnotationRecord, ArticleRecord } from '../model';
import type { ClaimmarkDatabase } from './database';

/** Which records to export: everything, one article, or chosen annotations (a filter result). */
export type ExportSelection =
  | { kind: 'all' }
  | { kind: 'article'; url: string }
  | { kind: 'annotations'; ids: readonly string[]; articles?: readonly string[] };

/** The records an export of this selection carries: annotations and the articles they are on. */
export interface ExportRecords {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
}

/**
 * Reads what to export in one read transaction, in bulk. A chosen set of annotations brings
 * its articles with it, so the export restores them on import.
 */
export function readExportRecords(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
): Promise<ExportRecords> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    if (selection.kind === 'all') {
      const [articles, annotations] = await Promise.all([
        db.articles.toArray(),
        db.annotations.toArray(),
      ]);
      return { articles, annotations };
    }
    if (selection.kind === 'article') {
      const [article, annotations] = await Promise.all([
        db.articles.get(selection.url),
        db.annotations.where('articleUrl').equals(selection.url).toArray(),
      ]);
      return { articles: article ? [article] : [], annotations };
    }
    const annotations = (await db.annotations.bulkGet([...selection.ids])).filter(
      (a): a is AnnotationRecord => a !== undefined,
    );
    // The articles listed without a matching note (a headline match) come along too.
    const urls = [
      ...new Set([...annotations.map((a) => a.articleUrl), ...(selection.articles ?? [])]),
    ];
    const articles = (await db.articles.bulkGet(urls)).filter(
      (a): a is ArticleRecord => a !== undefined,
    );
    return { articles, annotations };
  });
}
