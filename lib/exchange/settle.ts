import { keepSeenAt, RECORD_LIMITS, type AnnotationRecord, type ArticleRecord } from '../model';
import { trustedCanonical } from '../page/article-key';
import { normalizeUrl } from '../page/normalize-url';
import { isRecord } from './parsed';
import type { ExportVersion } from './schema';

// What an import file holds is made to look as the extension itself would have written it, so a
// record from a hand-edited file or another tool meets the same record from this library.

/** A time more than a day after the import is not a time anything was written at. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The first address and the latest ones, within the record's limit: trimmed, never refused. */
export function trimSeenAt(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.seenAt)) return raw;
  const seen: unknown[] = raw.seenAt;
  return seen.length <= RECORD_LIMITS.seenAt ? raw : { ...raw, seenAt: keepSeenAt(seen) };
}

/** Past any page's text: a larger position is a tool's mistake, kept as a hint at the end. */
export const MAX_POSITION = 100_000_000;

function clampOffset(n: number): number {
  return Math.min(MAX_POSITION, Math.max(0, Math.round(n)));
}

/**
 * A TextPositionSelector as the extension would write it, or null when it holds no numbers. A
 * position is only a hint for finding the quote, so a bad one is mended (negative, fractional,
 * huge, reversed) or dropped: the note is never refused for it.
 */
export function clampPosition(
  raw: unknown,
): { type: 'TextPositionSelector'; start: number; end: number } | null {
  if (!isRecord(raw)) return null;
  const { start, end } = raw;
  if (typeof start !== 'number' || typeof end !== 'number') return null;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  const [a, b] = [clampOffset(start), clampOffset(end)];
  return { type: 'TextPositionSelector', start: Math.min(a, b), end: Math.max(a, b) };
}

/** An annotation whose position hint is mended or dropped (see clampPosition), before validation. */
export function mendPosition(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.selectors) || !('position' in raw.selectors)) return raw;
  const { position, ...rest } = raw.selectors;
  const mended = clampPosition(position);
  return { ...raw, selectors: mended ? { ...rest, position: mended } : rest };
}

function future(times: readonly (string | null)[], now: Date): string | null {
  const limit = now.getTime() + FUTURE_SLACK_MS;
  return times.find((t) => t !== null && Date.parse(t) > limit) ?? null;
}

/** An article as the extension keys it (normalised addresses), or why it is refused. */
export function settleArticle(
  record: ArticleRecord,
  now: Date,
): { record: ArticleRecord } | { reason: string } {
  const late = future([record.savedAt, record.updatedAt, record.facts?.analyzedAt ?? null], now);
  if (late !== null) return { reason: `a time in the future (${late})` };
  const seenAt = [...new Set(record.seenAt.map((u) => normalizeUrl(u) ?? u))];
  const url = normalizeUrl(record.url) ?? record.url;
  // A canonical on another site than the article's key is not kept (it would be opened).
  const canonicalUrl = trustedCanonical(url, record.canonicalUrl);
  return { record: { ...record, url, seenAt, canonicalUrl } };
}

/** An annotation as the extension writes it (lower-case id, normalised article), or why not. */
export function settleAnnotation(
  record: AnnotationRecord,
  now: Date,
): { record: AnnotationRecord } | { reason: string } {
  const checked = record.anchoring?.checkedAt ?? null;
  const late = future([record.createdAt, record.modifiedAt, checked], now);
  if (late !== null) return { reason: `a time in the future (${late})` };
  return {
    record: {
      ...record,
      // Two spellings of one UUID are one note.
      id: record.id.toLowerCase(),
      articleUrl: normalizeUrl(record.articleUrl) ?? record.articleUrl,
    },
  };
}

/** A version as the extension keys it (normalised article address), or why it is refused. */
export function settleVersion(
  record: ExportVersion,
  now: Date,
): { record: ExportVersion } | { reason: string } {
  const late = future([record.seenAt], now);
  if (late !== null) return { reason: `a time in the future (${late})` };
  return {
    record: { ...record, articleUrl: normalizeUrl(record.articleUrl) ?? record.articleUrl },
  };
}
