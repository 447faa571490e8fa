import type { AnnotationRecord } from '../model';
import type { ClaimmarkDatabase, NotesRow } from './database';

/** An annotation named the way storage finds it: by its article, then by its id. */
export interface NoteRef {
  articleUrl: string;
  id: string;
}

/** The stored annotations of one article, in no particular order. */
export async function readNotes(
  db: ClaimmarkDatabase,
  articleUrl: string,
): Promise<AnnotationRecord[]> {
  return (await db.notes.get(articleUrl))?.items ?? [];
}

/** Replaces the stored annotations of one article; none left removes its row. */
export async function writeNotes(
  db: ClaimmarkDatabase,
  articleUrl: string,
  items: AnnotationRecord[],
): Promise<void> {
  if (items.length === 0) await db.notes.delete(articleUrl);
  else await db.notes.put({ articleUrl, items });
}

/** Every stored annotation, read a row per article (the whole library). */
export async function readAllNotes(db: ClaimmarkDatabase): Promise<AnnotationRecord[]> {
  const rows = await db.notes.toArray();
  return rows.flatMap((row) => row.items);
}

/**
 * Every notes row, in key order, read a page of rows per request. One request for the whole
 * library (90 MB at 100,000 notes) holds the browser's database work for seconds, and a small
 * read, such as another popup's first rows, would wait behind it; between pages it need not.
 */
export async function readRowsInPages(db: ClaimmarkDatabase, pageSize = 100): Promise<NotesRow[]> {
  const rows: NotesRow[] = [];
  let page = await db.notes.orderBy(':id').limit(pageSize).toArray();
  for (;;) {
    rows.push(...page);
    const last = page.at(-1);
    if (page.length < pageSize || !last) return rows;
    page = await db.notes.where(':id').above(last.articleUrl).limit(pageSize).toArray();
  }
}
