import { useEffect, useState } from 'preact/hooks';
import type { EditorData } from '@/lib/messaging/protocol';
import type { NoteRef } from '@/lib/storage/notes';
import type { Async } from '../async';
import { AnnotationEditor } from '../editor/AnnotationEditor';
import { StatusMessage } from '../StatusMessage';
import type { LibraryNotes } from './library-notes';

interface Props {
  note: NoteRef;
  notes: LibraryNotes;
  onClose: () => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The annotation editor inside the popup; saves as the page's editor does. */
export function LibraryEditor({ note, notes, onClose }: Props) {
  const [data, setData] = useState<Async<EditorData>>({ status: 'loading' });
  useEffect(() => {
    let open = true;
    notes.load(note).then(
      (value) => open && setData({ status: 'ready', value }),
      (error: unknown) => open && setData({ status: 'error', error: errorText(error) }),
    );
    return () => {
      open = false;
    };
  }, [note, notes]);

  if (data.status === 'loading')
    return <StatusMessage kind="loading">Opening the note…</StatusMessage>;
  if (data.status === 'error') {
    return (
      <div class="lib-editor">
        <StatusMessage kind="error">{data.error}</StatusMessage>
        <button type="button" onClick={onClose}>
          Back to the library
        </button>
      </div>
    );
  }
  return (
    <div class="lib-editor">
      <AnnotationEditor
        quote={data.value.quote}
        anchoring={data.value.anchoring}
        initial={data.value.value}
        isNew={false}
        knownTags={data.value.knownTags}
        onSave={async (fields) => {
          await notes.save(note, fields);
          onClose();
        }}
        onCancel={onClose}
        onDelete={async () => {
          await notes.remove(note);
        }}
        onUndo={async () => {
          await notes.restore(note.id);
        }}
      />
    </div>
  );
}
