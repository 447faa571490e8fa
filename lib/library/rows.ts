import type { CatalogEntry, CatalogItem, LibraryHit } from './types';

/** One line of the library list: an article, or one of its annotations under it. */
export type LibraryRow =
  | { kind: 'article'; entry: CatalogEntry; hit: LibraryHit; expanded: boolean }
  | { kind: 'annotation'; entry: CatalogEntry; item: CatalogItem };

/** The list's rows, made on demand: a 100,000-annotation result never becomes 100,000 objects. */
export interface LibraryRows {
  count: number;
  at(index: number): LibraryRow | undefined;
  /** The row index of an article or annotation id, or -1. */
  indexOf(id: string): number;
}

/**
 * Lays out hits as rows: each article, then its matching annotations when it is expanded.
 * `expanded(url)` says which are; `entries` finds an article's catalog row by its key.
 */
export function layoutRows(
  hits: LibraryHit[],
  entries: ReadonlyMap<string, CatalogEntry>,
  expanded: (url: string) => boolean,
): LibraryRows {
  // starts[i] is the row of hit i's article line; rows of its items follow it.
  const starts = new Int32Array(hits.length + 1);
  const shown: boolean[] = [];
  let row = 0;
  hits.forEach((hit, i) => {
    starts[i] = row;
    const open = expanded(hit.url) && hit.items.length > 0;
    shown.push(open);
    row += 1 + (open ? hit.items.length : 0);
  });
  starts[hits.length] = row;
  const itemMaps = new Map<string, Map<string, CatalogItem>>();
  const itemsOf = (entry: CatalogEntry) => {
    let map = itemMaps.get(entry.url);
    if (!map) {
      map = new Map(entry.items.map((item) => [item.id, item]));
      itemMaps.set(entry.url, map);
    }
    return map;
  };

  const hitOfRow = (index: number): number => {
    let low = 0;
    let high = hits.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  return {
    count: row,
    at(index) {
      if (index < 0 || index >= row) return undefined;
      const h = hitOfRow(index);
      const hit = hits[h];
      const entry = hit ? entries.get(hit.url) : undefined;
      if (!hit || !entry) return undefined;
      const offset = index - (starts[h] ?? 0);
      if (offset === 0) return { kind: 'article', entry, hit, expanded: shown[h] ?? false };
      const id = hit.items[offset - 1];
      const item = id === undefined ? undefined : itemsOf(entry).get(id);
      return item ? { kind: 'annotation', entry, item } : undefined;
    },
    indexOf(id) {
      for (let h = 0; h < hits.length; h++) {
        const hit = hits[h];
        if (!hit) continue;
        if (hit.url === id) return starts[h] ?? -1;
        if (!shown[h]) continue;
        const at = hit.items.indexOf(id);
        if (at >= 0) return (starts[h] ?? 0) + 1 + at;
      }
      return -1;
    },
  };
}
