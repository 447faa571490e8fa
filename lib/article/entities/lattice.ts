// Viterbi decoding for the runtime tagger (tagger.ts): decodes as decode.ts's viterbi(),
// ties included, but over flat per-document arrays and with BILOU's transition structure
// unrolled, since most tag pairs can never follow each other.
import { N_TAGS, O, allowed, canEnd } from './tags.ts';

const ALL_TAGS = (1 << N_TAGS) - 1;

// Which tags may start and end a sentence.
let startMask = 0;
let endMask = 0;
for (let t = 0; t < N_TAGS; t++) {
  if (allowed(-1, t)) startMask |= 1 << t;
  if (canEnd(t)) endMask |= 1 << t;
}

// BILOU's transition structure, which the lattice below unrolls: after a closed tag (O, L-x,
// U-x) comes O, B-y or U-y; after an open one (B-x, I-x) comes I-x or L-x. Checked
// against tags.ts's allowed() when the module loads.
const CLOSED = [0, 3, 4, 7, 8, 11, 12, 15, 16];
const OPENING = [0, 1, 4, 5, 8, 9, 12, 13, 16];
for (let f = -1; f < N_TAGS; f++)
  for (let t = 0; t < N_TAGS; t++) {
    const fromClosed = f < 0 || CLOSED.includes(f);
    const ok = fromClosed
      ? OPENING.includes(t)
      : Math.floor((f - 1) / 4) === Math.floor((t - 1) / 4) && (t - 1) % 4 >= 1 && (t - 1) % 4 <= 2;
    if (ok !== allowed(f, t)) throw new Error('entity tagger: unexpected tag transitions');
  }

/** A model's transition scores laid out for the lattice. */
export interface Transitions {
  /** From the sentence start to each tag. */
  start: Float64Array;
  /** closed[j * 9 + i]: from CLOSED[i] to OPENING[j]. */
  closed: Float64Array;
  /** open[k * 4 + ...]: B-k to I-k, I-k to I-k, B-k to L-k, I-k to L-k. */
  open: Float64Array;
}

/** Lays out a model's transition scores (see LinearModel) for the lattice. */
export function transitions(t: Int16Array): Transitions {
  const at = (from: number, to: number): number => t[(from + 1) * N_TAGS + to] ?? 0;
  const closed = new Float64Array(81);
  OPENING.forEach((to, j) => CLOSED.forEach((from, i) => (closed[j * 9 + i] = at(from, to))));
  const open = new Float64Array(16);
  for (let k = 0; k < 4; k++) {
    const b = 1 + 4 * k;
    open.set([at(b, b + 1), at(b + 1, b + 1), at(b, b + 2), at(b + 1, b + 2)], k * 4);
  }
  return { start: Float64Array.from(t.subarray(0, N_TAGS)), closed, open };
}

/** Viterbi buffers for one document; decodes as decode.ts's viterbi(), ties included. */
export class Lattice {
  private readonly score: Float64Array;
  private readonly back: Int8Array;

  constructor(maxTokens: number) {
    this.score = new Float64Array(maxTokens * N_TAGS);
    this.back = new Int8Array(maxTokens * N_TAGS);
  }

  /** Tags tokens [a, b) into `out`; `mask` (per token, relative to a) restricts tags. */
  decode(
    a: number,
    b: number,
    em: Int32Array,
    trans: Transitions,
    mask: Uint32Array | undefined,
    out: Uint8Array,
  ): void {
    const n = b - a;
    if (n === 0) return;
    const score = this.score;
    const back = this.back;
    const base = a * N_TAGS;
    const start = trans.start;
    const closed = trans.closed;
    const open = trans.open;
    const m0 = mask === undefined ? ALL_TAGS : (mask[0] ?? ALL_TAGS);
    for (let t = 0; t < N_TAGS; t++) {
      score[base + t] =
        (startMask & m0 & (1 << t)) !== 0 ? (start[t] ?? 0) + (em[base + t] ?? 0) : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      const prev = base + (i - 1) * N_TAGS;
      const cur = prev + N_TAGS;
      const m = mask === undefined ? ALL_TAGS : (mask[i] ?? ALL_TAGS);
      // Predecessors are tried in ascending tag order and only a strictly better one
      // replaces the best, as in decode.ts.
      const s0 = score[prev] ?? 0;
      const s3 = score[prev + 3] ?? 0;
      const s4 = score[prev + 4] ?? 0;
      const s7 = score[prev + 7] ?? 0;
      const s8 = score[prev + 8] ?? 0;
      const s11 = score[prev + 11] ?? 0;
      const s12 = score[prev + 12] ?? 0;
      const s15 = score[prev + 15] ?? 0;
      const s16 = score[prev + 16] ?? 0;
      for (let j = 0; j < 9; j++) {
        const t = OPENING[j] ?? 0;
        if ((m & (1 << t)) === 0) {
          score[cur + t] = -Infinity;
          continue;
        }
        const c = j * 9;
        let best = s0 + (closed[c] ?? 0);
        let arg = 0;
        let v = s3 + (closed[c + 1] ?? 0);
        if (v > best) {
          best = v;
          arg = 3;
        }
        v = s4 + (closed[c + 2] ?? 0);
        if (v > best) {
          best = v;
          arg = 4;
        }
        v = s7 + (closed[c + 3] ?? 0);
        if (v > best) {
          best = v;
          arg = 7;
        }
        v = s8 + (closed[c + 4] ?? 0);
        if (v > best) {
          best = v;
          arg = 8;
        }
        v = s11 + (closed[c + 5] ?? 0);
        if (v > best) {
          best = v;
          arg = 11;
        }
        v = s12 + (closed[c + 6] ?? 0);
        if (v > best) {
          best = v;
          arg = 12;
        }
        v = s15 + (closed[c + 7] ?? 0);
        if (v > best) {
          best = v;
          arg = 15;
        }
        v = s16 + (closed[c + 8] ?? 0);
        if (v > best) {
          best = v;
          arg = 16;
        }
        score[cur + t] = best + (em[cur + t] ?? 0);
        back[cur + t] = arg;
      }
      for (let k = 0; k < 4; k++) {
        const bTag = 1 + 4 * k;
        const sb = score[prev + bTag] ?? 0;
        const si = score[prev + bTag + 1] ?? 0;
        const o = k * 4;
        // I-k, then L-k: from B-k or I-k.
        for (let q = 0; q < 2; q++) {
          const t = bTag + 1 + q;
          if ((m & (1 << t)) === 0) {
            score[cur + t] = -Infinity;
            continue;
          }
          const fromB = sb + (open[o + 2 * q] ?? 0);
          const fromI = si + (open[o + 2 * q + 1] ?? 0);
          const useI = fromI > fromB;
          score[cur + t] = (useI ? fromI : fromB) + (em[cur + t] ?? 0);
          back[cur + t] = useI ? bTag + 1 : bTag;
        }
      }
    }
    const last = base + (n - 1) * N_TAGS;
    let best = -Infinity;
    let arg = 0;
    for (let t = 0; t < N_TAGS; t++) {
      const s = score[last + t] ?? -Infinity;
      if ((endMask & (1 << t)) !== 0 && s > best) {
        best = s;
        arg = t;
      }
    }
    // Contradictory constraints leave no legal path: decode without them rather than emit junk.
    if (best === -Infinity) {
      if (mask !== undefined) this.decode(a, b, em, trans, undefined, out);
      else out.fill(O, a, b);
      return;
    }
    for (let i = n - 1; i >= 0; i--) {
      out[a + i] = arg;
      arg = back[base + i * N_TAGS + arg] ?? 0;
    }
  }
}
