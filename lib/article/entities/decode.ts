import { N_TAGS, allowed, canEnd } from './tags.ts';

// Transition legality never changes: for each tag, the tags that may precede it.
const PREDECESSORS: Int8Array[] = [];
const START_OK: boolean[] = [];
for (let to = 0; to < N_TAGS; to++) {
  const from: number[] = [];
  for (let f = 0; f < N_TAGS; f++) if (allowed(f, to)) from.push(f);
  PREDECESSORS.push(Int8Array.from(from));
  START_OK.push(allowed(-1, to));
}

// Layout: emissions[i * N_TAGS + t] scores tag t at token i; transitions[(from + 1) * N_TAGS
// + to], from = -1 being the sentence start; `permitted` rules tags out (page hints).
/** Best legal BILOU sequence, so a span can never be opened without being closed. */
export function viterbi(
  n: number,
  emissions: ArrayLike<number>,
  transitions: ArrayLike<number>,
  permitted?: (i: number, tag: number) => boolean,
): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * N_TAGS).fill(-Infinity);
  const back = new Int8Array(n * N_TAGS);
  for (let t = 0; t < N_TAGS; t++) {
    if (!START_OK[t] || (permitted && !permitted(0, t))) continue;
    score[t] = (transitions[t] ?? 0) + (emissions[t] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * N_TAGS;
    for (let t = 0; t < N_TAGS; t++) {
      if (permitted && !permitted(i, t)) continue;
      let best = -Infinity;
      let arg = -1;
      const preds = PREDECESSORS[t] ?? new Int8Array();
      for (const f of preds) {
        const s = (score[prev + f] ?? -Infinity) + (transitions[(f + 1) * N_TAGS + t] ?? 0);
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      if (arg < 0) continue;
      score[i * N_TAGS + t] = best + (emissions[i * N_TAGS + t] ?? 0);
      back[i * N_TAGS + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < N_TAGS; t++) {
    const s = score[(n - 1) * N_TAGS + t] ?? -Infinity;
    if (canEnd(t) && s > best) {
      best = s;
      arg = t;
    }
  }
  // Contradictory constraints leave no legal path: decode without them rather than emit junk.
  if (best === -Infinity) return permitted ? viterbi(n, emissions, transitions) : out;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * N_TAGS + arg] ?? 0;
  }
  return out;
}
