import { useState } from 'preact/hooks';
import type { LibraryRows } from '@/lib/library/rows';
import type { NoteRef } from '@/lib/storage/notes';
import { rowKeyAction } from './row-keys';

/** What the list's keys act on. */
export interface ListKeyHandlers {
  toggle: (url: string) => void;
  open: (note: NoteRef) => void;
  edit: (note: NoteRef) => void;
  remove: (note: NoteRef, quote: string) => void;
}

/** The list's keyboard focus and the keys of its rows and of the search box above it. */
export interface ListKeyboard {
  /** The row with keyboard focus; -1 for none. */
  active: number;
  setActive: (index: number) => void;
  onRowKey: (event: KeyboardEvent, index: number) => void;
  onSearchKey: (event: KeyboardEvent) => void;
}

/** Keyboard navigation of the library list (the moves themselves are VirtualList's); `me` owns notes. */
export function useListKeyboard(
  rows: LibraryRows | null,
  handlers: ListKeyHandlers,
  me = '',
): ListKeyboard {
  const [active, setActive] = useState(-1);
  const onRowKey = (event: KeyboardEvent, i: number) => {
    const row = rows?.at(i);
    const action = row ? rowKeyAction(row, event.key, me) : null;
    if (!action) return;
    event.preventDefault();
    if (action.do === 'toggle') handlers.toggle(action.url);
    else if (action.do === 'open') handlers.open(action.note);
    else if (action.do === 'edit') handlers.edit(action.note);
    else if (action.do === 'delete') handlers.remove(action.note, action.quote);
    else {
      const parent = rows?.indexOf(action.url) ?? -1;
      if (parent >= 0) setActive(parent);
    }
  };
  // ↓ from the search box moves into the list, at its first row.
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' || !rows || rows.count === 0) return;
    event.preventDefault();
    setActive(0);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.vlist [data-row="0"]')?.focus(),
    );
  };
  return { active, setActive, onRowKey, onSearchKey };
}
