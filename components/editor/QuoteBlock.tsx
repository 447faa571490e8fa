import { useLayoutEffect, useId, useRef, useState } from 'preact/hooks';
import type { EditorProps } from './types';

interface Props {
  quote: string;
  anchoring: EditorProps['anchoring'];
}

/** The selected passage, clamped to a few lines, and what became of it on the page. */
export function QuoteBlock({ quote, anchoring }: Props) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  // Whether the clamp hides anything depends on the iframe's width and fonts: measure it.
  useLayoutEffect(() => {
    if (expanded || !box.current) return;
    const clamped = [...box.current.querySelectorAll('.editor__clamp')];
    setOverflows(clamped.some((el) => el.scrollHeight > el.clientHeight + 1));
  }, [quote, anchoring?.text, expanded]);

  return (
    <div id={id} ref={box} class={`editor__quote${expanded ? ' is-expanded' : ''}`}>
      <blockquote class="editor__clamp">{quote}</blockquote>
      {anchoring?.status === 'changed' ? (
        <p class="editor__anchoring editor__clamp">
          {anchoring.text === null ? (
            'The page has changed around this passage.'
          ) : (
            <>
              The page now reads: <q>{anchoring.text}</q>
            </>
          )}
        </p>
      ) : anchoring?.status === 'orphan' ? (
        <p class="editor__anchoring">This passage is no longer on the page.</p>
      ) : null}
      {overflows || expanded ? (
        <button
          type="button"
          class="editor__link-button"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show all'}
        </button>
      ) : null}
    </div>
  );
}
