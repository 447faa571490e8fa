import { useState } from 'preact/hooks';
import type { NoteRef } from '@/lib/storage/notes';
import { errorText } from './error-text';
import type { LibraryNotes } from './library-notes';
import { useUndoDelete, type UndoDelete } from './useUndoDelete';

/** What the reader can do to a listed note, and the last word on how it went. */
export interface NoteActions extends UndoDelete {
  /** A sentence about the last action, for the reader; null when all went as expected. */
  notice: string | null;
  open: (note: NoteRef) => void;
  /** Copies another reader's note to the reader's own. */
  copy: (note: NoteRef) => void;
}

/** Opens and deletes notes through `notes`, with an undo, and says when something went wrong. */
export function useNoteActions(notes: LibraryNotes): NoteActions {
  const [notice, setNotice] = useState<string | null>(null);
  const deletes = useUndoDelete(notes, setNotice);
  const open = (note: NoteRef) => {
    setNotice(null);
    notes.open(note).then(
      (answer) => {
        if (answer.tab === 'focused' && !answer.revealed) {
          setNotice('The article is open, but this note could not be found on the page now.');
        }
      },
      (error: unknown) => setNotice(`Could not open the note: ${errorText(error)}`),
    );
  };
  const copy = (note: NoteRef) => {
    setNotice(null);
    notes.copy(note).then(
      () => setNotice('Copied to your notes.'),
      (error: unknown) => setNotice(`Could not copy the note: ${errorText(error)}`),
    );
  };
  return { ...deletes, notice, open, copy };
}
