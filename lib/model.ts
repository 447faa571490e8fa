import type {
  ArticleDetection,
  ArticleMetadata,
  DateMention,
  Entity,
  EntityType,
} from './article/types';

/** A name the page declares about itself (JSON-LD about/mentions/author, keywords). */
export interface EntityHint {
  name: string;
  type?: EntityType;
}

/** What the content script learnt about a page's article: cheap DOM reads only. */
export interface PageArticle {
  detection: ArticleDetection;
  /** Null when the page is not an article: nothing is extracted from section fronts. */
  metadata: ArticleMetadata | null;
  hints: EntityHint[];
}

/** A page as the content script reports it: read from the DOM, nothing derived. */
export interface PageReport {
  url: string;
  title: string;
  canonicalUrl: string | null;
  article: PageArticle | null;
}

/** The background's reading of an article body: its entities and the dates it mentions. */
export interface TextAnalysis {
  entities: Entity[];
  dates: DateMention[];
  /** Characters of body text analysed. */
  length: number;
}

/** The article as stored once the reader saves or annotates it. */
export interface StoredArticleFacts {
  isArticle: boolean;
  metadata: ArticleMetadata | null;
  analysis: TextAnalysis | null;
  /** ISO time of the analysis, to refresh it when the page's modified date changes. */
  analyzedAt: string | null;
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
  /** What Claimmark understood of the article when it was saved or last refreshed. */
  facts?: StoredArticleFacts;
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
