// The runtime form of the two-pass tagger, fast where the training pipeline (pipeline.ts)
// is plain: the first pass's features come from the compiled feature table
// (compiled-features.ts), both passes' non-zero weights sit in one compact index of typed
// arrays, the second pass's document features are counted straight into its scores, and
// scores, lattices and tags are flat typed arrays per document.
// tests/unit/entities.test.ts checks that scores and tags equal the reference pipeline's.
import { CompiledFeatures, type Word } from './compiled-features.ts';
import { HASH_BITS, hashFeature } from './feature-hash.ts';
import { AFTER_SENTENCE, BEFORE_SENTENCE, DOCUMENT_FEATURES } from './feature-table.ts';
import type { Gazetteer } from './features.ts';
import { Lattice, type Transitions, transitions } from './lattice.ts';
import type { LinearModel } from './model.ts';
import { N_TAGS, O, TYPES, partOf, tagName, typeOf } from './tags.ts';

const TAG_NAMES = Array.from({ length: N_TAGS }, (_, t) => tagName(t));
const D = DOCUMENT_FEATURES;
// Tag index N_TAGS stands for the sentence boundary.
const P1_HASHES = TAG_NAMES.map((t) => hashFeature(D.tag(t)));
const P1_PREV_HASHES = Array.from({ length: (N_TAGS + 1) * N_TAGS }, (_, k) =>
  hashFeature(
    D.tagAfter(TAG_NAMES[Math.floor(k / N_TAGS)] ?? BEFORE_SENTENCE, TAG_NAMES[k % N_TAGS] ?? ''),
  ),
);
const P1_NEXT_HASHES = Array.from({ length: N_TAGS * (N_TAGS + 1) }, (_, k) =>
  hashFeature(
    D.tagBefore(
      TAG_NAMES[Math.floor(k / (N_TAGS + 1))] ?? '',
      TAG_NAMES[k % (N_TAGS + 1)] ?? AFTER_SENTENCE,
    ),
  ),
);
// Occurrence types: the first-pass type of a word elsewhere, O included.
const OCC_TYPES = ['O', ...TYPES] as const;
const N_OCC = OCC_TYPES.length;
const PART_NAMES = ['O', 'B', 'I', 'L', 'U'] as const;
const SPAN_POS = ['F', 'M', 'L'] as const;
const N_LABELS = TYPES.length * SPAN_POS.length;

const TAG_PART = Int8Array.from({ length: N_TAGS }, (_, t) => PART_NAMES.indexOf(partOf(t)));
/** Tag -> index into OCC_TYPES (0 for O). */
const TAG_TYPE = Int8Array.from({ length: N_TAGS }, (_, t) => {
  const type = typeOf(t);
  return type === null ? 0 : 1 + TYPES.indexOf(type);
});

/** Scores and tags of a document; per-token arrays are flat, sentence si at starts[si]. */
export interface TagResult {
  starts: Int32Array;
  e1: Int32Array;
  e2: Int32Array;
  tags1: Uint8Array;
  tags2: Uint8Array;
}

/** The shipped models and gazetteer, laid out for fast scoring. */
export class CompiledTagger {
  // The features either pass has weights for, bucketed by the top 14 bits of their 22-bit
  // hash: bucket b's features are [bucket[b], bucket[b + 1]), sorted, with the low 8 bits
  // of each hash in `low` and where its weights are in `where`. Small (about 150 KB), so it
  // mostly stays in cache. Weight rows are mostly zero (two non-zero tags on average), so
  // only non-zero weights are kept, as packed (weight << 5 | tag) entries in `pairs`: a
  // feature's weights are `where` = start | pass-1 count << 17 | pass-2 count << 22, pass 1's
  // from start on, pass 2's right after. Features are referred to by that number.
  private readonly bucket: Uint32Array;
  private readonly low: Uint8Array;
  private readonly where: Int32Array;
  private readonly pairs: Int16Array;
  private readonly t1: Transitions;
  private readonly t2: Transitions;
  private readonly features: CompiledFeatures;
  /** context()'s buffer: a token's resolved features beyond its word's own. */
  private readonly context: Int32Array;
  // Slots of the second pass's fixed-value features.
  private readonly p1Slots: Int32Array;
  private readonly p1PrevSlots: Int32Array;
  private readonly p1NextSlots: Int32Array;
  private readonly danySlots: Int32Array;
  private readonly dmajSlots: Int32Array;
  private readonly dmajPartSlots: Int32Array;
  private readonly dpartSlots: Int32Array;
  private readonly dacrSlots: Int32Array;

  constructor(pass1: LinearModel, pass2: LinearModel, gazetteer: Gazetteer) {
    this.t1 = transitions(pass1.transitions);
    this.t2 = transitions(pass2.transitions);
    const keys = [...new Set([...pass1.index.keys(), ...pass2.index.keys()])].sort((x, y) => x - y);
    const pairs: number[] = [];
    const addRow = (model: LinearModel, key: number): void => {
      const row = model.index.get(key);
      if (row === undefined) return;
      for (let t = 0; t < N_TAGS; t++) {
        const w = model.weights[row * N_TAGS + t] ?? 0;
        if (w !== 0) pairs.push((w << 5) | t);
      }
    };
    this.bucket = new Uint32Array((1 << (HASH_BITS - 8)) + 1);
    this.low = new Uint8Array(keys.length);
    this.where = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      const start = pairs.length;
      addRow(pass1, key);
      const mid = pairs.length;
      addRow(pass2, key);
      if (start >= 1 << 17) throw new Error('entity tagger: model too large');
      this.low[i] = key & 255;
      this.where[i] = start | ((mid - start) << 17) | ((pairs.length - mid) << 22);
      this.bucket[(key >>> 8) + 1] = i + 1;
    });
    // Empty buckets start where the previous one ended.
    for (let b = 1; b < this.bucket.length; b++)
      this.bucket[b] = Math.max(this.bucket[b] ?? 0, this.bucket[b - 1] ?? 0);
    this.pairs = Int16Array.from(pairs);
    this.features = new CompiledFeatures(gazetteer, (key) => this.slot(key));
    this.context = new Int32Array(this.features.maxContext);
    const slots = (hashes: number[]): Int32Array => Int32Array.from(hashes, (h) => this.slot(h));
    this.p1Slots = slots(P1_HASHES);
    this.p1PrevSlots = slots(P1_PREV_HASHES);
    this.p1NextSlots = slots(P1_NEXT_HASHES);
    this.danySlots = slots(OCC_TYPES.map((t) => hashFeature(D.typeElsewhere(t))));
    this.dmajSlots = slots(OCC_TYPES.map((t) => hashFeature(D.mostlyTyped(t))));
    this.dmajPartSlots = slots(
      OCC_TYPES.flatMap((t) => PART_NAMES.map((p) => hashFeature(D.mostlyTypedAs(t, p)))),
    );
    this.dpartSlots = slots(
      TYPES.flatMap((t) => SPAN_POS.map((p) => hashFeature(D.partOfName(t, p)))),
    );
    this.dacrSlots = slots(TYPES.map((t) => hashFeature(D.acronymOf(t))));
  }

  /** Where a feature's weights are (see `where`), or -1 if the model has none. */
  private slot(key: number): number {
    const b = key >>> 8;
    const lo = key & 255;
    const end = this.bucket[b + 1] ?? 0;
    for (let i = this.bucket[b] ?? 0; i < end; i++) {
      const l = this.low[i] ?? 0;
      if (l === lo) return this.where[i] ?? -1;
      if (l > lo) return -1;
    }
    return -1;
  }

  /** Adds a feature's weights of both passes at offset `at` (token × N_TAGS) of e1 and e2. */
  private addBoth(s: number, e1: Int32Array, e2: Int32Array, at: number): void {
    if (s < 0) return;
    const pairs = this.pairs;
    const start = s & 0x1ffff;
    const mid = start + ((s >>> 17) & 31);
    const end = mid + (s >>> 22);
    for (let j = start; j < mid; j++) {
      const p = pairs[j] ?? 0;
      e1[at + (p & 31)] = (e1[at + (p & 31)] ?? 0) + (p >> 5);
    }
    for (let j = mid; j < end; j++) {
      const p = pairs[j] ?? 0;
      e2[at + (p & 31)] = (e2[at + (p & 31)] ?? 0) + (p >> 5);
    }
  }

  /** Adds a feature's second-pass weights (the second pass's own features). */
  private addSecond(s: number, e2: Int32Array, at: number): void {
    if (s < 0) return;
    const pairs = this.pairs;
    const mid = (s & 0x1ffff) + ((s >>> 17) & 31);
    const end = mid + (s >>> 22);
    for (let j = mid; j < end; j++) {
      const p = pairs[j] ?? 0;
      e2[at + (p & 31)] = (e2[at + (p & 31)] ?? 0) + (p >> 5);
    }
  }

  /**
   * Both passes over a document of tokenised sentences: first-pass tags, then second-pass
   * tags from first-pass features plus document features built from the first pass.
   * `masks` optionally restricts each token's tags (bit t allows tag t).
   */
  tag(sentences: string[][], masks?: (Uint32Array | undefined)[]): TagResult {
    const d = this.features.document(sentences);
    const { words: doc, starts, nLower } = d;
    const nSent = sentences.length;
    const total = doc.length;
    // Each distinct word's own features, summed once.
    const pool1 = new Int32Array(d.distinct.length * N_TAGS);
    const pool2 = new Int32Array(d.distinct.length * N_TAGS);
    const own = d.own;
    const ownCount = d.ownCount;
    for (let id = 0; id < d.distinct.length; id++)
      for (let k = 0; k < ownCount; k++)
        this.addBoth(own[id * ownCount + k] ?? -1, pool1, pool2, id * N_TAGS);

    // The first pass's features, scored for both passes at once.
    const e1 = new Int32Array(total * N_TAGS);
    const e2 = new Int32Array(total * N_TAGS);
    const context = this.context;
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      for (let g = a; g < b; g++) {
        const own = (doc[g] as Word).id * N_TAGS;
        const at = g * N_TAGS;
        for (let t = 0; t < N_TAGS; t++) {
          e1[at + t] = pool1[own + t] ?? 0;
          e2[at + t] = pool2[own + t] ?? 0;
        }
        const n = this.features.context(d, si, g, context);
        for (let k = 0; k < n; k++) this.addBoth(context[k] ?? -1, e1, e2, at);
      }
    }

    const tags1 = new Uint8Array(total);
    const tags2 = new Uint8Array(total);
    const lattice = new Lattice(total);
    for (let si = 0; si < nSent; si++)
      lattice.decode(starts[si] ?? 0, starts[si + 1] ?? 0, e1, this.t1, masks?.[si], tags1);
    this.documentFeatures(doc, nLower, starts, tags1, e2);
    for (let si = 0; si < nSent; si++)
      lattice.decode(starts[si] ?? 0, starts[si + 1] ?? 0, e2, this.t2, masks?.[si], tags2);
    return { starts, e1, e2, tags1, tags2 };
  }

  /** documentFeatures() of features.ts, added straight into the second pass's scores. */
  private documentFeatures(
    doc: Word[],
    nLower: number,
    starts: Int32Array,
    tags: Uint8Array,
    e2: Int32Array,
  ): void {
    const total = doc.length;
    const nSent = starts.length - 1;
    // Occurrences of each word (letters, and tagged or capitalised) with their first-pass
    // type: per word and type the count and the first two positions among the word's
    // occurrences, which settle ties the way the reference's insertion-ordered count does.
    const occCount = new Int32Array(nLower * N_OCC);
    const occFirst = new Int32Array(nLower * N_OCC).fill(-1);
    const occSecond = new Int32Array(nLower * N_OCC).fill(-1);
    const occN = new Int32Array(nLower);
    const ownAt = new Int32Array(total).fill(-1);
    // Parts of multi-token first-pass spans: per word, counts per (type, F/M/L) label.
    const parts = new Int32Array(nLower * N_LABELS);
    const acronyms = new Map<string, number>();
    const spanStart = new Int32Array(total).fill(-1);
    const spanEnd = new Int32Array(total);
    const labelAt = new Int8Array(total).fill(-1);
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      for (let g = a; g < b; g++) {
        const w = doc[g] as Word;
        if (!w.hasLetter) continue;
        const type = TAG_TYPE[tags[g] ?? O] ?? 0;
        if (type === 0 && !w.capitalised) continue;
        const id = w.lowerId;
        const k = id * N_OCC + type;
        const n = occN[id] ?? 0;
        if (occFirst[k] === -1) occFirst[k] = n;
        else if (occSecond[k] === -1) occSecond[k] = n;
        occCount[k] = (occCount[k] ?? 0) + 1;
        ownAt[g] = n;
        occN[id] = n + 1;
      }
      // spansOf(), and for spans of two or more tokens their parts and initials.
      let open = -1;
      for (let g = a; g < b; g++) {
        const tag = tags[g] ?? O;
        const part = TAG_PART[tag];
        let s = -1;
        if (part === 1) open = g;
        else if (part === 4) s = g;
        else if (part === 3 && open >= 0) {
          s = open;
          open = -1;
        }
        if (s < 0) continue;
        const e = g + 1;
        for (let k = s; k < e; k++) {
          spanStart[k] = s;
          spanEnd[k] = e;
        }
        if (e - s < 2) continue;
        const type = (TAG_TYPE[tag] ?? 1) - 1;
        let initials = '';
        for (let k = s; k < e; k++) {
          const w = doc[k] as Word;
          const label = type * 3 + (k === s ? 0 : k === e - 1 ? 2 : 1);
          labelAt[k] = label;
          const at = w.lowerId * N_LABELS + label;
          parts[at] = (parts[at] ?? 0) + 1;
          if (w.capitalised) initials += w.text[0] ?? '';
        }
        if (initials.length >= 2)
          acronyms.set(initials, (acronyms.get(initials) ?? 0) | (1 << type));
      }
    }

    const own = new Int32Array(N_LABELS);
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      for (let g = a; g < b; g++) {
        const at = g * N_TAGS;
        const tag = tags[g] ?? O;
        const prevTag = g > a ? (tags[g - 1] ?? O) : N_TAGS;
        const nextTag = g + 1 < b ? (tags[g + 1] ?? O) : N_TAGS;
        this.addSecond(this.p1Slots[tag] ?? -1, e2, at);
        this.addSecond(this.p1PrevSlots[prevTag * N_TAGS + tag] ?? -1, e2, at);
        this.addSecond(this.p1NextSlots[tag * (N_TAGS + 1) + nextTag] ?? -1, e2, at);
        const w = doc[g] as Word;
        if (!w.hasLetter) continue;
        const id = w.lowerId;
        // How the same word was tagged elsewhere (this occurrence left out).
        const self = ownAt[g] ?? -1;
        const selfType = self >= 0 ? (TAG_TYPE[tag] ?? 0) : -1;
        let best = -1;
        let bestN = 0;
        let bestPos = 0;
        for (let t = 0; t < N_OCC; t++) {
          const k = id * N_OCC + t;
          const n = (occCount[k] ?? 0) - (t === selfType ? 1 : 0);
          if (n <= 0) continue;
          this.addSecond(this.danySlots[t] ?? -1, e2, at);
          const first = occFirst[k] ?? 0;
          const pos = t === selfType && first === self ? (occSecond[k] ?? 0) : first;
          if (n > bestN || (n === bestN && pos < bestPos)) {
            best = t;
            bestN = n;
            bestPos = pos;
          }
        }
        if (best >= 0) {
          this.addSecond(this.dmajSlots[best] ?? -1, e2, at);
          this.addSecond(this.dmajPartSlots[best * 5 + (TAG_PART[tag] ?? 0)] ?? -1, e2, at);
        }
        // Part of a longer name elsewhere (this token's own span left out).
        own.fill(0);
        const s = spanStart[g] ?? -1;
        const e = spanEnd[g] ?? 0;
        if (s >= 0 && e - s >= 2)
          for (let k = s; k < e; k++)
            if ((doc[k] as Word).lowerId === id) {
              const label = labelAt[k] ?? 0;
              own[label] = (own[label] ?? 0) + 1;
            }
        for (let l = 0; l < N_LABELS; l++)
          if ((parts[id * N_LABELS + l] ?? 0) - (own[l] ?? 0) > 0)
            this.addSecond(this.dpartSlots[l] ?? -1, e2, at);
        // An acronym of a longer name.
        if (w.text.length >= 2 && w.text.length <= 6 && w.allUpper) {
          const types = acronyms.get(w.text) ?? 0;
          for (let t = 0; t < TYPES.length; t++)
            if ((types & (1 << t)) !== 0) this.addSecond(this.dacrSlots[t] ?? -1, e2, at);
        }
      }
    }
  }
}
