import { StatusMessage } from '../StatusMessage';
import { AnnotationEditor } from './AnnotationEditor';
import { ConflictList } from './ConflictList';
import { ReadOnlyNote } from './ReadOnlyNote';
import { useNoteEditor, type NoteSource } from './use-note-editor';

interface Props {
  /** The note; null when the host's address named none. */
  source: NoteSource | null;
  /** Called after a save, on Cancel, and from the error state's button. */
  onClose: () => void;
  /** The error state's button, saying where it goes. */
  closeLabel: string;
  class?: string;
}

/** An editor with its loading and error states: what both editor hosts show. */
export function NoteEditor({ source, onClose, closeLabel, class: className }: Props) {
  const { data, isNew, save, reload, loads } = useNoteEditor(source);
  if (data.status === 'loading')
    return <StatusMessage kind="loading">Opening the note…</StatusMessage>;
  if (data.status === 'error') {
    return (
      <div class={className}>
        <StatusMessage kind="error">{data.error}</StatusMessage>
        <button type="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    );
  }
  const { author, conflicts } = data.value;
  if (author !== undefined) {
    const copy = source?.copy?.bind(source);
    return (
      <ReadOnlyNote
        data={data.value}
        author={author}
        {...(copy ? { onCopy: copy } : {})}
        onClose={onClose}
        closeLabel={closeLabel}
      />
    );
  }
  const settle = source?.settle?.bind(source);
  const editor = (
    <AnnotationEditor
      // A note loaded again (a conflict settled) starts its form afresh.
      key={loads}
      quote={data.value.quote}
      anchoring={data.value.anchoring}
      initial={data.value.value}
      isNew={isNew}
      knownTags={data.value.knownTags}
      onSave={async (fields) => {
        await save(fields);
        onClose();
      }}
      onCancel={onClose}
      onDelete={() => source?.remove() ?? Promise.resolve()}
      onUndo={() => source?.restore() ?? Promise.resolve()}
    />
  );
  if (!settle || !conflicts?.length) return editor;
  return (
    <>
      <ConflictList
        current={data.value.value}
        conflicts={conflicts}
        onSettle={async (at, choice) => {
          await settle(at, choice);
          reload();
        }}
      />
      {editor}
    </>
  );
}
