/**
 * Which query words each annotation and article holds: one bit per query word, set by walking
 * the postings of the words each query word prefixes, and whether it holds the query as a
 * phrase. The marks are typed arrays reused from query to query, so typing does not churn the
 * garbage collector.
 */
import type { PackedRows } from './packed-rows';
import { prefixRange, wordId, type PrefixRange, type WordIndex } from './word-index';

/** Query words beyond this many are ignored (each word is one bit of a 32-bit mask). */
export const MAX_QUERY_WORDS = 32;

/** Per annotation and per article: which query words it holds, as prefixes and whole. */
export interface MatchMarks {
  itemMatched: Uint32Array;
  itemWhole: Uint32Array;
  /** 1 where the annotation's own text holds the phrase. */
  itemPhrase: Uint8Array;
  articleMatched: Uint32Array;
  articleWhole: Uint32Array;
  articlePhrase: Uint8Array;
}

/** Marks sized for an index of this many annotations and articles. */
export function createMatchMarks(itemCount: number, articleCount: number): MatchMarks {
  return {
    itemMatched: new Uint32Array(itemCount),
    itemWhole: new Uint32Array(itemCount),
    itemPhrase: new Uint8Array(itemCount),
    articleMatched: new Uint32Array(articleCount),
    articleWhole: new Uint32Array(articleCount),
    articlePhrase: new Uint8Array(articleCount),
  };
}

/** What marking a query found. */
export interface QueryMarks {
  /** The mask of a text holding every query word. */
  all: number;
  /** Whether the query is one word, which every text holding it holds "as a phrase". */
  single: boolean;
}

/**
 * Marks the texts holding each query word (`words` as folded, repeats allowed), then those
 * holding the whole query as a phrase. Null when some word prefixes no word at all: nothing
 * can match.
 */
export function markQuery(index: WordIndex, words: string[], marks: MatchMarks): QueryMarks | null {
  const { vocabulary, itemPostings, articlePostings } = index;
  const unique = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
  const all = unique.length === 32 ? 0xffffffff : (1 << unique.length) - 1;
  marks.itemMatched.fill(0);
  marks.itemWhole.fill(0);
  marks.articleMatched.fill(0);
  marks.articleWhole.fill(0);
  let last: PrefixRange | null = null;
  for (let w = 0; w < unique.length; w++) {
    const word = unique[w] ?? '';
    const range = prefixRange(vocabulary, word);
    if (range.lo === range.hi) return null;
    const bit = 1 << w;
    markPostings(itemPostings, range, bit, marks.itemMatched, marks.itemWhole);
    markPostings(articlePostings, range, bit, marks.articleMatched, marks.articleWhole);
    if (word === words.at(-1)) last = range;
  }

  marks.itemPhrase.fill(0);
  marks.articlePhrase.fill(0);
  const single = words.length === 1;
  // In a phrase every word but the last is whole; the last may still be being typed.
  const leading = words.slice(0, -1).map((word) => wordId(vocabulary, word));
  if (!single && last && !leading.includes(-1)) {
    const phrase: Phrase = { leading, lastLo: last.lo, lastHi: last.hi, all };
    const { itemTokens, articleTokens } = index;
    markPhrases(itemTokens, itemPostings, phrase, marks.itemMatched, marks.itemPhrase);
    markPhrases(articleTokens, articlePostings, phrase, marks.articleMatched, marks.articlePhrase);
  }
  return { all, single };
}

/** Sets `bit` for every row the postings of words [lo, hi) name, and in `whole` for `exact`'s. */
export function markPostings(
  postings: PackedRows,
  range: PrefixRange,
  bit: number,
  matched: Uint32Array,
  whole: Uint32Array,
): void {
  const { start, values } = postings;
  const { lo, hi, exact } = range;
  for (let w = lo; w < hi; w++) {
    const end = start[w + 1] ?? 0;
    const target = w === exact ? whole : null;
    for (let p = start[w] ?? 0; p < end; p++) {
      const n = values[p] ?? 0;
      matched[n] = (matched[n] ?? 0) | bit;
      if (target) target[n] = (target[n] ?? 0) | bit;
    }
  }
}

/** A phrase as word ids: these words exactly, then one in [lastLo, lastHi) (being typed). */
export interface Phrase {
  leading: number[];
  lastLo: number;
  lastHi: number;
  /** The mask of a row holding all the query's words. */
  all: number;
}

/**
 * Marks the rows holding the phrase. Only rows holding its first word and all the query's
 * words (per `matched`) are read, each in one tight pass over its word ids.
 */
export function markPhrases(
  rows: PackedRows,
  postings: PackedRows,
  phrase: Phrase,
  matched: Uint32Array,
  marks: Uint8Array,
): void {
  const { start, values } = rows;
  const { leading, lastLo, lastHi, all } = phrase;
  const firstId = leading[0] ?? -1;
  const end = postings.start[firstId + 1] ?? 0;
  for (let q = postings.start[firstId] ?? 0; q < end; q++) {
    const row = postings.values[q] ?? 0;
    if (matched[row] !== all) continue;
    const last = (start[row + 1] ?? 0) - leading.length - 1;
    for (let p = start[row] ?? 0; p <= last; p++) {
      if (values[p] !== firstId) continue;
      let k = 1;
      while (k < leading.length && values[p + k] === leading[k]) k++;
      const tail = values[p + k] ?? -1;
      if (k === leading.length && tail >= lastLo && tail < lastHi) {
        marks[row] = 1;
        break;
      }
    }
  }
}
