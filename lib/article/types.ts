/** The kinds of named entity Claimmark recognises. */
export type EntityType = 'person' | 'place' | 'organization';

/** One occurrence of an entity in a text: character offsets [start, end) into that text. */
export interface EntityMention {
  type: EntityType;
  /** The text as written, e.g. "Zelensky's" trimmed to "Zelensky". */
  text: string;
  start: number;
  end: number;
}

/** An entity of a document with its aliases merged ("Trump" into "Donald Trump"). */
export interface Entity {
  type: EntityType;
  /** The canonical (usually longest, most complete) name. */
  name: string;
  /** Other names it appears under in the text, canonical name excluded. */
  aliases: string[];
  mentions: { start: number; end: number }[];
}

/** How precise a resolved date is. */
export type DatePrecision = 'year' | 'month' | 'week' | 'day';

/** A date mentioned in a text, resolved against the publication date. */
export interface DateMention {
  text: string;
  /** ISO-style value at its precision: "2025-10-16", "2025-10", "2025-W42", "2025". */
  value: string;
  precision: DatePrecision;
  start: number;
  end: number;
}

/** Is this page an article, and why the extractor thinks so. */
export interface ArticleDetection {
  isArticle: boolean;
  reasons: string[];
}

/** What the page says about itself; null/empty where it says nothing (never a guess). */
export interface ArticleMetadata {
  headline: string | null;
  byline: string[];
  siteName: string | null;
  /** ISO 8601, with the page's offset when it gives one; a bare "YYYY-MM-DD" when only the day is known. */
  published: string | null;
  modified: string | null;
  language: string | null;
  canonicalUrl: string | null;
  description: string | null;
}
