import { useEffect, useId, useRef } from 'preact/hooks';
import { webUrl } from './values';

interface Props {
  links: string[];
  /** What is typed but not yet added; held by the editor so Save can keep it. */
  draft: string;
  error: string | null;
  onDraft: (draft: string) => void;
  /** Adds the text in the field, which is passed in because a key can beat a render. */
  onAdd: (raw: string) => void;
  onRemove: (link: string) => void;
}

/** Links to evidence: a list with Remove buttons, and a field to add one (Enter or Add). */
export function EvidenceList({ links, draft, error, onDraft, onAdd, onRemove }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // A refused link (from Add or from Save) sends the reader back to the field to fix it.
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);

  const add = () => {
    onAdd(input.current?.value ?? draft);
    input.current?.focus();
  };
  return (
    <div class="editor__field editor__evidence">
      <label for={`${id}-input`}>Evidence</label>
      {links.length > 0 ? (
        <ul class="editor__links" aria-label="Evidence links">
          {links.map((link) => (
            <li key={link}>
              {/* Only a web address becomes a link: an imported "javascript:" stays text. */}
              {webUrl(link) ? (
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                </a>
              ) : (
                <span class="editor__bad-link">{link}</span>
              )}
              <button
                type="button"
                class="editor__remove"
                aria-label={`Remove link ${link}`}
                onClick={() => {
                  onRemove(link);
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="editor__add">
        <input
          ref={input}
          id={`${id}-input`}
          type="url"
          placeholder="https://…"
          autocomplete="off"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => onDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.isComposing)
              return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} class="editor__field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
