import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ColorPicker } from './ColorPicker';
import { DeletedNotice } from './DeletedNotice';
import { EditorActions } from './EditorActions';
import { EvidenceList } from './EvidenceList';
import { QuoteBlock } from './QuoteBlock';
import { StatusPicker } from './StatusPicker';
import { TagInput } from './TagInput';
import type { EditorProps, EditorValue } from './types';
import { addEvidence, valueToSave } from './values';

type Phase = 'editing' | 'saving' | 'deleting' | 'deleted' | 'undoing';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Edits one highlight or claim. Presentational: the host passes the annotation in and stores
 * what the callbacks hand back. Ctrl+Enter (⌘+Enter) saves and Esc cancels from anywhere in it.
 */
export function AnnotationEditor(props: EditorProps) {
  const { quote, anchoring, isNew, knownTags } = props;
  const id = useId();
  const [value, setValue] = useState<EditorValue>(props.initial);
  const [tagDraft, setTagDraft] = useState('');
  const [linkDraft, setLinkDraft] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // A ref, not `phase`: a repeated Ctrl+Enter can arrive before the "saving" render.
  const busy = useRef(false);
  const note = useRef<HTMLTextAreaElement>(null);
  const deleted = phase === 'deleted' || phase === 'undoing';
  const working = phase !== 'editing' && phase !== 'deleted';

  // Before the first paint, so the first keystroke lands in the note.
  useLayoutEffect(() => {
    if (!deleted) note.current?.focus();
  }, [deleted]);

  const update = (change: Partial<EditorValue>) => {
    setValue((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  // One callback at a time; a rejection shows why and leaves everything typed in place.
  const run = async (during: Phase, after: Phase, failed: string, action: () => Promise<void>) => {
    if (busy.current) return false;
    const before = phase;
    busy.current = true;
    setPhase(during);
    setError(null);
    try {
      await action();
      setPhase(after);
      return true;
    } catch (reason) {
      setPhase(before);
      setError(`${failed}: ${errorText(reason)}`);
      return false;
    } finally {
      busy.current = false;
    }
  };

  const save = async () => {
    if (busy.current || deleted) return;
    const ready = valueToSave(value, tagDraft, linkDraft, knownTags);
    if ('linkError' in ready) {
      setLinkError(ready.linkError);
      return;
    }
    setValue(ready.value);
    setTagDraft('');
    setLinkDraft('');
    if (await run('saving', 'editing', 'Could not save', () => props.onSave(ready.value))) {
      setSaved(true);
    }
  };
  const cancel = () => !busy.current && props.onCancel();
  const remove = () => void run('deleting', 'deleted', 'Could not delete', () => props.onDelete());
  const undo = () => void run('undoing', 'editing', 'Could not undo', () => props.onUndo());

  const addLink = (raw: string) => {
    const added = addEvidence(value.evidence, raw);
    if ('error' in added) return setLinkError(added.error);
    update({ evidence: added.links });
    setLinkDraft('');
    setLinkError(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Skip keys an input method is composing with, and keys a field already handled.
    if (event.isComposing || event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  const claim = value.kind === 'claim';
  return (
    <section
      class="editor"
      aria-label={`${isNew ? 'New' : 'Edit'} ${claim ? 'claim' : 'highlight'}`}
      aria-busy={working}
      // Clicks on plain text focus the editor, so its shortcuts keep working.
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <QuoteBlock quote={quote} anchoring={anchoring} />
      {deleted ? (
        <DeletedNotice undoing={phase === 'undoing'} onUndo={undo} onClose={cancel} />
      ) : (
        <>
          <div class="editor__field">
            <label for={`${id}-note`}>Note</label>
            <textarea
              ref={note}
              id={`${id}-note`}
              rows={3}
              value={value.note}
              onInput={(event) => update({ note: event.currentTarget.value })}
            />
          </div>
          <label class="editor__toggle">
            <input
              type="checkbox"
              checked={claim}
              onChange={(event) =>
                event.currentTarget.checked
                  ? update({ kind: 'claim', status: value.status ?? 'unverified' })
                  : update({ kind: 'highlight' })
              }
            />
            Mark as claim
          </label>
          {claim ? (
            <StatusPicker
              value={value.status ?? 'unverified'}
              onChange={(status) => update({ status })}
            />
          ) : (
            <ColorPicker value={value.color} onChange={(color) => update({ color })} />
          )}
          <EvidenceList
            links={value.evidence}
            draft={linkDraft}
            error={linkError}
            onDraft={(draft) => {
              setLinkDraft(draft);
              setLinkError(null);
            }}
            onAdd={addLink}
            onRemove={(link) => update({ evidence: value.evidence.filter((l) => l !== link) })}
          />
          <TagInput
            tags={value.tags}
            knownTags={knownTags}
            draft={tagDraft}
            onDraft={setTagDraft}
            onChange={(tags) => update({ tags })}
          />
        </>
      )}
      <EditorActions
        error={error}
        saved={saved}
        pending={phase === 'editing' || phase === 'deleted' ? null : phase}
        showButtons={!deleted}
        canDelete={!isNew}
        onSave={() => void save()}
        onCancel={cancel}
        onDelete={remove}
      />
    </section>
  );
}
