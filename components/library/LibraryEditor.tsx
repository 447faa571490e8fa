import { useMemo } from 'preact/hooks';
import type { NoteRef } from '@/lib/storage/notes';
import { NoteEditor } from '../editor/NoteEditor';
import type { NoteSource } from '../editor/use-note-editor';
import type { LibraryNotes } from './library-notes';

interface Props {
  note: NoteRef;
  notes: LibraryNotes;
  onClose: () => void;
}

/** The annotation editor inside the popup; saves as the page's editor does. */
export function LibraryEditor({ note, notes, onClose }: Props) {
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
    }),
    [note, notes],
  );
  return (
    <div class="lib-editor">
      <NoteEditor source={source} onClose={onClose} closeLabel="Back to the library" />
    </div>
  );
}
