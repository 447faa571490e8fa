import { useEffect, useState } from 'preact/hooks';
import type { Async } from '@/components/async';
import { AnnotationEditor } from '@/components/editor/AnnotationEditor';
import { StatusMessage } from '@/components/StatusMessage';
import type { Client } from '@/lib/messaging/client';
import type { EditorData } from '@/lib/messaging/protocol';

/** Which annotation this editor is about. */
export type EditorTarget = { draftId: string } | { id: string; articleUrl?: string };

interface Props {
  target: EditorTarget | null;
  request: Client;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The editor page's root: loads the annotation from the background and saves through it. */
export function EditorRoot({ target, request }: Props) {
  const [data, setData] = useState<Async<EditorData>>({ status: 'loading' });
  // A draft becomes a stored annotation on its first save; later saves update it.
  const [saved, setSaved] = useState<{ id: string; articleUrl: string } | null>(null);

  useEffect(() => {
    if (!target) {
      setData({ status: 'error', error: 'No note to edit.' });
      return;
    }
    request('editor.load', target).then(
      (value) => setData({ status: 'ready', value }),
      (error: unknown) => setData({ status: 'error', error: errorText(error) }),
    );
  }, [request, target]);

  const close = () => void request('editor.close', {}).catch(() => undefined);
  if (data.status === 'loading')
    return <StatusMessage kind="loading">Opening the note…</StatusMessage>;
  if (data.status === 'error' || !target) {
    return (
      <div class="editor-error">
        <StatusMessage kind="error">
          {data.status === 'error' ? data.error : 'No note to edit.'}
        </StatusMessage>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    );
  }
  const current: EditorTarget = saved ?? target;
  const note = 'id' in current ? current : null;
  return (
    <AnnotationEditor
      quote={data.value.quote}
      anchoring={data.value.anchoring}
      initial={data.value.value}
      isNew={data.value.isNew && saved === null}
      knownTags={data.value.knownTags}
      onSave={async (fields) => {
        const record = await request('annotation.save', { target: current, fields });
        setSaved({ id: record.id, articleUrl: record.articleUrl });
        close();
      }}
      onCancel={close}
      onDelete={async () => {
        if (note) await request('annotation.delete', note);
      }}
      onUndo={async () => {
        if (note) await request('annotation.undoDelete', { id: note.id });
      }}
    />
  );
}
