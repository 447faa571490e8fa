import type { LibraryRow } from '@/lib/library/rows';
import type { NoteRef } from '@/lib/storage/notes';
import { isOwnNote } from '@/lib/model/sync-settings';

/** What a key pressed on a row of the library list asks for. */
export type RowKeyAction =
  | { do: 'toggle'; url: string }
  | { do: 'open'; note: NoteRef }
  | { do: 'edit'; note: NoteRef }
  | { do: 'delete'; note: NoteRef; quote: string }
  /** Move to the note's article, when it is listed. */
  | { do: 'parent'; url: string };

/**
 * The action of a key on a row, or null for a key the row leaves alone. On an article, Enter
 * and Space fold or unfold it, and → unfolds, ← folds; on a note, Enter opens it, E edits it,
 * Delete or Backspace deletes it (the reader's own, `me`'s), and ← goes up to its article.
 */
export function rowKeyAction(row: LibraryRow, key: string, me = ''): RowKeyAction | null {
  if (row.kind === 'article') {
    const opens = key === 'Enter' || key === ' ';
    const folds = (key === 'ArrowRight' && !row.expanded) || (key === 'ArrowLeft' && row.expanded);
    return opens || folds ? { do: 'toggle', url: row.entry.url } : null;
  }
  const note = { id: row.item.id, articleUrl: row.entry.url };
  if (key === 'Enter') return { do: 'open', note };
  if (key === 'e' || key === 'E') return { do: 'edit', note };
  // Another reader's note cannot be deleted: E still opens it, to read or copy.
  if ((key === 'Delete' || key === 'Backspace') && isOwnNote(row.item, me))
    return { do: 'delete', note, quote: row.item.quote };
  if (key === 'ArrowLeft') return { do: 'parent', url: row.entry.url };
  return null;
}
