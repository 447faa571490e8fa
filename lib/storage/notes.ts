import type { AnnotationRecord } from '../model';
import type { ClaimmarkDatabase } from './database';

/** An annotation named the way storage finds it: by its article, then by its id. */
export interface NoteRef {
  articleUrl: string;
  id: string;
}

/**
 * An annotation as its article's row keeps it: without its article (the row's key) and
 * without its quote when that is the quote selector's text, as it nearly always is. Chromium's
 * IndexedDB pays per byte read and written, and these two fields are a quarter of a note.
 */
export type StoredNote = Omit<AnnotationRecord, 'articleUrl' | 'quote'> & {
  quote?: string;
  // Never stored: a whole AnnotationRecord passed for a StoredNote is a type error.
  articleUrl?: never;
};

/** The annotations of one article, stored together as one record. */
export interface NotesRow {
  articleUrl: string;
  /** The article's annotations, in no order. */
  items: StoredNote[];
}

/** The row that stores these annotations of one article. */
export function packRow(articleUrl: string, items: readonly AnnotationRecord[]): NotesRow {
  return {
    articleUrl,
    items: items.map(({ articleUrl: _article, quote, ...rest }) =>
      quote === rest.selectors.quote.exact ? rest : { ...rest, quote },
    ),
  };
}

/** The annotations a stored row holds, whole again (fields in the model's order). */
export function unpackRow(row: NotesRow): AnnotationRecord[] {
  const articleUrl = row.articleUrl;
  return row.items.map(({ id, kind, selectors, quote, ...rest }) => ({
    id,
    articleUrl,
    kind,
    selectors,
    quote: quote ?? selectors.quote.exact,
    ...rest,
  }));
}

/** The stored annotations of one article, in no particular order. */
export async function readNotes(
  db: ClaimmarkDatabase,
  articleUrl: string,
): Promise<AnnotationRecord[]> {
  const row = await db.notes.get(articleUrl);
  return row ? unpackRow(row) : [];
}

/** Replaces the stored annotations of one article; none left removes its row. */
export async function writeNotes(
  db: ClaimmarkDatabase,
  articleUrl: string,
  items: readonly AnnotationRecord[],
): Promise<void> {
  if (items.length === 0) await db.notes.delete(articleUrl);
  else await db.notes.put(packRow(articleUrl, items));
}

/** Every stored annotation, read a row per article (the whole library). */
export async function readAllNotes(db: ClaimmarkDatabase): Promise<AnnotationRecord[]> {
  return (await db.notes.toArray()).flatMap(unpackRow);
}

/**
 * Every notes row, in key order, read a page of rows per request. One request for the whole
 * library (90 MB at 100,000 notes) holds the browser's database work for seconds, and a small
 * read, such as another popup's first rows, would wait behind it; between pages it need not.
 * Outside a transaction each page is its own, so writes can go between pages too.
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
