interface Props {
  /** The last failure, kept in view (the footer stays put while the fields scroll). */
  error: string | null;
  saved: boolean;
  /** What is in progress, if anything; every button waits for it. */
  pending: 'saving' | 'deleting' | 'undoing' | null;
  /** After a delete the buttons give way to the Undo notice; only the error stays. */
  showButtons: boolean;
  canDelete: boolean;
  onSave: () => void;
  onCancel: () => void;
  onDelete: () => void;
}

/**
 * The editor's sticky footer: Delete, Cancel, Save, and the messages about them. Buttons are
 * aria-disabled rather than disabled while busy, so a focused one keeps the focus.
 */
export function EditorActions(props: Props) {
  const { error, saved, pending, showButtons, canDelete, onSave, onCancel, onDelete } = props;
  const busy = pending !== null;
  return (
    <div class="editor__footer">
      {error ? (
        <p class="editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {showButtons ? (
        <div class="editor__actions">
          {canDelete ? (
            <button type="button" class="editor__delete" aria-disabled={busy} onClick={onDelete}>
              {pending === 'deleting' ? 'Deleting…' : 'Delete'}
            </button>
          ) : null}
          <span class="editor__saved" role="status">
            {saved ? 'Saved.' : ''}
          </span>
          <button type="button" aria-disabled={busy} onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            class="editor__primary"
            aria-disabled={busy}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title="Save (Ctrl+Enter)"
            onClick={onSave}
          >
            {pending === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
