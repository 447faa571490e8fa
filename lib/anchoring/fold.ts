/**
 * Typographic folding for comparison. Pages get re-typeset between versions (straight quotes
 * become curly, hyphens become dashes, spaces become NBSP, indentation changes), so text is
 * compared in a folded form: white space and invisible characters dropped, quotes and dashes
 * straightened, compatibility forms (ligatures, "…") decomposed. Case is kept: a change of case
 * is a real edit.
 */

/** The folded form of a text, with the raw offsets every folded character came from. */
export interface FoldedText {
  text: string;
  /** rawStart[i]: offset in the raw text of the character folded character i came from. */
  rawStart: Uint32Array;
}

const DROPPED = /[\s\u00a0\u00ad\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;
const SINGLE_QUOTES = '\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4';
const DOUBLE_QUOTES = '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';

// Non-ASCII characters are rare in English text but common in others; cache their folding.
const cache = new Map<string, string>();

/** The folded form of one UTF-16 code unit: '' (dropped), the character itself, or a replacement. */
export function foldChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return DROPPED.test(ch) ? '' : ch;
  let folded = cache.get(ch);
  if (folded === undefined) {
    if (DROPPED.test(ch)) folded = '';
    else if (SINGLE_QUOTES.includes(ch)) folded = "'";
    else if (DOUBLE_QUOTES.includes(ch)) folded = '"';
    else if (DASHES.includes(ch)) folded = '-';
    else folded = ch.normalize('NFKC');
    cache.set(ch, folded);
  }
  return folded;
}

/** Fold a text and keep, for each folded character, where it came from in the raw text. */
export function foldText(raw: string): FoldedText {
  const parts: string[] = [];
  let rawStart = new Uint32Array(raw.length + 16);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    // Fast path for the common case: printable ASCII other than space maps to itself.
    if (code > 0x20 && code < 0x7f) {
      parts.push(raw[i] as string);
      rawStart[n++] = i;
      continue;
    }
    const folded = foldChar(raw[i] as string);
    // Room for this character's folding, one slot per raw character still to come, and the end.
    const needed = n + folded.length + (raw.length - i) + 1;
    if (needed > rawStart.length) {
      // NFKC can expand one character into several ("…" → "..."): grow the offset table.
      const grown = new Uint32Array(needed * 2);
      grown.set(rawStart);
      rawStart = grown;
    }
    for (let k = 0; k < folded.length; k++) {
      parts.push(folded[k] as string);
      rawStart[n++] = i;
    }
  }
  rawStart[n] = raw.length;
  return { text: parts.join(''), rawStart: rawStart.slice(0, n + 1) };
}

/** The folded form of a string, when no offsets are needed (quotes, prefixes, suffixes). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s[i] as string);
  return out;
}

/** Collapse runs of white space (NBSP included) to one space and trim: the "same text" test. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Index of the first folded character that comes from raw offset `rawOffset` or later. */
export function foldedIndexAt(folded: FoldedText, rawOffset: number): number {
  let lo = 0;
  let hi = folded.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.rawStart[mid] as number) < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The raw [start, end) that folded characters [start, end) came from (end > start). */
export function rawSpan(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.rawStart[start] as number, (folded.rawStart[end - 1] as number) + 1];
}
