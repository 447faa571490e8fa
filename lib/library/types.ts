import type { EntityType } from '../article/types';
import type { AnchorStatus, AnnotationKind, ClaimStatus, HighlightColor } from '../model';

/** One annotation as the library view needs it: enough to list, filter and search it. */
export interface CatalogItem {
  id: string;
  kind: AnnotationKind;
  status: ClaimStatus | null;
  tags: string[];
  color: HighlightColor;
  createdAt: string;
  modifiedAt: string;
  anchoring: AnchorStatus;
  /** True when the story changed since this was made (a newer version of its text is stored). */
  outdated?: boolean;
  /** Who made it, in a shared library; absent for the reader's own unsigned notes. */
  author?: string;
  /** How many other devices' versions wait to be settled (issue 16); absent when none. */
  conflicts?: number;
  /** The quote, cut to CATALOG_TEXT_LIMIT characters for display. */
  quote: string;
  /** The note, cut to CATALOG_TEXT_LIMIT characters for display. */
  note: string;
  /** Folded words of the whole quote, note and tags (see fold.ts), for search. */
  text: string;
}

/** A named entity of the article, as the library filters and searches by it. */
export interface CatalogEntity {
  type: EntityType;
  name: string;
  aliases: string[];
}

/**
 * Everything the library view needs about one article and its annotations, kept in one row so
 * the popup reads the whole library in a few thousand records instead of one per annotation.
 */
export interface CatalogEntry {
  /** The article's key (ArticleRecord.url). */
  url: string;
  headline: string;
  /** Host name without "www.". */
  site: string;
  savedAt: string;
  published: string | null;
  byline: string[];
  entities: CatalogEntity[];
  /** Folded words of headline, site, byline and entity names with aliases, for search. */
  text: string;
  items: CatalogItem[];
}

/** Filters the reader combines; an empty list or null means "any". */
export interface LibraryFilters {
  kinds: AnnotationKind[];
  statuses: ClaimStatus[];
  tags: string[];
  sites: string[];
  /** Canonical entity names. */
  entities: string[];
  /** Annotations made on or after this day (YYYY-MM-DD, reader's calendar day). */
  from: string | null;
  /** Annotations made on or before this day (YYYY-MM-DD). */
  to: string | null;
  /** Only annotations whose story changed since they were made. */
  changed: boolean;
  /** Authors' names; "" is the reader's unsigned notes. */
  authors: string[];
  /** Only annotations with other devices' versions to settle. */
  conflicts: boolean;
}

/** What the reader asked the library for. */
export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
}

/** One article in a result, with its matching annotations best first. */
export interface LibraryHit {
  url: string;
  score: number;
  /** Ids of the matching annotations, best match first (all of them when nothing is searched). */
  items: string[];
}

/** Articles matching a query, best first. */
export interface LibraryResult {
  hits: LibraryHit[];
  /** Matching annotations over all hits. */
  annotationCount: number;
  /** Matching articles, including any left out of `hits` by a limit. */
  articleCount?: number;
}

/** No filter at all. */
export const NO_FILTERS: LibraryFilters = {
  kinds: [],
  statuses: [],
  tags: [],
  sites: [],
  entities: [],
  from: null,
  to: null,
  changed: false,
  authors: [],
  conflicts: false,
};
