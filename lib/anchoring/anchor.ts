import { boundariesAgree, isBoundary } from './boundary';
import { collapseWhitespace, foldString, foldedIndexAt, rawSpan } from './fold';
import {
  contextMean,
  contextScore,
  exactCandidates,
  fuzzyCandidates,
  pickBest,
  type Candidate,
  type FoldedQuote,
} from './match-quote';
import { prefixSimilarity, suffixSimilarity } from './similarity';
import { buildTextModel, rangeFromOffsets, type TextModel } from './text-model';
import { plausibleLength, type VersionDiff } from './version-hint';
import type {
  AnchorMethod,
  AnchorOptions,
  AnchorResult,
  Selectors,
  TextModelOptions,
} from './types';

/** The thresholds in use unless overridden; see scripts/anchoring/bench-edits.ts for why. */
export const DEFAULT_ANCHOR_OPTIONS: Readonly<Required<AnchorOptions>> = {
  minQuoteSimilarity: 0.8,
  minContextSimilarity: 0.6,
  minFuzzyLength: 12,
  shortQuoteContext: 0.75,
  changedNumbersSimilarity: 0.9,
  selfSufficientLength: 30,
};

const ORPHAN: AnchorResult = { status: 'orphan' };

/** Folded characters searched on each side of the old position before the whole page. */
const NEARBY = 2000;

/**
 * Whether two texts state the same numbers. Claims differ in their numbers: a parallel sentence
 * ("inflation in Poland was 3.1 % in March" vs "in the euro area, 8.1 % in March") is a close
 * fuzzy match with context that half agrees, and must not inherit the highlight.
 */
function sameNumbers(a: string, b: string): boolean {
  const numbers = (s: string) => (s.match(/\p{Nd}+/gu) ?? []).join(' ');
  return numbers(a) === numbers(b);
}

function foldQuote(model: TextModel, selectors: Selectors): FoldedQuote {
  const { quote, position } = selectors;
  return {
    exact: foldString(quote.exact),
    prefix: foldString(quote.prefix),
    suffix: foldString(quote.suffix),
    hint: position ? foldedIndexAt(model.folded, position.start) : null,
    wordStart: isBoundary(quote.prefix.at(-1), quote.exact[0]),
    wordEnd: isBoundary(quote.exact.at(-1), quote.suffix[0]),
  };
}

/** Whether an exact candidate starts and ends like the original quote (between words or not). */
function sameBoundaries(model: TextModel, q: FoldedQuote, c: Candidate): boolean {
  const [start, end] = rawSpan(model.folded, c.start, c.end);
  return boundariesAgree(model.text, start, end, q.wordStart, q.wordEnd);
}

function toResult(
  model: TextModel,
  exact: string,
  c: Candidate,
  method: AnchorMethod,
): AnchorResult {
  const [start, end] = rawSpan(model.folded, c.start, c.end);
  const range = rangeFromOffsets(model, start, end);
  if (!range) return ORPHAN;
  const text = model.text.slice(start, end);
  return {
    status: 'anchored',
    range,
    changed: collapseWhitespace(text) !== collapseWhitespace(exact),
    score: 0.6 * c.quoteSimilarity + 0.2 * contextScore(c),
    text,
    method,
  };
}

/**
 * Anchor selectors in a prebuilt text model: stored position, then exact quote chosen by
 * context, then fuzzy quote that must also clear a minimum similarity and agree on context.
 * @returns an orphan rather than a guess when no candidate clears the thresholds.
 */
export function anchorInModel(
  model: TextModel,
  selectors: Selectors,
  options: AnchorOptions = {},
  version: VersionDiff | null = null,
): AnchorResult {
  // 0. With the text the note was made on, the diff says where the passage went.
  if (version && selectors.position) {
    const found = throughVersion(model, selectors, version);
    if (found) return found;
  }
  const o = { ...DEFAULT_ANCHOR_OPTIONS, ...options };
  const q = foldQuote(model, selectors);
  const text = model.folded.text;
  const length = q.exact.length;
  if (length === 0) return ORPHAN;
  // A short quote ("Putin") is only as good as its context; a long one identifies itself,
  // unless it stands more than once (photo credits, repeated boilerplate).
  const needed = length < o.minFuzzyLength ? o.shortQuoteContext : o.minContextSimilarity;
  const selfSufficient = length >= o.selfSufficientLength;

  // 1. Same text at the same place: the page did not change here. Context must still agree:
  // a deleted paragraph can leave another one starting with the same word at the same offset.
  if (q.hint !== null && text.startsWith(q.exact, q.hint)) {
    const c: Candidate = {
      start: q.hint,
      end: q.hint + length,
      quoteSimilarity: 1,
      prefixSimilarity: prefixSimilarity(text, q.hint, q.prefix),
      suffixSimilarity: suffixSimilarity(text, q.hint + length, q.suffix),
    };
    const agrees = selfSufficient || contextMean(c) >= needed;
    if (agrees && sameBoundaries(model, q, c)) {
      return toResult(model, selectors.quote.exact, c, 'position');
    }
  }

  // 2. The same text elsewhere: pick the occurrence whose context agrees best.
  const occurrences = exactCandidates(text, q).filter((c) => sameBoundaries(model, q, c));
  const exact = pickBest(occurrences, q.hint);
  if (exact && ((selfSufficient && occurrences.length === 1) || contextMean(exact) >= needed)) {
    return toResult(model, selectors.quote.exact, exact, 'exact');
  }

  // 3. Similar text whose surroundings also agree: an edited passage.
  if (length < o.minFuzzyLength) return ORPHAN;
  const maxErrors = Math.floor(length * (1 - o.minQuoteSimilarity));
  if (maxErrors < 1) return ORPHAN;
  const fuzzyOk = (c: Candidate | null): c is Candidate =>
    c !== null &&
    c.quoteSimilarity >= o.minQuoteSimilarity &&
    contextMean(c) >= o.minContextSimilarity &&
    numbersAgree(c);
  // A passage whose numbers changed is a correction only where the numbers around it did not:
  // when they changed too, it is another statement of the same form (another country's rate).
  const numbersAgree = (c: Candidate) => {
    if (o.changedNumbersSimilarity <= 0) return true;
    if (sameNumbers(q.exact, text.slice(c.start, c.end))) return true;
    return (
      c.quoteSimilarity >= o.changedNumbersSimilarity &&
      sameNumbers(q.prefix, text.slice(Math.max(0, c.start - q.prefix.length), c.start)) &&
      sameNumbers(q.suffix, text.slice(c.end, c.end + q.suffix.length))
    );
  };
  // Edited passages mostly stay near where they were: search there first, which is several
  // times faster than the whole page, and only then everywhere.
  if (q.hint !== null) {
    const reach = NEARBY + 2 * length;
    const from = Math.max(0, q.hint - reach);
    const to = Math.min(text.length, q.hint + length + reach);
    const near = pickBest(fuzzyCandidates(text, q, maxErrors, from, to), q.hint);
    if (fuzzyOk(near)) return toResult(model, selectors.quote.exact, near, 'fuzzy');
  }
  const fuzzy = pickBest(fuzzyCandidates(text, q, maxErrors), q.hint);
  return fuzzyOk(fuzzy) ? toResult(model, selectors.quote.exact, fuzzy, 'fuzzy') : ORPHAN;
}

/**
 * The passage followed through the diff from the version it was made on; null when the diff
 * cannot decide (the search then does). The mapped text must still be the quote where the diff
 * says it was kept, or the position belonged to another version.
 */
function throughVersion(
  model: TextModel,
  selectors: Selectors,
  version: VersionDiff,
): AnchorResult | null {
  const { position, quote } = selectors;
  if (!position) return null;
  const mapped = version.map(position.start, position.end);
  if (mapped.kind === 'unknown') return null;
  if (mapped.kind === 'deleted') return ORPHAN;
  const range = rangeFromOffsets(model, mapped.start, mapped.end);
  if (!range) return null;
  const text = model.text.slice(mapped.start, mapped.end);
  const changed = collapseWhitespace(text) !== collapseWhitespace(quote.exact);
  if (mapped.kind !== 'changed' && foldString(text) !== foldString(quote.exact)) return null;
  // A hint from elsewhere is checked again: a changed passage cannot have grown into a page.
  if (mapped.kind === 'changed' && !plausibleLength(quote.exact.length, text.length)) return null;
  const score = changed ? 0.6 : 0.8;
  return { status: 'anchored', range, changed, score, text, method: 'version' };
}

/** Find where stored selectors point in `root` now, or report an honest orphan. */
export function anchor(
  root: Element,
  selectors: Selectors,
  options: AnchorOptions & TextModelOptions = {},
): AnchorResult {
  return anchorInModel(buildTextModel(root, options), selectors, options);
}
