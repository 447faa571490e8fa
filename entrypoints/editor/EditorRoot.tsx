import { useMemo } from 'preact/hooks';
import { NoteEditor } from '@/components/editor/NoteEditor';
import type { NoteSource } from '@/components/editor/use-note-editor';
import type { Client } from '@/lib/messaging/client';
import type { EditorTarget } from '@/lib/messaging/editor-address';
import { COVERED_MESSAGE } from '@/lib/highlight/frame-visibility';

interface Props {
  target: EditorTarget | null;
  request: Client;
  /** True while the page covers or fades this frame (see lib/highlight/frame-visibility.ts). */
  covered: () => Promise<boolean>;
}

/** The note as the background holds it; a selection becomes a stored note on its first save. */
function backgroundSource(
  request: Client,
  target: EditorTarget,
  covered: () => Promise<boolean>,
): NoteSource {
  let current = target;
  // A click the reader could not see is not theirs: a page may lay its own element over the
  // editor, or fade it, to have Save or Delete clicked unseen.
  const uncovered = async () => {
    if (await covered()) throw new Error(COVERED_MESSAGE);
  };
  return {
    load: () => request('editor.load', target),
    async save(fields) {
      await uncovered();
      const record = await request('annotation.save', { target: current, fields });
      current = { id: record.id, articleUrl: record.articleUrl };
    },
    async remove() {
      await uncovered();
      if ('id' in current) await request('annotation.delete', current);
    },
    async restore() {
      await uncovered();
      if ('id' in current) await request('annotation.undoDelete', { id: current.id });
    },
  };
}

/** The editor page's root: loads the annotation from the background and saves through it. */
export function EditorRoot({ target, request, covered }: Props) {
  const source = useMemo(
    () => (target ? backgroundSource(request, target, covered) : null),
    [request, target, covered],
  );
  const close = () => void request('editor.close', {}).catch(() => undefined);
  return <NoteEditor source={source} onClose={close} closeLabel="Close" class="editor-error" />;
}
