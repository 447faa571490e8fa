import { useCallback, useMemo, useState } from 'preact/hooks';
import { layoutRows, type LibraryRows } from '@/lib/library/rows';
import type { CatalogEntry, LibraryResult } from '@/lib/library/types';

/** The list's rows, and the articles the reader unfolded or folded. */
export interface FoldedRows {
  /** Null until there is a result to list. */
  rows: LibraryRows | null;
  /** Unfolds a folded article, folds an unfolded one. */
  toggle: (url: string) => void;
  /** Forgets the reader's folding: every article folds as the search decides. */
  reset: () => void;
}

/**
 * Lays the result out as rows. Browsing, articles are folded until the reader unfolds them;
 * while searching, they show their matching notes unless the reader folded them.
 */
export function useFoldedRows(
  result: LibraryResult | null,
  byUrl: ReadonlyMap<string, CatalogEntry>,
  narrowed: boolean,
): FoldedRows {
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const expanded = useCallback(
    (url: string) => (narrowed ? !toggled.has(url) : toggled.has(url)),
    [narrowed, toggled],
  );
  const rows = useMemo(
    () => (result ? layoutRows(result.hits, byUrl, expanded) : null),
    [result, byUrl, expanded],
  );
  return {
    rows,
    toggle: (url) =>
      setToggled((current) => {
        const next = new Set(current);
        if (!next.delete(url)) next.add(url);
        return next;
      }),
    reset: () => setToggled(new Set()),
  };
}
