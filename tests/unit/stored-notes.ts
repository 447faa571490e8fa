import type { AnnotationRecord } from '@/lib/model';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { readAllNotes } from '@/lib/storage/notes';

/** How many annotations the database holds over all its articles. */
export async function countNotes(db: ClaimmarkDatabase): Promise<number> {
  return (await readAllNotes(db)).length;
}

/** The stored annotation with this id, wherever it is filed. */
export async function findNote(
  db: ClaimmarkDatabase,
  id: string,
): Promise<AnnotationRecord | undefined> {
  return (await readAllNotes(db)).find((a) => a.id === id);
}

/** Every stored annotation, in id order (for comparing libraries). */
export async function notesById(db: ClaimmarkDatabase): Promise<AnnotationRecord[]> {
  return (await readAllNotes(db)).sort((a, b) => a.id.localeCompare(b.id));
}
