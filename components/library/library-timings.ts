/**
 * The library's timings for `npm run bench` (scripts/library/bench-chromium.ts), read from the
 * page's performance timeline by their names; nothing is printed.
 */
import { useLayoutEffect } from 'preact/hooks';
import type { LibraryRows } from '@/lib/library/rows';

const SEARCH = 'claimmark:search';
const FILTER = 'claimmark:filter';
const FIRST_ROWS = 'claimmark:first-rows';

/** Notes that the reader typed in the search box: measured when the new rows are laid out. */
export function markSearchStart(): void {
  performance.mark(`${SEARCH}-start`);
}

/** Notes that the reader changed a filter: measured when the new rows are laid out. */
export function markFilterStart(): void {
  performance.mark(`${FILTER}-start`);
}

/** Runs `work` and records how long it took under `name`. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  const value = work();
  performance.measure(name, { start, end: performance.now() });
  return value;
}

function measureSince(name: string): void {
  const start = `${name}-start`;
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(name, start);
  performance.clearMarks(start);
}

/**
 * Measures each new set of rows: the search or filter change that made it, and the first rows
 * painted since the popup opened.
 */
export function useRowTimings(rows: LibraryRows | null): void {
  useLayoutEffect(() => {
    if (!rows) return;
    // Measured in the next frame, so the figure includes laying out the new rows.
    requestAnimationFrame(() => {
      measureSince(SEARCH);
      measureSince(FILTER);
    });
    if (rows.count > 0 && performance.getEntriesByName(FIRST_ROWS).length === 0) {
      requestAnimationFrame(() =>
        performance.measure(FIRST_ROWS, { start: 0, end: performance.now() }),
      );
    }
  }, [rows]);
}
