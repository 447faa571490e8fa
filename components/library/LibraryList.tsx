import type { LibraryRows } from '@/lib/library/rows';
import type { NoteRef } from '@/lib/storage/notes';
import { StatusMessage } from '../StatusMessage';
import { LibraryRow } from './LibraryRow';
import type { ListKeyboard } from './useListKeyboard';
import { VirtualList } from './VirtualList';

interface Props {
  rows: LibraryRows;
  /** Whether a search or filter narrowed the list, which names it "Search results". */
  narrowed: boolean;
  keyboard: ListKeyboard;
  onToggle: (url: string) => void;
  onOpen: (note: NoteRef) => void;
  onEdit: (note: NoteRef) => void;
  onDelete: (note: NoteRef, quote: string) => void;
  onCopy: (note: NoteRef) => void;
  /** The reader's own name, "" when unset. */
  me: string;
}

const ROW_HEIGHT = 64;
const LIST_HEIGHT = 352;

/** The library's articles and notes as a virtual list, or a word when nothing matches. */
export function LibraryList({ rows, narrowed, keyboard, ...on }: Props) {
  if (rows.count === 0) {
    return (
      <StatusMessage kind="empty">
        Nothing matches. Try fewer words or clear the filters.
      </StatusMessage>
    );
  }
  return (
    <VirtualList
      count={rows.count}
      rowHeight={ROW_HEIGHT}
      height={Math.min(LIST_HEIGHT, rows.count * ROW_HEIGHT)}
      label={narrowed ? 'Search results' : 'Saved articles and notes'}
      active={keyboard.active}
      onActiveChange={keyboard.setActive}
      onRowKey={keyboard.onRowKey}
      renderRow={(i) => {
        const row = rows.at(i);
        if (!row) return null;
        const note = (id: string) => ({ id, articleUrl: row.entry.url });
        return (
          <LibraryRow
            row={row}
            onToggle={on.onToggle}
            onOpen={(id) => on.onOpen(note(id))}
            onEdit={(id) => on.onEdit(note(id))}
            onDelete={(id) =>
              on.onDelete(note(id), row.kind === 'annotation' ? row.item.quote : '')
            }
            onCopy={(id) => on.onCopy(note(id))}
            me={on.me}
          />
        );
      }}
    />
  );
}
