/** Sorting an anchoring outcome against ground truth, for bench-edits.ts. */
import type { Truth } from './edits';

/** What became of one highlight. */
export type Outcome =
  | 'correct'
  | 'changed-right'
  | 'honest-orphan'
  | 'on-rewrite'
  | 'imprecise'
  | 'wrong'
  | 'lost'
  | 'missed';

/** Outcomes in report order, with the column titles used in tables. */
export const OUTCOMES: readonly [Outcome, string][] = [
  ['correct', 'correct'],
  ['changed-right', 'changed, right'],
  ['honest-orphan', 'honest orphan'],
  ['on-rewrite', 'on its rewrite'],
  ['wrong', '**wrong**'],
  ['imprecise', 'imprecise'],
  ['lost', 'lost'],
  ['missed', 'missed edit'],
];

/**
 * Classify: `found` is the anchored [start, end) in the edited page's text (null for an orphan),
 * `truth` where the passage really is ([start, end) likewise, or gone), `sameText` whether the
 * anchored text equals the true passage's text (white space aside).
 */
export function classify(
  truth: Truth,
  truthSpan: [number, number] | null,
  found: [number, number] | null,
  sameText: boolean,
): Outcome {
  if (!found) {
    if (truth.kind === 'gone' || truth.kind === 'rewritten') return 'honest-orphan';
    return truth.kind === 'same' ? 'lost' : 'missed';
  }
  if (!truthSpan) return 'wrong';
  const overlap = Math.min(found[1], truthSpan[1]) - Math.max(found[0], truthSpan[0]);
  if (overlap <= 0) return 'wrong';
  if (truth.kind === 'rewritten' || truth.kind === 'gone') return 'on-rewrite';
  const union = Math.max(found[1], truthSpan[1]) - Math.min(found[0], truthSpan[0]);
  if (overlap / union < 0.5) return 'imprecise';
  if (truth.kind === 'changed') return 'changed-right';
  return sameText ? 'correct' : 'imprecise';
}
