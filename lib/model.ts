import type {
  ArticleDetection,
  ArticleMetadata,
  DateMention,
  Entity,
  EntityType,
} from './article/types';
import type { Selectors } from './anchoring/types';

/** A name the page declares about itself (JSON-LD about/mentions/author, keywords). */
export interface EntityHint {
  name: string;
  type?: EntityType;
}

/** What the content script learnt about a page's article: cheap DOM reads only. */
export interface PageArticle {
  detection: ArticleDetection;
  /** Read on every page, article or not; null only when the page could not be read at all. */
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
  /**
   * The body's language as detected ('en', 'de' …, 'und' when it cannot be told). Names and
   * dates are found in English text only: elsewhere both lists are empty. Absent from analyses
   * made before languages were told apart, which were all read as English.
   */
  language?: string;
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

/** A claim's standing, from not yet checked to shown wrong; the order is the scale's. */
export const CLAIM_STATUSES = [
  'unverified',
  'supported',
  'disputed',
  'misleading',
  'false',
] as const;
/** One step of the claim scale. */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * The longest text each field of a record may hold, in UTF-16 code units: one table, so a message
 * and an import file agree on what a record can be.
 */
export const RECORD_LIMITS = {
  /** A quote, and the text a passage was anchored to. */
  quote: 20_000,
  note: 50_000,
  tag: 40,
  url: 4096,
} as const;

/** The colours a reader can give a highlight. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
/** One highlight colour. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** How a highlight last came back on its page: as it was, on edited text, or not at all. */
export type AnchorStatus = 'anchored' | 'changed' | 'orphan';

/** The last anchoring result of an annotation. */
export interface AnchoringState {
  status: AnchorStatus;
  /** The text it landed on, when that differs from the quote; null otherwise. */
  text: string | null;
  /** When a page last showed this result (renewed at most daily while it stays the same). */
  checkedAt: string;
}

/** One highlight or claim on an article; ids are UUIDs so libraries from two machines merge. */
export interface AnnotationRecord {
  id: string;
  articleUrl: string;
  kind: AnnotationKind;
  selectors: Selectors;
  /** The passage as it was when the reader selected it. */
  quote: string;
  note: string;
  /** Claims only; null for plain highlights. */
  status: ClaimStatus | null;
  /** Links to evidence (http(s) URLs). */
  evidence: string[];
  tags: string[];
  color: HighlightColor;
  createdAt: string;
  modifiedAt: string;
  /** The article's modified date when the passage was selected (W3C TimeState sourceDate). */
  articleModified: string | null;
  anchoring: AnchoringState | null;
}

/** What the content script needs to draw an annotation: never its note or tags. */
export interface AnnotationAnchor {
  id: string;
  /** The article it is stored under (the page's own article key). */
  articleUrl: string;
  kind: AnnotationKind;
  status: ClaimStatus | null;
  color: HighlightColor;
  selectors: Selectors;
}

/** The fields a reader edits. */
export interface AnnotationFields {
  kind: AnnotationKind;
  note: string;
  status: ClaimStatus | null;
  evidence: string[];
  tags: string[];
  color: HighlightColor;
}

/** A selection the reader is about to annotate: held in memory until the editor saves it. */
export interface AnnotationDraft {
  kind: AnnotationKind;
  selectors: Selectors;
  quote: string;
}

/** What the background knows about one tab, held in session memory only. */
export interface TabState {
  report: PageReport;
  articleKey: string;
  saved: boolean;
}
