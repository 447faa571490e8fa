// The one table of sizes: the model's schemas are built from it, so a message, an import file and
// the content script's cutting of a page report agree on what a record can be. No valibot here:
// the content script reads REPORT_LIMITS without the schemas.

/**
 * The longest text (UTF-16 code units) and the longest lists a stored record may hold.
 */
export const RECORD_LIMITS = {
  /** A quote, and the text a passage was anchored to. */
  quote: 20_000,
  note: 50_000,
  tag: 40,
  /** Tags on one annotation. */
  tags: 50,
  /** Evidence links on one annotation. */
  evidence: 50,
  url: 4096,
  /** A quote selector's prefix or suffix (Claimmark writes 32; other tools may keep more). */
  context: 200,
  /** The name a note is signed with (issue 16: a shared library shows who marked what). */
  author: 200,
  /** Other versions of a note kept after two devices edited it at once, for the reader to settle. */
  conflicts: 20,
  /** An article's stored title. */
  title: 2000,
  /** Addresses an article was seen at: the first and the latest (storage and import trim to it). */
  seenAt: 50,
  /** An entity's name or alias, and a date mention as written. */
  name: 300,
  /** A date mention's ISO-style value ("2025-W42"). */
  dateValue: 20,
  /** The language told from an article's body. */
  bodyLanguage: 20,
} as const;

/**
 * A page's date as lib/article/metadata writes it (formatDate): a bare day, or a date-time with
 * or without seconds and offset. Here, without valibot, so the content script can drop a date
 * the schema would refuse rather than have its whole report refused.
 */
export const PAGE_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** The longest strings and lists a page report may carry; the message schema checks the same. */
export const REPORT_LIMITS = {
  title: 500,
  reason: 300,
  reasons: 30,
  headline: 1000,
  bylineName: 200,
  bylineNames: 30,
  siteName: 300,
  /** A page's published or modified date (and an annotation's articleModified, taken from it). */
  date: 40,
  language: 40,
  url: RECORD_LIMITS.url,
  description: 2000,
  hintName: 200,
  hints: 200,
} as const;
