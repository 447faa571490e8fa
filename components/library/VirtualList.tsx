import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  /** Every row has this height in pixels: positions are then arithmetic, never measured. */
  rowHeight: number;
  /** Height of the visible area in pixels. */
  height: number;
  label: string;
  /** The row that has keyboard focus; -1 for none. */
  active: number;
  onActiveChange: (index: number) => void;
  /** Keys other than the moves (Enter, Delete …) on the active row. */
  onRowKey?: (event: KeyboardEvent, index: number) => void;
  renderRow: (index: number, active: boolean) => ComponentChildren;
}

/** Rows drawn beyond the visible ones, so fast scrolling shows no blank band. */
const OVERSCAN = 6;

/**
 * A list that renders only the rows in view, so 100,000 rows scroll as smoothly as 10. One
 * row is in the tab order; arrows, Page Up/Down, Home and End move through all of them.
 */
export function VirtualList(props: Props) {
  const { count, rowHeight, height, label, onActiveChange, onRowKey, renderRow } = props;
  // A delete or a fold may leave the active row past the end: the last row takes its place.
  const active = Math.min(props.active, count - 1);
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // Set when the keyboard moved the active row, so its element takes focus once drawn.
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element || active < 0) return;
    const top = active * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) {
      element.scrollTop = top + rowHeight - height;
    }
    setScrollTop(element.scrollTop);
  }, [active, rowHeight, height]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    box.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus();
  });

  // A shorter list (new search) must not leave the view scrolled past its end.
  useLayoutEffect(() => {
    const element = box.current;
    if (element && element.scrollTop > Math.max(0, count * rowHeight - height)) {
      element.scrollTop = Math.max(0, count * rowHeight - height);
      setScrollTop(element.scrollTop);
    }
  }, [count, rowHeight, height]);

  const move = (index: number, current: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    if (next === current) {
      // No state change, so no render to take focus after: focus the row now.
      box.current?.querySelector<HTMLElement>(`[data-row="${next}"]`)?.focus();
      return;
    }
    focusPending.current = true;
    onActiveChange(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    // The row the key was pressed on: focus may have moved there before `active` caught up.
    const row = event.target instanceof Element ? event.target.closest('[data-row]') : null;
    const current = row ? Number(row.getAttribute('data-row')) : active;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(0, current - 1),
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      move(target, current);
      return;
    }
    if (current >= 0) onRowKey?.(event, current);
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  // The one row in the tab order: the active one, else the first in view. It is drawn even
  // when scrolled out of the window, so Tab can always reach the list and focus never drops.
  const tabbable = active >= 0 ? active : Math.min(count - 1, Math.floor(scrollTop / rowHeight));
  const drawn: number[] = [];
  if (tabbable >= 0 && tabbable < first) drawn.push(tabbable);
  for (let index = first; index < last; index++) drawn.push(index);
  if (tabbable >= last) drawn.push(tabbable);
  const rows: ComponentChildren[] = [];
  for (const index of drawn) {
    rows.push(
      <div
        key={index}
        class="vlist__row"
        role="listitem"
        data-row={index}
        aria-setsize={count}
        aria-posinset={index + 1}
        tabIndex={index === tabbable ? 0 : -1}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
        onFocus={() => {
          if (index !== active) onActiveChange(index);
        }}
      >
        {renderRow(index, index === active)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class="vlist"
      role="list"
      aria-label={label}
      style={{ height: `${height}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist__space" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
