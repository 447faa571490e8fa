import type { AnnotationRecord } from '../model';
import type { ClaimmarkDatabase } from './database';

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
