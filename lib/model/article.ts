import * as v from 'valibot';
import { HttpUrl, IsoTime, type ObjectMaker, Offset, ordered, PageDate, Text } from './fields';
import { RECORD_LIMITS as R, REPORT_LIMITS as L } from './limits';

/** The kinds of named entity Claimmark recognises. */
export const ENTITY_TYPES = ['person', 'place', 'organization'] as const;

/** How precise a resolved date is. */
export const DATE_PRECISIONS = ['year', 'month', 'week', 'day'] as const;

/**
 * The schemas of an article and of what Claimmark understood of it, built with `object` (strict
 * for messages, lenient for import files).
 */
export function articleSchemas(object: ObjectMaker) {
  const EntityType = v.picklist(ENTITY_TYPES);

  const ArticleDetection = object({
    isArticle: v.boolean(),
    /** Why the extractor thinks the page is (or is not) an article. */
    reasons: v.pipe(v.array(Text(L.reason)), v.maxLength(L.reasons)),
  });

  // What the page says about itself; null or empty where it says nothing (never a guess).
  const ArticleMetadata = object({
    headline: v.nullable(Text(L.headline)),
    byline: v.pipe(v.array(Text(L.bylineName)), v.maxLength(L.bylineNames)),
    siteName: v.nullable(Text(L.siteName)),
    /** ISO 8601, with the page's offset when it gives one; a bare "YYYY-MM-DD" when only the day is known. */
    published: v.nullable(PageDate),
    modified: v.nullable(PageDate),
    language: v.nullable(Text(L.language)),
    canonicalUrl: v.nullable(HttpUrl),
    description: v.nullable(Text(L.description)),
  });

  // An entity of a document with its aliases merged ("Trump" into "Donald Trump").
  const Entity = object({
    type: EntityType,
    /** The canonical (usually longest, most complete) name. */
    name: Text(R.name),
    /** Other names it appears under in the text, canonical name excluded. */
    aliases: v.array(Text(R.name)),
    /** Character offsets [start, end) into the analysed text. */
    mentions: v.array(ordered(object({ start: Offset, end: Offset }))),
  });

  // A date mentioned in a text, resolved against the publication date.
  const DateMention = ordered(
    object({
      text: Text(R.name),
      /** ISO-style value at its precision: "2025-10-16", "2025-10", "2025-W42", "2025". */
      value: Text(R.dateValue),
      precision: v.picklist(DATE_PRECISIONS),
      start: Offset,
      end: Offset,
    }),
  );

  // The background's reading of an article body: its entities and the dates it mentions.
  const TextAnalysis = object({
    entities: v.array(Entity),
    dates: v.array(DateMention),
    /** Characters of body text analysed. */
    length: Offset,
    /**
     * The body's language as detected ('en', 'de' …, 'und' when it cannot be told). Names and
     * dates are found in English text only: elsewhere both lists are empty. Absent from analyses
     * made before languages were told apart, which were all read as English.
     */
    language: v.optional(Text(R.bodyLanguage)),
  });

  // The article as stored once the reader saves or annotates it.
  const StoredArticleFacts = object({
    isArticle: v.boolean(),
    metadata: v.nullable(ArticleMetadata),
    analysis: v.nullable(TextAnalysis),
    /** ISO time of the analysis, to refresh it when the page's modified date changes. */
    analyzedAt: v.nullable(IsoTime),
  });

  // One saved article: the library's unit, keyed by its normalised canonical URL.
  const ArticleRecord = object({
    /** Normalised canonical URL (see lib/page/article-key.ts); the primary key. */
    url: HttpUrl,
    title: Text(R.title),
    canonicalUrl: v.nullable(HttpUrl),
    /** Every normalised address the article was seen at, first one first. */
    seenAt: v.pipe(v.array(HttpUrl), v.maxLength(R.seenAt)),
    /** ISO 8601 time of the first save. */
    savedAt: IsoTime,
    /** ISO 8601 time of the last change to this record. */
    updatedAt: IsoTime,
    /** What Claimmark understood of the article when it was saved or last refreshed. */
    facts: v.optional(StoredArticleFacts),
  });

  return {
    EntityType,
    ArticleDetection,
    ArticleMetadata,
    Entity,
    DateMention,
    TextAnalysis,
    StoredArticleFacts,
    ArticleRecord,
  };
}

/** The article schemas built by articleSchemas. */
export type ArticleSchemas = ReturnType<typeof articleSchemas>;
