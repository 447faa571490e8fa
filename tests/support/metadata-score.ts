import { findDatesInText } from '../../lib/article/metadata/dates';
/** Scoring rules of corpora/README.md, shared by the eval script and any later `npm run eval`. */
import { bagF1 } from '../../lib/article/metadata/text';

/** Normalises a headline for exact comparison: NFKC, lower case, straight quotes and dashes, collapsed space. */
export function normaliseHeadline(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string, drop: ReadonlySet<string> = new Set()): string[] {
  return (normaliseHeadline(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !drop.has(w));
}

/** Bag-of-words F1 between two token lists; two empty lists agree. */
export function f1(out: string[], gold: string[]): number {
  if (out.length === 0 || gold.length === 0) return out.length === gold.length ? 1 : 0;
  return bagF1(out, gold);
}

/** Headline scores: exact after normalisation, near when token F1 ≥ 0.9; a null label wants no headline. */
export function scoreHeadline(
  out: string | null,
  label: string | null,
): { exact: boolean; near: boolean } {
  if (label === null) return { exact: out === null, near: out === null };
  if (out === null) return { exact: false, near: false };
  const exact = normaliseHeadline(out) === normaliseHeadline(label);
  return { exact, near: exact || f1(words(out), words(label)) >= 0.9 };
}

/** The UTC calendar day of an ISO string with an offset, or null. */
function utcDay(iso: string): string | null {
  if (!/T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(iso)) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * A label as a calendar day. Two labels of the trafilatura set write YYYY-DD-MM ("2022-29-11"): a
 * month over 12 can only be that, so it is read so, whatever the extractor answered.
 */
export function labelledDay(label: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (!m || Number(m[2]) <= 12 || Number(m[3]) > 12) return label;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

/** Published day: right when the written day or the UTC day equals the label; a null label wants no date. */
export function scorePublished(out: string | null, label: string | null): boolean {
  if (label === null) return out === null;
  if (out === null) return false;
  const day = labelledDay(label);
  return out.slice(0, 10) === day || utcDay(out) === day;
}

const BYLINE_DROP = new Set(['by', 'and']);

/** Byline token F1 (lower-cased, punctuation, "by" and "and" dropped); a null label wants no byline. */
export function scoreByline(out: string[], label: string | null): number {
  if (label === null) return out.length === 0 ? 1 : 0;
  return f1(words(out.join(' '), BYLINE_DROP), words(label, BYLINE_DROP));
}

/**
 * True when a page writes a day anywhere a reader or a program could find it: in its text (scripts
 * included), an attribute value in ISO form, or its URL. A labelled day written nowhere is a
 * labelling slip or a date only the live page had; the eval counts those pages apart. The test
 * looks at the page alone, never at what the extractor answered.
 */
export function pageWritesDay(
  html: string,
  text: string,
  url: string,
  day: string,
  lang: string | null,
): boolean {
  if (
    html.includes(day) ||
    url.includes(day.replaceAll('-', '/')) ||
    url.includes(day.replaceAll('-', ''))
  )
    return true;
  const [y, m, d] = day.split('-').map(Number);
  return findDatesInText(text.slice(0, MAX_SCANNED), lang, Date.now()).some(
    (t) => t.parts.year === y && t.parts.month === m && t.parts.day === d,
  );
}

const MAX_SCANNED = 400_000;
