/** A page as the content script reports it: read from the DOM, nothing derived. */
export interface PageReport {
  url: string;
  title: string;
  canonicalUrl: string | null;
}

/** One saved article: the library's unit, keyed by its normalised canonical URL. */
export interface ArticleRecord {
  /** Normalised canonical URL (see lib/page/article-key.ts); the primary key. */
  url: string;
  title: string;
  canonicalUrl: string | null;
  /** Every normalised address the article was seen at, first one first. */
  seenAt: string[];
  /** ISO 8601 time of the first save. */
  savedAt: string;
  /** ISO 8601 time of the last change to this record. */
  updatedAt: string;
}

/** The kinds of annotation a reader makes. */
export type AnnotationKind = 'highlight' | 'claim';

/** One highlight or claim on an article; ids are UUIDs so libraries from two machines merge. */
export interface AnnotationRecord {
  id: string;
  articleUrl: string;
  kind: AnnotationKind;
  quote: string;
  note: string;
  createdAt: string;
  modifiedAt: string;
}

/** What the background knows about one tab, held in session memory only. */
export interface TabState {
  report: PageReport;
  articleKey: string;
  saved: boolean;
}
