import type { LibraryRow as Row } from '@/lib/library/rows';
import { othersAuthor } from '@/lib/library/authors';
import { CLAIM_STATUS_LABELS, HIGHLIGHT_SWATCHES, STATUS_COLORS } from '../editor/palette';
import { formatPageTime, shortDate } from '../format';

interface Props {
  row: Row;
  onToggle: (url: string) => void;
  onOpen: (id: string) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  /** Copies another reader's note to the reader's own. */
  onCopy: (id: string) => void;
  /** The reader's own name: notes signed otherwise are someone else's, shown read-only. */
  me: string;
}

function counts(row: Extract<Row, { kind: 'article' }>): string {
  const claims = row.entry.items.filter((i) => i.kind === 'claim').length;
  const highlights = row.entry.items.length - claims;
  const parts = [
    highlights ? `${highlights} highlight${highlights === 1 ? '' : 's'}` : '',
    claims ? `${claims} claim${claims === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const total = row.entry.items.length;
  const shown = row.hit.items.length;
  if (shown > 0 && shown < total) return `${shown} of ${total} notes match`;
  return parts.length ? parts.join(', ') : 'no notes';
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

/** One line of the library: an article with its counts, or one of its annotations. */
export function LibraryRow({ row, onToggle, onOpen, onEdit, onDelete, onCopy, me }: Props) {
  if (row.kind === 'article') {
    const { entry } = row;
    const date = entry.published
      ? formatPageTime(entry.published)
      : `saved ${shortDate(entry.savedAt)}`;
    return (
      <div class="lib-article">
        <button
          type="button"
          class="lib-article__toggle"
          aria-expanded={row.expanded}
          disabled={row.hit.items.length === 0}
          tabIndex={-1}
          onClick={() => onToggle(entry.url)}
        >
          <span class="lib-article__headline">{entry.headline || entry.url}</span>
          <span class="lib-article__meta">
            {entry.site} · {date} · {counts(row)}
          </span>
        </button>
      </div>
    );
  }
  const { item } = row;
  const author = othersAuthor(item.author, me);
  return (
    <div class={`lib-note lib-note--${item.anchoring}`}>
      <span
        class="lib-note__swatch"
        style={{
          background: item.status ? STATUS_COLORS[item.status] : HIGHLIGHT_SWATCHES[item.color],
        }}
        aria-hidden="true"
      />
      <button type="button" class="lib-note__open" tabIndex={-1} onClick={() => onOpen(item.id)}>
        <span class="lib-note__quote">“{item.quote}”</span>
        <span class="lib-note__meta">
          {item.status ? <span class="badge">{CLAIM_STATUS_LABELS[item.status]}</span> : null}
          {item.anchoring === 'orphan' ? <span class="badge">Not on the page now</span> : null}
          {item.outdated ? <span class="badge">Story changed since</span> : null}
          {item.conflicts ? <span class="badge badge--warn">Edited on two devices</span> : null}
          {author !== null ? <span class="lib-note__author">by {author}</span> : null}
          {item.note ? <span class="lib-note__note">{firstLine(item.note)}</span> : null}
          {item.tags.length > 0 ? (
            <span class="lib-note__tags">{item.tags.map((t) => `#${t}`).join(' ')}</span>
          ) : null}
        </span>
      </button>
      <span class="lib-note__actions">
        {author === null ? (
          <>
            <RowAction label="Edit note" title="Edit (E)" onClick={() => onEdit(item.id)}>
              ✎
            </RowAction>
            <RowAction label="Delete note" title="Delete (Del)" onClick={() => onDelete(item.id)}>
              ×
            </RowAction>
          </>
        ) : (
          // Another reader's note: read it or copy it; only its author changes it.
          <>
            <RowAction
              label={`Read ${author}'s note`}
              title={`${author}'s note, read-only (E)`}
              onClick={() => onEdit(item.id)}
            >
              ⓘ
            </RowAction>
            <RowAction
              label="Copy to my notes"
              title="Copy to my notes, to change it"
              onClick={() => onCopy(item.id)}
            >
              ⧉
            </RowAction>
          </>
        )}
      </span>
    </div>
  );
}

/** A row's action: out of the tab order (the list's keys reach it), named for screen readers. */
function RowAction({
  label,
  title,
  onClick,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  children: string;
}) {
  return (
    <button type="button" tabIndex={-1} aria-label={label} title={title} onClick={onClick}>
      {children}
    </button>
  );
}
