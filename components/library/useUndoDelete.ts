import { useEffect, useState } from 'preact/hooks';
import type { NoteRef } from '@/lib/storage/notes';
import { errorText } from './error-text';
import type { LibraryNotes } from './library-notes';

/** The undo offer lasts as long as the background keeps the deleted note within reach. */
export const UNDO_MS = 15_000;

/** A note deleted moments ago, which the reader may still bring back. */
export interface DeletedNote {
  id: string;
  quote: string;
}

/** Deleting notes, and undoing the last delete for a while. */
export interface UndoDelete {
  /** The note the reader can undo the deletion of, if any. */
  undo: DeletedNote | null;
  remove: (note: NoteRef, quote: string) => void;
  restore: () => void;
  /** Ctrl+Z (⌘+Z) outside a field restores the note, while that can be undone. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/** Deletes notes through `notes`, offering an undo; `say` tells the reader how it went. */
export function useUndoDelete(
  notes: LibraryNotes,
  say: (notice: string | null) => void,
): UndoDelete {
  const [undo, setUndo] = useState<DeletedNote | null>(null);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const remove = (note: NoteRef, quote: string) => {
    say(null);
    notes.remove(note).then(
      ({ deleted }) => {
        if (deleted) setUndo({ id: note.id, quote });
        else say('This note was already deleted.');
      },
      (error: unknown) => say(`Could not delete the note: ${errorText(error)}`),
    );
  };

  const restore = () => {
    if (!undo) return;
    const { id } = undo;
    setUndo(null);
    notes.restore(id).then(
      () => say('Note restored.'),
      (error: unknown) => say(`Could not restore the note: ${errorText(error)}`),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const inField =
      event.target instanceof HTMLInputElement ||
      event.target instanceof HTMLSelectElement ||
      event.target instanceof HTMLTextAreaElement;
    if (undo && !inField && event.key === 'z' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      restore();
    }
  };

  return { undo, remove, restore, onKeyDown };
}
