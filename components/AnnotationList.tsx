import type { AnnotationRecord } from '@/lib/model';
import type { Async } from './async';
import { CLAIM_STATUS_LABELS, STATUS_COLORS } from './editor/palette';
import { StatusMessage } from './StatusMessage';

interface Props {
  annotations: Async<AnnotationRecord[]>;
  onReveal: (annotation: AnnotationRecord) => void;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

/** The page's highlights and claims in reading order; changed and orphaned ones say so. */
export function AnnotationList({ annotations, onReveal }: Props) {
  if (annotations.status === 'loading') return null;
  if (annotations.status === 'error') {
    return <StatusMessage kind="error">{annotations.error}</StatusMessage>;
  }
  if (annotations.value.length === 0) {
    return (
      <p class="muted">
        No highlights yet. Select text on the page, then press Alt+Shift+H to highlight it or
        Alt+Shift+C to mark it as a claim (or use the toolbar that appears).
      </p>
    );
  }
  return (
    <ol class="annotations" aria-label="Highlights and claims on this page">
      {annotations.value.map((a) => {
        const anchoring = a.anchoring?.status ?? 'anchored';
        return (
          <li key={a.id} class={`annotation annotation--${anchoring}`}>
            <button
              type="button"
              class="annotation__open"
              disabled={anchoring === 'orphan'}
              onClick={() => onReveal(a)}
            >
              <span class="annotation__quote">“{a.quote}”</span>
              {a.kind === 'claim' && a.status ? (
                <span class="badge" style={{ borderColor: STATUS_COLORS[a.status] }}>
                  {CLAIM_STATUS_LABELS[a.status]}
                </span>
              ) : null}
              {anchoring === 'changed' ? (
                <span class="annotation__state">Changed on the page: “{a.anchoring?.text}”</span>
              ) : null}
              {anchoring === 'orphan' ? (
                <span class="annotation__state">No longer on the page</span>
              ) : null}
              {a.note ? <span class="annotation__note">{firstLine(a.note)}</span> : null}
              {a.tags.length > 0 ? (
                <span class="annotation__tags">{a.tags.map((t) => `#${t}`).join(' ')}</span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
