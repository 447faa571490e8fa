/**
 * The library view's search: an inverted index over the catalog, rebuilt whenever the popup
 * opens or the catalog changes, queried on every keystroke.
 *
 * It is made of parts with one job each:
 * - columns.ts: the catalog read into typed arrays (kind, status, dates, tags, sites, entities,
 *   recency), articles newest saved first and their annotations after them;
 * - word-index.ts: a sorted vocabulary, so the words a query word prefixes are one id range,
 *   with each text's word ids in order (for phrases) and postings both ways. Two thirds of the
 *   build, it waits for the first query with text or prepare();
 * - filters.ts: a query's filters as lookup tables; browse.ts: a query without words;
 * - matching.ts: which query words (one bit each) and phrases each text holds;
 * - ranking.ts: scoring newest first, a counting sort by score, grouping into hits;
 * - facets.ts: the filter values with their counts.
 */
import { buildColumns } from './columns';
import { browse } from './browse';
import { computeFacets, type LibraryFacets } from './facets';
import { resolveFilter } from './filters';
import { foldWords } from './fold';
import { createMatchMarks, markQuery } from './matching';
import { createRankScratch, rankMatches } from './ranking';
import type { CatalogEntry, LibraryQuery, LibraryResult } from './types';
import { buildWordIndex, type WordIndex } from './word-index';

export { MAX_ENTITY_FACETS, type EntityFacet, type FacetCount, type LibraryFacets } from './facets';
export { MAX_QUERY_WORDS } from './matching';

/** How much of a result to list. */
export interface QueryOptions {
  /** Hits (articles) to list at most; all when absent. */
  limit?: number;
}

/** A built index over one catalog snapshot. */
export interface LibraryIndex {
  /**
   * Articles and annotations matching a query, best first. With `limit`, only the first
   * `limit` hits are listed (the counts still cover all): a popup that shows a screenful need
   * not pay for 100,000 ids on every keystroke.
   */
  query(query: LibraryQuery, options?: QueryOptions): LibraryResult;
  /**
   * Builds the word index now. It is otherwise built by the first query with text: the popup
   * can list the library at once and call this when idle, before the reader types.
   */
  prepare(): void;
  /** The filter values with counts (computed once, then cached). */
  facets(): LibraryFacets;
  readonly articleCount: number;
  readonly annotationCount: number;
}

/** Builds the search index of a catalog snapshot. */
export function createLibraryIndex(catalog: readonly CatalogEntry[]): LibraryIndex {
  const { columns, counts, texts } = buildColumns(catalog);
  const { itemCount, articleCount } = columns;
  const words = lazyWordIndex(columns.entries, texts);
  const marks = createMatchMarks(itemCount, articleCount);
  const scratch = createRankScratch(itemCount, articleCount);
  let facets: LibraryFacets | null = null;
  return {
    articleCount,
    annotationCount: itemCount,
    query(query, options) {
      const filter = resolveFilter(query.filters, columns);
      const queryWords = foldWords(query.text);
      const limit = options?.limit ?? Infinity;
      if (queryWords.length === 0) return browse(columns, filter, limit);
      const found = markQuery(words(), queryWords, marks);
      if (!found) return { hits: [], annotationCount: 0, articleCount: 0 };
      return rankMatches(columns, marks, found, filter, scratch, limit);
    },
    facets() {
      facets ??= computeFacets(columns, counts);
      return facets;
    },
    prepare() {
      words();
    },
  };
}

/**
 * The word index, built on first use. Kept apart from the query closure so that the texts'
 * references are let go once it is built, and the build's scratch is never captured.
 */
function lazyWordIndex(entries: readonly CatalogEntry[], texts: string[]): () => WordIndex {
  let pending: string[] | null = texts;
  let built: WordIndex | null = null;
  return () => {
    if (!built) {
      built = buildWordIndex(entries, pending ?? []);
      pending = null;
    }
    return built;
  };
}
