import { useId, useRef, useState } from 'preact/hooks';
import { addTag, cleanTag, MAX_TAG_LENGTH, sameTag, suggestTags } from './values';

interface Props {
  tags: string[];
  knownTags: string[];
  /** What is typed but not yet a tag; held by the editor so Save can keep it. */
  draft: string;
  onDraft: (draft: string) => void;
  onChange: (tags: string[]) => void;
}

/**
 * Tags as chips, with an ARIA combobox completing from the library's tags. Enter or a comma
 * adds, Backspace in the empty input removes the last, Esc closes the list before anything else.
 */
export function TagInput({ tags, knownTags, draft, onDraft, onChange }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [said, setSaid] = useState('');
  const suggestions = open ? suggestTags(draft, tags, knownTags) : [];
  const expanded = suggestions.length > 0;

  const add = (raw: string) => {
    const next = addTag(tags, raw, knownTags);
    const existing = tags.find((t) => sameTag(t, cleanTag(raw)));
    if (next !== tags) setSaid(`Added tag ${next[next.length - 1] ?? ''}.`);
    else if (existing) setSaid(`${existing} is already a tag.`);
    onChange(next);
    onDraft('');
    setOpen(false);
    setActive(-1);
  };
  const remove = (tag: string) => {
    onChange(tags.filter((t) => t !== tag));
    setSaid(`Removed tag ${tag}.`);
    input.current?.focus();
  };

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    // A pasted "a, b, c" becomes tags a and b, with c left to finish.
    const parts = text.split(',');
    const rest = parts.pop() ?? '';
    let next = tags;
    for (const part of parts) next = addTag(next, part, knownTags);
    if (next !== tags) onChange(next);
    onDraft(rest);
    setOpen(true);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    // The input's own value, not `draft`: keys can arrive before a render catches up.
    const text = (event.currentTarget as HTMLInputElement).value;
    const list = suggestTags(text, tags, knownTags);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive(open ? Math.max(-1, Math.min(list.length - 1, active + step)) : step > 0 ? 0 : -1);
    } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === ',') {
      event.preventDefault();
      const chosen = open && active >= 0 ? list[active] : undefined;
      add(chosen ?? text);
    } else if (event.key === 'Backspace' && text === '') {
      const last = tags[tags.length - 1];
      if (last !== undefined) remove(last);
    } else if (event.key === 'Escape' && expanded) {
      // The list closes; the editor only cancels on an Esc nothing else wanted.
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div class="editor__field editor__tags">
      <label for={`${id}-input`}>Tags</label>
      {tags.length > 0 ? (
        <ul class="editor__chips" aria-label="Tags on this annotation">
          {tags.map((tag) => (
            <li key={tag} class="editor__chip">
              <span>{tag}</span>
              <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="editor__combo">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          maxLength={MAX_TAG_LENGTH}
          placeholder="Add a tag"
          value={draft}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label="Known tags" hidden={!expanded}>
          {suggestions.map((tag, index) => (
            <li
              key={tag}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keep focus in the input, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(tag)}
            >
              {tag}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} class="editor__sr-only">
        Enter or comma adds a tag; Backspace in an empty field removes the last one.
      </p>
      <p class="editor__sr-only" role="status">
        {said}
      </p>
    </div>
  );
}
