// Structured averaged perceptron over BILOU tags (Collins 2002), float weights while
// training, quantised to int8 for shipping.
import { viterbi } from '../../lib/article/entities/decode.ts';
import type { LinearModel } from '../../lib/article/entities/model.ts';
import type { Scorer } from '../../lib/article/entities/pipeline.ts';
import { N_TAGS } from '../../lib/article/entities/tags.ts';

export interface Example {
  features: Uint32Array[];
  gold: Uint8Array;
}

const T_SIZE = (N_TAGS + 1) * N_TAGS;

export class Perceptron implements Scorer {
  index = new Map<number, number>();
  w = new Float64Array(1 << 16);
  u = new Float64Array(1 << 16);
  transitions = new Float64Array(T_SIZE);
  tu = new Float64Array(T_SIZE);
  c = 1;

  private row(key: number): number {
    let r = this.index.get(key);
    if (r === undefined) {
      r = this.index.size;
      this.index.set(key, r);
      if ((r + 1) * N_TAGS > this.w.length) {
        const w = new Float64Array(this.w.length * 2);
        w.set(this.w);
        this.w = w;
        const u = new Float64Array(this.u.length * 2);
        u.set(this.u);
        this.u = u;
      }
    }
    return r;
  }

  /** Float emission scores, the same layout as the shipped model's. */
  emissions(features: Uint32Array[]): Float64Array {
    const out = new Float64Array(features.length * N_TAGS);
    features.forEach((keys, i) => {
      for (const key of keys) {
        const r = this.index.get(key);
        if (r === undefined) continue;
        for (let t = 0; t < N_TAGS; t++)
          out[i * N_TAGS + t] = (out[i * N_TAGS + t] ?? 0) + (this.w[r * N_TAGS + t] ?? 0);
      }
    });
    return out;
  }

  private bump(keys: Uint32Array, tag: number, d: number): void {
    for (const key of keys) {
      const i = this.row(key) * N_TAGS + tag;
      this.w[i] = (this.w[i] ?? 0) + d;
      this.u[i] = (this.u[i] ?? 0) + this.c * d;
    }
  }

  private bumpT(from: number, to: number, d: number): void {
    const i = (from + 1) * N_TAGS + to;
    this.transitions[i] = (this.transitions[i] ?? 0) + d;
    this.tu[i] = (this.tu[i] ?? 0) + this.c * d;
  }

  /** One pass over the examples in a seeded random order. */
  epoch(examples: Example[], rand: () => number): number {
    const order = examples.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let errors = 0;
    for (const k of order) {
      const ex = examples[k];
      if (ex === undefined) continue;
      const n = ex.gold.length;
      const pred = viterbi(n, this.emissions(ex.features), this.transitions);
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i] ?? 0;
        const p = pred[i] ?? 0;
        const gp = i > 0 ? (ex.gold[i - 1] ?? 0) : -1;
        const pp = i > 0 ? (pred[i - 1] ?? 0) : -1;
        if (g !== p) {
          errors++;
          const keys = ex.features[i] ?? new Uint32Array();
          this.bump(keys, g, 1);
          this.bump(keys, p, -1);
        }
        if (g !== p || gp !== pp) {
          this.bumpT(gp, g, 1);
          this.bumpT(pp, p, -1);
        }
      }
      this.c++;
    }
    return errors;
  }

  /** Replaces weights by their average over all updates. */
  average(): void {
    for (let i = 0; i < this.index.size * N_TAGS; i++)
      this.w[i] = (this.w[i] ?? 0) - (this.u[i] ?? 0) / this.c;
    for (let i = 0; i < T_SIZE; i++)
      this.transitions[i] = (this.transitions[i] ?? 0) - (this.tu[i] ?? 0) / this.c;
    this.u.fill(0);
    this.tu.fill(0);
  }

  /** Number of non-zero weights. */
  nonZero(): number {
    let n = 0;
    for (let i = 0; i < this.index.size * N_TAGS; i++) if (this.w[i] !== 0) n++;
    return n;
  }

  // `clip` maps to 127; weights rounding to |q| < minAbs are dropped, and empty rows with them.
  /** int8 weights for shipping, pruned: most features only ever earned tiny weights. */
  quantise(clip: number, minAbs: number): LinearModel {
    const q = (v: number): number => {
      const x = Math.round((v / clip) * 127);
      return Math.abs(x) < minAbs ? 0 : Math.max(-127, Math.min(127, x));
    };
    const index = new Map<number, number>();
    const rows: number[] = [];
    for (const [key, r] of this.index) {
      const vals: number[] = [];
      let any = false;
      for (let t = 0; t < N_TAGS; t++) {
        const v = q(this.w[r * N_TAGS + t] ?? 0);
        vals.push(v);
        if (v !== 0) any = true;
      }
      if (!any) continue;
      index.set(key, rows.length / N_TAGS);
      rows.push(...vals);
    }
    const transitions = Int16Array.from(this.transitions, (v) =>
      Math.max(-32767, Math.min(32767, Math.round((v / clip) * 127))),
    );
    return { index, weights: Int8Array.from(rows), transitions };
  }

  /** A magnitude below which `share` of the non-zero weights fall. */
  percentile(share: number): number {
    const mags: number[] = [];
    for (let i = 0; i < this.index.size * N_TAGS; i++) {
      const v = Math.abs(this.w[i] ?? 0);
      if (v > 0) mags.push(v);
    }
    mags.sort((a, b) => a - b);
    return mags[Math.min(mags.length - 1, Math.floor(share * mags.length))] ?? 1;
  }
}
