import * as v from 'valibot';
import { FilledText, HttpUrl, IsoTime, Offset, PageDate, Text } from './fields';
import { RECORD_LIMITS } from './limits';

/**
 * Most versions kept per article: the first (what the reader first acted on) and the newest.
 * A story edited more often loses its middle versions first.
 */
export const VERSIONS_PER_ARTICLE = 10;

/** Most characters of a page's text one version keeps; a longer text is cut there. */
export const VERSION_TEXT_LIMIT = 400_000;

/**
 * What one version holds once unpacked: the page's text as Claimmark anchored against it (the
 * text model of lib/anchoring, so stored positions point into it), and what it read about it.
 */
export const VersionContentSchema = v.object({
  text: Text(VERSION_TEXT_LIMIT),
  headline: v.nullable(Text(RECORD_LIMITS.title)),
  byline: v.nullable(Text(RECORD_LIMITS.title)),
  published: v.nullable(PageDate),
  modified: v.nullable(PageDate),
});

/** A version's number within its article: 1, 2 … */
export const VersionNumber = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A SHA-256 as 64 lower-case hex digits. */
export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash'));

/** A stored version of an article: metadata, and its content gzip-compressed. */
export const VersionRecordSchema = v.object({
  articleUrl: HttpUrl,
  /** 1 for the version the reader first acted on, then 2, 3 … */
  n: VersionNumber,
  /** SHA-256 of the text, hex: two visits with the same text are one version. */
  hash: FilledText(64),
  /**
   * SHA-256 of the story alone (headline and body, folded), when the page had a body to read:
   * two versions with the same story differ only around it (a feed, a clock, an advert), and a
   * note made on one is not "changed since" on the other. Absent on versions stored before it.
   */
  story: v.optional(Sha256Hex),
  /** When Claimmark first read this text. */
  seenAt: IsoTime,
  /** The page's own modified date at the time, if it declared one. */
  modified: v.nullable(PageDate),
  /** Characters of text, before compression. */
  chars: Offset,
  /** Bytes stored (the gzip of the content as JSON). */
  bytes: Offset,
  data: v.instance(Uint8Array),
});

/** What one version holds once unpacked. */
export type VersionContent = v.InferOutput<typeof VersionContentSchema>;
/** A stored version of an article. */
export type VersionRecord = v.InferOutput<typeof VersionRecordSchema>;
