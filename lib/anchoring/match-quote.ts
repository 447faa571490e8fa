import search from 'approx-string-match';
import { prefixSimilarity, suffixSimilarity } from './similarity';

/** A place in the folded text where the quote (or something like it) stands. */
export interface Candidate {
  start: number;
  end: number;
  /** 1 − edits ÷ quote length; 1 for an exact match. */
  quoteSimilarity: number;
  prefixSimilarity: number;
  suffixSimilarity: number;
}

/** The folded quote and context of one highlight, with where it used to be. */
export interface FoldedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Folded offset where the passage used to start, if a position was stored. */
  hint: number | null;
  /** The quote started / ended between words on the original page (boundary.ts). */
  wordStart: boolean;
  wordEnd: boolean;
}

// A one-letter quote may occur thousands of times; scoring every occurrence's context would
// cost more than it could tell us.
const MAX_EXACT_CANDIDATES = 2000;

function scored(text: string, q: FoldedQuote, start: number, end: number, sim: number): Candidate {
  return {
    start,
    end,
    quoteSimilarity: sim,
    prefixSimilarity: prefixSimilarity(text, start, q.prefix),
    suffixSimilarity: suffixSimilarity(text, end, q.suffix),
  };
}

/** Every exact occurrence of the folded quote, with its context scored. */
export function exactCandidates(text: string, q: FoldedQuote): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf(q.exact);
  while (at !== -1 && found.length < MAX_EXACT_CANDIDATES) {
    found.push(scored(text, q, at, at + q.exact.length, 1));
    at = text.indexOf(q.exact, at + 1);
  }
  return found;
}

/**
 * Approximate occurrences in text[from, to) with at most `maxErrors` edits (only the best ones,
 * per approx-string-match), with offsets and context taken in the whole text.
 */
export function fuzzyCandidates(
  text: string,
  q: FoldedQuote,
  maxErrors: number,
  from = 0,
  to = text.length,
): Candidate[] {
  const seen = new Set<number>();
  const found: Candidate[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of search(slice, q.exact, maxErrors)) {
    // Matches ending one character apart usually share a start: keep one per start.
    if (seen.has(m.start) || m.end <= m.start) continue;
    seen.add(m.start);
    const sim = 1 - m.errors / q.exact.length;
    found.push(scored(text, q, from + m.start, from + m.end, sim));
  }
  return found;
}

/** Context agreement of a candidate: the two sides summed, in [0, 2]. */
export function contextScore(c: Candidate): number {
  return c.prefixSimilarity + c.suffixSimilarity;
}

/**
 * Context agreement as the mean of both sides, in [0, 1]. The mean rather than the better side:
 * on real pages one side alone often agrees by accident (parallel sentences, repeated photo
 * credits), which put short quotes on the wrong words in the benchmark; an intact side plus a
 * little of the other still passes.
 */
export function contextMean(c: Candidate): number {
  return (c.prefixSimilarity + c.suffixSimilarity) / 2;
}

/**
 * The most plausible candidate: most similar quote, then best context, then nearest the old
 * position (moved text keeps roughly its place more often than not).
 */
export function pickBest(candidates: readonly Candidate[], hint: number | null): Candidate | null {
  let best: Candidate | null = null;
  let bestKey = -Infinity;
  for (const c of candidates) {
    const distance = hint === null ? 0 : Math.abs(c.start - hint);
    // Quote similarity dominates, context next; distance only breaks ties (< 0.01 in effect).
    const key = 4 * c.quoteSimilarity + contextScore(c) - 0.01 * (distance / (distance + 1000));
    if (key > bestKey) {
      bestKey = key;
      best = c;
    }
  }
  return best;
}
