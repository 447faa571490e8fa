import { useEffect, useState } from 'preact/hooks';
import type { Client } from '@/lib/messaging/client';
import type { EditorData } from '@/lib/messaging/protocol';
import type { NoteRef } from '@/lib/storage/notes';
import type { Async } from '../async';
import { AnnotationEditor } from '../editor/AnnotationEditor';
import { StatusMessage } from '../StatusMessage';

interface Props {
  note: NoteRef;
  request: Client;
  onClose: () => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The annotation editor inside the popup; saves through the background, like the page's. */
export function LibraryEditor({ note, request, onClose }: Props) {
  const [data, setData] = useState<Async<EditorData>>({ status: 'loading' });
  useEffect(() => {
    let open = true;
    request('editor.load', note).then(
      (value) => open && setData({ status: 'ready', value }),
      (error: unknown) => open && setData({ status: 'error', error: errorText(error) }),
    );
    return () => {
      open = false;
    };
  }, [note, request]);

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
          await request('annotation.save', { target: note, fields });
          onClose();
        }}
        onCancel={onClose}
        onDelete={async () => {
          await request('annotation.delete', note);
        }}
        onUndo={async () => {
          await request('annotation.undoDelete', { id: note.id });
        }}
      />
    </div>
  );
}
