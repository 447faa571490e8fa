import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  undoing: boolean;
  onUndo: () => void;
  onClose: () => void;
}

/** "Deleted." with Undo; Undo takes the focus, since the control that had it is gone. */
export function DeletedNotice({ undoing, onUndo, onClose }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    undo.current?.focus();
  }, []);
  return (
    <div class="editor__deleted">
      <p role="status">Deleted.</p>
      <button
        ref={undo}
        type="button"
        class="editor__primary"
        aria-disabled={undoing}
        onClick={() => !undoing && onUndo()}
      >
        {undoing ? 'Undoing…' : 'Undo'}
      </button>
      <button type="button" aria-disabled={undoing} onClick={() => !undoing && onClose()}>
        Close
      </button>
    </div>
  );
}
