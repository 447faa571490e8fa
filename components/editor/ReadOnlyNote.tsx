import { useState } from 'preact/hooks';
import type { EditorData } from '@/lib/model';
import { NoteFieldList } from './note-fields';
import { QuoteBlock } from './QuoteBlock';

interface Props {
  data: EditorData;
  /** Whose note it is. */
  author: string;
  /** Copies it to the reader's notes; absent where copying is not offered (a page's frame). */
  onCopy?: () => Promise<void>;
  onClose: () => void;
  closeLabel: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Another reader's note in a shared library (issue 16): shown, never edited; the reader may
 * copy it to their own notes and change the copy.
 */
export function ReadOnlyNote({ data, author, onCopy, onClose, closeLabel }: Props) {
  const [copying, setCopying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    if (!onCopy || copying) return;
    setCopying(true);
    setError(null);
    try {
      await onCopy();
    } catch (reason) {
      setError(`Could not copy the note: ${errorText(reason)}`);
    } finally {
      setCopying(false);
    }
  };
  return (
    <section class="editor editor--read-only" aria-label={`${author}'s note`}>
      <QuoteBlock quote={data.quote} anchoring={data.anchoring} />
      <p class="editor__owner" role="note">
        {onCopy
          ? `This note is ${author}'s: copy it to your notes to change it.`
          : `This note is ${author}'s: copy it to your notes from the library to change it.`}
      </p>
      <NoteFieldList fields={data.value} />
      <div class="editor__footer">
        {error ? (
          <p class="editor__error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="editor__actions">
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
          {onCopy ? (
            <button
              type="button"
              class="editor__primary"
              aria-disabled={copying}
              onClick={() => void copy()}
            >
              {copying ? 'Copying…' : 'Copy to my notes'}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
