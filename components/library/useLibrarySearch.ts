import { useEffect, useMemo, useState } from 'preact/hooks';
import { createLibraryIndex, type LibraryIndex } from '@/lib/library/search-index';
import {
  NO_FILTERS,
  type CatalogEntry,
  type LibraryFilters,
  type LibraryResult,
} from '@/lib/library/types';
import type { Async } from '../async';
import type { FilterOptions } from './FilterBar';
import { markFilterStart, markSearchStart, timed } from './library-timings';

/** The library's search state: what the reader asked, and what the catalog answers. */
export interface LibrarySearch {
  /** The whole catalog once it is in; null while only the preview is. */
  entries: CatalogEntry[] | null;
  /** Whether the whole catalog is indexed (the preview is listed before). */
  indexed: boolean;
  /** Whether the word index is built, so the search box can take text. */
  searchable: boolean;
  /** Catalog entries by article key. */
  byUrl: Map<string, CatalogEntry>;
  text: string;
  filters: LibraryFilters;
  /** Whether text or a filter narrows the list. */
  narrowed: boolean;
  /** The articles to list; null until the preview or the catalog is in. */
  result: LibraryResult | null;
  /** The values each filter offers. */
  options: FilterOptions;
  search: (text: string) => void;
  filter: (filters: LibraryFilters) => void;
}

/** Indexes the catalog when it arrives, and answers the reader's text and filters from it. */
export function useLibrarySearch(
  catalog: Async<CatalogEntry[]>,
  preview: CatalogEntry[] | null,
): LibrarySearch {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const entries = catalog.status === 'ready' ? catalog.value : null;
  const { index, searchable } = useLibraryIndex(entries);
  const byUrl = useMemo(
    () => new Map((entries ?? preview ?? []).map((e) => [e.url, e])),
    [entries, preview],
  );
  const result = useMemo<LibraryResult | null>(() => {
    if (index) return index.query({ text, filters });
    return preview ? previewResult(preview) : null;
  }, [index, preview, text, filters]);
  const options = useMemo<FilterOptions>(() => {
    const facets = index?.facets();
    return {
      tags: facets?.tags.map((t) => t.value) ?? [],
      sites: facets?.sites.map((s) => s.value) ?? [],
      entities: facets?.entities.map((e) => e.name) ?? [],
      authors: facets?.authors ?? [],
      conflicted: facets?.conflicted ?? 0,
    };
  }, [index]);
  return {
    entries,
    indexed: index !== null,
    searchable,
    byUrl,
    text,
    filters,
    narrowed: text.trim() !== '' || hasFilters(filters),
    result,
    options,
    search(next) {
      markSearchStart();
      setText(next);
    },
    filter(next) {
      markFilterStart();
      setFilters(next);
    },
  };
}

/** The index of the whole catalog, and whether its word index is built yet. */
function useLibraryIndex(entries: CatalogEntry[] | null): {
  index: LibraryIndex | null;
  searchable: boolean;
} {
  const index = useMemo(
    () => (entries ? timed('claimmark:index', () => createLibraryIndex(entries)) : null),
    [entries],
  );
  const [searchable, setSearchable] = useState(false);
  // The word index takes a few hundred milliseconds on a large library: build it once the
  // list is on screen, so opening the popup never waits for it.
  // Later indexes (after an edit) build their word index on the first query instead: the
  // search box, once enabled, stays enabled and keeps its focus.
  useEffect(() => {
    if (!index) return;
    const timer = setTimeout(() => {
      timed('claimmark:word-index', () => index.prepare());
      setSearchable(true);
    }, 0);
    return () => clearTimeout(timer);
  }, [index]);
  return { index, searchable };
}

/** Whether any filter is set. */
export function hasFilters(filters: LibraryFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

/** The newest articles, read first, listed as a result before the whole catalog is indexed. */
export function previewResult(entries: CatalogEntry[]): LibraryResult {
  return {
    hits: entries.map((e) => ({ url: e.url, score: 0, items: e.items.map((i) => i.id) })),
    annotationCount: entries.reduce((n, e) => n + e.items.length, 0),
  };
}
