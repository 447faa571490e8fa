// The stored selectors are a record of the model (lib/model/annotation.ts); type-only here.
export type { Selectors, TextPositionSelector, TextQuoteSelector } from '../model';

/** Which of the anchoring strategies found the passage (for diagnostics and benchmarks). */
export type AnchorMethod = 'version' | 'position' | 'exact' | 'fuzzy';

/** Where a highlight landed, or that it honestly could not be placed. */
export type AnchorResult =
  | {
      status: 'anchored';
      range: Range;
      /** True when the anchored text differs from the stored quote (beyond white space). */
      changed: boolean;
      /** Confidence in [0, 1]: mostly quote similarity, the rest context agreement. */
      score: number;
      /** The anchored text as it is on the page now. */
      text: string;
      method: AnchorMethod;
    }
  | { status: 'orphan' };

/** Thresholds of the anchoring decision; the defaults were chosen on scripts/anchoring/bench-edits.ts. */
export interface AnchorOptions {
  /** Fuzzy matches need at least this quote similarity (1 − edits ÷ quote length). */
  minQuoteSimilarity?: number;
  /** Context (the mean similarity of prefix and suffix) must be at least this. */
  minContextSimilarity?: number;
  /** Quotes shorter than this (folded characters) are never fuzzy-matched. */
  minFuzzyLength?: number;
  /** Context those short quotes need instead of minContextSimilarity: they rely on it alone. */
  shortQuoteContext?: number;
  /**
   * A fuzzy match whose numbers differ from the quote's needs at least this quote similarity,
   * and the numbers of its context unchanged; 0 turns the numbers rule off.
   */
  changedNumbersSimilarity?: number;
  /** An exact match of a quote at least this long (folded characters) needs no context if it is the only one. */
  selfSufficientLength?: number;
}

/** Which subtrees are left out of the text model, beyond the built-in list. */
export interface TextModelOptions {
  /** Return true for an element whose subtree is not page text (e.g. the extension's own UI). */
  exclude?: (element: Element) => boolean;
}
