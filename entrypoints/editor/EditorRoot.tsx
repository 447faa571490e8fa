import { useMemo } from 'preact/hooks';
import { NoteEditor } from '@/components/editor/NoteEditor';
import type { NoteSource } from '@/components/editor/use-note-editor';
import type { Client } from '@/lib/messaging/client';
import type { EditorTarget } from '@/lib/messaging/editor-address';

interface Props {
  target: EditorTarget | null;
  request: Client;
}

/** The note as the background holds it; a selection becomes a stored note on its first save. */
function backgroundSource(request: Client, target: EditorTarget): NoteSource {
  let current = target;
  return {
    load: () => request('editor.load', target),
    async save(fields) {
      const record = await request('annotation.save', { target: current, fields });
      current = { id: record.id, articleUrl: record.articleUrl };
    },
    async remove() {
      if ('id' in current) await request('annotation.delete', current);
    },
    async restore() {
      if ('id' in current) await request('annotation.undoDelete', { id: current.id });
    },
  };
}

/** The editor page's root: loads the annotation from the background and saves through it. */
export function EditorRoot({ target, request }: Props) {
  const source = useMemo(
    () => (target ? backgroundSource(request, target) : null),
    [request, target],
  );
  const close = () => void request('editor.close', {}).catch(() => undefined);
  return <NoteEditor source={source} onClose={close} closeLabel="Close" class="editor-error" />;
}
