import { useMemo } from 'preact/hooks';
import type { NoteRef } from '@/lib/storage/notes';
import { NoteEditor } from '../editor/NoteEditor';
import type { NoteSource } from '../editor/use-note-editor';
import type { LibraryNotes } from './library-notes';

interface Props {
  note: NoteRef;
  notes: LibraryNotes;
  onClose: () => void;
  /** Opens another note in the editor: the copy "Copy to my notes" made. */
  onOpenNote: (note: NoteRef) => void;
}

/** The annotation editor inside the popup; saves as the page's editor does. */
export function LibraryEditor({ note, notes, onClose, onOpenNote }: Props) {
  const source = useMemo(
    (): NoteSource => ({
      load: () => notes.load(note),
      async save(fields) {
        await notes.save(note, fields);
      },
      async remove() {
        await notes.remove(note);
      },
      async restore() {
        await notes.restore(note.id);
      },
      async copy() {
        onOpenNote(await notes.copy(note));
      },
      async settle(at, choice) {
        await notes.settle(note, at, choice);
      },
    }),
    [note, notes, onOpenNote],
  );
  return (
    <div class="lib-editor">
      <NoteEditor source={source} onClose={onClose} closeLabel="Back to the library" />
    </div>
  );
}
