/** Ground truth needs a passage that can only be in one place on its original page. */
import { DEFAULT_ANCHOR_OPTIONS } from '../../lib/anchoring/anchor';
import { boundariesAgree, isBoundary } from '../../lib/anchoring/boundary';
import { foldString, foldedIndexAt, rawSpan } from '../../lib/anchoring/fold';
import { contextMean, exactCandidates } from '../../lib/anchoring/match-quote';
import type { TextModel } from '../../lib/anchoring/text-model';
import type { Selectors } from '../../lib/anchoring/types';

/**
 * Whether the passage has a look-alike on its own (original) page: the same words elsewhere,
 * between words as it is, with surroundings that agree at least half (or any repeat of a
 * long quote). Pages repeat photo credits, teasers and near-identical sentences; where the
 * highlighted one is deleted, its twin is no worse an answer, and the benchmark cannot say
 * which one the reader meant. Such highlights are counted apart.
 */
export function isAmbiguous(model: TextModel, selectors: Selectors): boolean {
  const { quote, position } = selectors;
  const q = {
    exact: foldString(quote.exact),
    prefix: foldString(quote.prefix),
    suffix: foldString(quote.suffix),
    hint: null,
    wordStart: isBoundary(quote.prefix.at(-1), quote.exact[0]),
    wordEnd: isBoundary(quote.exact.at(-1), quote.suffix[0]),
  };
  const own = position ? foldedIndexAt(model.folded, position.start) : -1;
  const long = q.exact.length >= DEFAULT_ANCHOR_OPTIONS.selfSufficientLength;
  return exactCandidates(model.folded.text, q).some((c) => {
    if (c.start === own) return false;
    const [start, end] = rawSpan(model.folded, c.start, c.end);
    if (!boundariesAgree(model.text, start, end, q.wordStart, q.wordEnd)) return false;
    return long || contextMean(c) >= 0.5;
  });
}
