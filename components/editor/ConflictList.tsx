import { useState } from 'preact/hooks';
import type { AnnotationFields, NoteConflict } from '@/lib/model';
import { shortDate } from '../format';
import { NoteFieldList } from './note-fields';

interface Props {
  /** The note's fields as they stand. */
  current: AnnotationFields;
  conflicts: readonly NoteConflict[];
  /** Keeps the version edited at `at` (its fields become the note's), or dismisses it. */
  onSettle: (at: string, choice: 'keep' | 'dismiss') => Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The versions of a note that lost a simultaneous edit on another device (issue 16), each
 * beside the note as it stands, for the reader to keep or dismiss.
 */
export function ConflictList({ current, conflicts, onSettle }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settle = async (at: string, choice: 'keep' | 'dismiss') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSettle(at, choice);
    } catch (reason) {
      setError(`Could not settle this version: ${errorText(reason)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="conflicts" aria-label="Edited on two devices">
      <h2 class="conflicts__title">Edited on two devices</h2>
      <p class="conflicts__intro">
        This note was changed on another device at the same time. The later change is shown in the
        editor below; choose whether the other version should replace it.
      </p>
      {error ? (
        <p class="editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {conflicts.map((conflict) => (
        <article key={conflict.at} class="conflict">
          <div class="conflict__sides">
            <div class="conflict__side">
              <h3>Current version</h3>
              <NoteFieldList fields={current} />
            </div>
            <div class="conflict__side">
              <h3>
                Other version, {shortDate(conflict.at)}
                {conflict.author ? ` by ${conflict.author}` : ''}
              </h3>
              <NoteFieldList fields={conflict.fields} />
            </div>
          </div>
          <div class="conflict__actions">
            <button
              type="button"
              class="editor__primary"
              aria-disabled={busy}
              onClick={() => void settle(conflict.at, 'keep')}
            >
              Keep this version
            </button>
            <button
              type="button"
              aria-disabled={busy}
              onClick={() => void settle(conflict.at, 'dismiss')}
            >
              Dismiss
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
