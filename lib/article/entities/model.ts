// The shipped model: int8 weights for the hashed features that survived pruning, stored
// as varint key deltas, then per tag only the non-zero weights (most of a row is zero).
import { N_TAGS } from './tags.ts';

/** A linear tagger: emission weights per hashed feature, and tag transitions. */
export interface LinearModel {
  /** hashed feature -> row number in `weights`. */
  index: Map<number, number>;
  /** rows * N_TAGS weights, row-major. */
  weights: Int8Array;
  /** (N_TAGS + 1) * N_TAGS: from tag (or start, row 0) to tag; int16 as they can exceed the weight clip. */
  transitions: Int16Array;
}

const MAGIC = 0x434d4e31; // "CMN1"

/** Emission scores for each token (row-major, N_TAGS per token). */
export function emissionScores(model: LinearModel, features: Uint32Array[]): Int32Array {
  const out = new Int32Array(features.length * N_TAGS);
  const { index, weights } = model;
  for (let i = 0; i < features.length; i++) {
    const keys = features[i] ?? new Uint32Array();
    const base = i * N_TAGS;
    for (const key of keys) {
      const row = index.get(key);
      if (row === undefined) continue;
      const off = row * N_TAGS;
      for (let t = 0; t < N_TAGS; t++)
        out[base + t] = (out[base + t] ?? 0) + (weights[off + t] ?? 0);
    }
  }
  return out;
}

/** Serialises models to bytes (used by the training script). */
export function encodeModels(models: LinearModel[]): Uint8Array {
  const bytes: number[] = [];
  const u32 = (v: number): void => {
    bytes.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  };
  const varint = (v: number): void => {
    while (v >= 128) {
      bytes.push((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  u32(MAGIC);
  bytes.push(models.length, N_TAGS);
  for (const m of models) {
    for (const v of m.transitions) bytes.push((v >> 8) & 255, v & 255);
    const entries = [...m.index.entries()].sort((a, b) => a[0] - b[0]);
    varint(entries.length);
    let prev = 0;
    for (const [key] of entries) {
      varint(key - prev);
      prev = key;
    }
    // Per tag: the non-zero weights only, as (row gap, value) pairs; most are zero.
    for (let t = 0; t < N_TAGS; t++) {
      const nz: [number, number][] = [];
      entries.forEach(([, row], r) => {
        const v = m.weights[row * N_TAGS + t] ?? 0;
        if (v !== 0) nz.push([r, v]);
      });
      varint(nz.length);
      let last = -1;
      for (const [r] of nz) {
        varint(r - last - 1);
        last = r;
      }
      for (const [, v] of nz) bytes.push(v & 255);
    }
  }
  return Uint8Array.from(bytes);
}

/** Reads models written by encodeModels. */
export function decodeModels(bytes: Uint8Array): LinearModel[] {
  let pos = 0;
  const byte = (): number => {
    const b = bytes[pos++];
    if (b === undefined) throw new Error('entity model: truncated');
    return b;
  };
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = byte();
      v += (b & 127) * mul;
      if (b < 128) return v;
      mul *= 128;
    }
  };
  const magic = ((byte() << 24) | (byte() << 16) | (byte() << 8) | byte()) >>> 0;
  const count = byte();
  if (magic !== MAGIC || byte() !== N_TAGS) throw new Error('entity model: wrong format');
  const models: LinearModel[] = [];
  for (let k = 0; k < count; k++) {
    const transitions = new Int16Array((N_TAGS + 1) * N_TAGS);
    for (let i = 0; i < transitions.length; i++)
      transitions[i] = ((byte() << 24) | (byte() << 16)) >> 16;
    const rows = varint();
    const index = new Map<number, number>();
    let key = 0;
    for (let r = 0; r < rows; r++) {
      key += varint();
      index.set(key, r);
    }
    const weights = new Int8Array(rows * N_TAGS);
    for (let t = 0; t < N_TAGS; t++) {
      const count = varint();
      const at: number[] = [];
      let r = -1;
      for (let k = 0; k < count; k++) {
        r += varint() + 1;
        at.push(r);
      }
      for (const row of at) weights[row * N_TAGS + t] = (byte() << 24) >> 24;
    }
    models.push({ index, weights, transitions });
  }
  return models;
}

/** Base64 to bytes without Node's Buffer, so it runs in the extension. */
export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
