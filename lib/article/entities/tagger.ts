// The runtime form of the two-pass tagger. It computes exactly the features of features.ts
// (which training uses and which define them) and decodes exactly as decode.ts, but fast:
// feature hashes are built without building the feature strings (FNV-1a continues over
// the parts), whatever depends on a word alone is worked out once per distinct word, both
// passes' weights sit in one open-addressing table of typed arrays, and emission scores,
// Viterbi lattices and tags live in buffers reused across sentences and calls.
// tests/unit/entities.test.ts checks that scores and tags equal the reference pipeline's.
import {
  GAZ,
  GAZ_MAX_TOKENS,
  type Gazetteer,
  HASH_BITS,
  collapseShape,
  shape,
} from './features.ts';
import type { LinearModel } from './model.ts';
import { N_TAGS, O, TYPES, allowed, canEnd, partOf, tagName, typeOf } from './tags.ts';

const HASH_MASK = (1 << HASH_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = '|'.charCodeAt(0);

/** FNV-1a state after feeding `s` to state `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a state after feeding s[from, to). */
function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a state after one UTF-16 unit. */
const fnvChar = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME);

/** Folds an FNV state into the hash space, as hashFeature does. */
const fold = (h: number): number => (h ^ (h >>> HASH_BITS)) & HASH_MASK;

/** hashFeature(s). */
const hash = (s: string): number => fold(fnv(FNV_OFFSET, s));

/** The state after a feature's fixed prefix, to continue with its variable parts. */
const prefix = (s: string): number => fnv(FNV_OFFSET, s);

const START = '<s>';
const END = '</s>';
const TAG_NAMES = Array.from({ length: N_TAGS }, (_, t) => tagName(t));
const ALL_TAGS = (1 << N_TAGS) - 1;

// Prefix states of the features with variable parts (features.ts spells them out).
const P_W = prefix('w=');
const P_L = prefix('l=');
const P_S = prefix('s=');
const P_SS = prefix('ss=');
const P_PREFIX = [0, 1, 2, 3, 4].map((k) => prefix(`p${k}=`));
const P_SUFFIX = [0, 1, 2, 3, 4].map((k) => prefix(`x${k}=`));
const P_L1 = prefix('l-1=');
const P_L2 = prefix('l-2=');
const P_R1 = prefix('l+1=');
const P_R2 = prefix('l+2=');
const P_X3 = prefix('x3-1=');
const P_FIRST = prefix('first|');
const P_UP_S = prefix('up|');
const P_UP_L = prefix('up|l=');
const P_BI_L = prefix('bi-=');
const P_BI_R = prefix('bi+=');
const P_SS_L = prefix('ss-=');
const P_SS_R = prefix('ss+=');
const P_SS3 = prefix('ss3=');

// Features with a fixed set of values, as lists of hashes.
const GAZ_NAMES = Object.keys(GAZ) as (keyof typeof GAZ)[];
const GAZ_PARTS = ['B', 'I', 'L', 'U'] as const;
const gazHashes = (pre: string): number[] =>
  GAZ_NAMES.flatMap((name) => GAZ_PARTS.map((part) => hash(`${pre}${name}${part}`)));
// dc=: [capitalised elsewhere][lower case elsewhere][U(pper sentence) | F(irst) | M(id)]
const DC_HASHES = ['', 'C'].flatMap((c) =>
  ['', 'L'].flatMap((l) => ['U', 'F', 'M'].map((p) => hash(`dc=${c}${l}|${p}`))),
);
// Tag index N_TAGS stands for the sentence boundary.
const P1_HASHES = TAG_NAMES.map((t) => hash(`p1=${t}`));
const P1_PREV_HASHES = Array.from({ length: (N_TAGS + 1) * N_TAGS }, (_, k) =>
  hash(`p1-=${TAG_NAMES[Math.floor(k / N_TAGS)] ?? START}|${TAG_NAMES[k % N_TAGS] ?? ''}`),
);
const P1_NEXT_HASHES = Array.from({ length: N_TAGS * (N_TAGS + 1) }, (_, k) =>
  hash(
    `p1+=${TAG_NAMES[Math.floor(k / (N_TAGS + 1))] ?? ''}|${TAG_NAMES[k % (N_TAGS + 1)] ?? END}`,
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

// Transition legality, as decode.ts has it: predecessors of tag t are
// PRED[PRED_AT[t], PRED_AT[t + 1]).
const PRED_LIST: number[] = [];
const PRED_AT = new Int32Array(N_TAGS + 1);
let startMask = 0;
let endMask = 0;
for (let to = 0; to < N_TAGS; to++) {
  PRED_AT[to] = PRED_LIST.length;
  for (let f = 0; f < N_TAGS; f++) if (allowed(f, to)) PRED_LIST.push(f);
  if (allowed(-1, to)) startMask |= 1 << to;
  if (canEnd(to)) endMask |= 1 << to;
}
PRED_AT[N_TAGS] = PRED_LIST.length;
const PRED = Int8Array.from(PRED_LIST);

/** shape() of features.ts for a word of ASCII characters only. */
function asciiShape(w: string): string {
  let out = '';
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    // X, x, d or the character itself, as charClass() has it.
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c;
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 3) out += String.fromCharCode(k);
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const CAPITALISED = /^\p{Lu}/u;
const CAP_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const OPENER = /^["“'‘(]$/u;

/** What the features need to know about one distinct word, worked out once per call. */
interface Word {
  text: string;
  lower: string;
  /** Numbers the distinct lower-case forms of a document, for per-word tables. */
  lowerId: number;
  /** shortShape(text) */
  ss: string;
  hasLetter: boolean;
  capitalised: boolean;
  capOrDigit: boolean;
  allUpper: boolean;
  // Table slots (-1: no weights) of the word seen from a neighbour: l-1=, l-2=, l+1=,
  // l+2=, x3-1=; and of first|ss, up|ss and up|l=.
  l1: number;
  l2: number;
  r1: number;
  r2: number;
  x3: number;
  first: number;
  upS: number;
  upL: number;
  /** Offset in the call's pool of the summed scores of the word's own features, per pass. */
  own: number;
}

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
  // Open addressing over the features either pass has weights for. Weight rows are mostly
  // zero (two non-zero tags on average), so a slot holds its non-zero weights only, as
  // packed (weight << 8 | tag) entries: pass 1's in pairs[start[s], mid[s]), pass 2's in
  // pairs[mid[s], end[s]).
  private readonly slots: Int32Array;
  private readonly start: Int32Array;
  private readonly mid: Int32Array;
  private readonly end: Int32Array;
  private readonly pairs: Int32Array;
  private readonly shift: number;
  private readonly t1: Float64Array;
  private readonly t2: Float64Array;
  private readonly gaz: Gazetteer;
  /** Every proper token prefix of a gazetteer phrase, so a lookup stops early. */
  private readonly gazPrefixes = new Set<string>();
  // Slots of the fixed-value features.
  private readonly boundary: { l1: number; l2: number; r1: number; r2: number; x3: number };
  private readonly bias: number;
  private readonly gazSlots: Int32Array;
  private readonly gazPrevSlots: Int32Array;
  private readonly gazNextSlots: Int32Array;
  private readonly dcSlots: Int32Array;
  private readonly p1Slots: Int32Array;
  private readonly p1PrevSlots: Int32Array;
  private readonly p1NextSlots: Int32Array;
  private readonly danySlots: Int32Array;
  private readonly dmajSlots: Int32Array;
  private readonly dmajPartSlots: Int32Array;
  private readonly dpartSlots: Int32Array;
  private readonly dacrSlots: Int32Array;

  constructor(pass1: LinearModel, pass2: LinearModel, gazetteer: Gazetteer) {
    this.t1 = Float64Array.from(pass1.transitions);
    this.t2 = Float64Array.from(pass2.transitions);
    const keys = new Set([...pass1.index.keys(), ...pass2.index.keys()]);
    let bits = 4;
    while (1 << bits < keys.size * 2) bits++;
    this.shift = 32 - bits;
    const size = 1 << bits;
    const mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.start = new Int32Array(size);
    this.mid = new Int32Array(size);
    this.end = new Int32Array(size);
    const pairs: number[] = [];
    const addRow = (model: LinearModel, key: number): void => {
      const row = model.index.get(key);
      if (row === undefined) return;
      for (let t = 0; t < N_TAGS; t++) {
        const w = model.weights[row * N_TAGS + t] ?? 0;
        if (w !== 0) pairs.push((w << 8) | t);
      }
    };
    for (const key of keys) {
      let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[s] !== -1) s = (s + 1) & mask;
      this.slots[s] = key;
      this.start[s] = pairs.length;
      addRow(pass1, key);
      this.mid[s] = pairs.length;
      addRow(pass2, key);
      this.end[s] = pairs.length;
    }
    this.pairs = Int32Array.from(pairs);
    this.gaz = gazetteer;
    for (const phrase of gazetteer.keys()) {
      for (let sp = phrase.indexOf(' '); sp >= 0; sp = phrase.indexOf(' ', sp + 1))
        this.gazPrefixes.add(phrase.slice(0, sp));
    }
    const slots = (hashes: number[]): Int32Array => Int32Array.from(hashes, (h) => this.slot(h));
    this.boundary = {
      l1: this.slot(hash(`l-1=${START}`)),
      l2: this.slot(hash(`l-2=${START}`)),
      r1: this.slot(hash(`l+1=${END}`)),
      r2: this.slot(hash(`l+2=${END}`)),
      x3: this.slot(hash(`x3-1=${START}`)),
    };
    this.bias = this.slot(hash('b'));
    this.gazSlots = slots(gazHashes('g='));
    this.gazPrevSlots = slots(gazHashes('g-1='));
    this.gazNextSlots = slots(gazHashes('g+1='));
    this.dcSlots = slots(DC_HASHES);
    this.p1Slots = slots(P1_HASHES);
    this.p1PrevSlots = slots(P1_PREV_HASHES);
    this.p1NextSlots = slots(P1_NEXT_HASHES);
    this.danySlots = slots(OCC_TYPES.map((t) => hash(`dany=${t}`)));
    this.dmajSlots = slots(OCC_TYPES.map((t) => hash(`dmaj=${t}`)));
    this.dmajPartSlots = slots(
      OCC_TYPES.flatMap((t) => PART_NAMES.map((p) => hash(`dmaj=${t}|${p}`))),
    );
    this.dpartSlots = slots(TYPES.flatMap((t) => SPAN_POS.map((p) => hash(`dpart=${t}:${p}`))));
    this.dacrSlots = slots(TYPES.map((t) => hash(`dacr=${t}`)));
  }

  /** The slot of a feature key, or -1 if the model has no weights for it. */
  private slot(key: number): number {
    const mask = this.slots.length - 1;
    for (let s = Math.imul(key, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      const k = this.slots[s] ?? -1;
      if (k === key) return s;
      if (k === -1) return -1;
    }
  }

  /** Adds a slot's weights of both passes at offset `at` (token × N_TAGS) of e1 and e2. */
  private addBoth(s: number, e1: Int32Array, e2: Int32Array, at: number): void {
    if (s < 0) return;
    const pairs = this.pairs;
    const mid = this.mid[s] ?? 0;
    const end = this.end[s] ?? 0;
    for (let j = this.start[s] ?? 0; j < mid; j++) {
      const p = pairs[j] ?? 0;
      e1[at + (p & 255)] = (e1[at + (p & 255)] ?? 0) + (p >> 8);
    }
    for (let j = mid; j < end; j++) {
      const p = pairs[j] ?? 0;
      e2[at + (p & 255)] = (e2[at + (p & 255)] ?? 0) + (p >> 8);
    }
  }

  /** Adds a slot's second-pass weights (the second pass's own features). */
  private addSecond(s: number, e2: Int32Array, at: number): void {
    if (s < 0) return;
    const pairs = this.pairs;
    const end = this.end[s] ?? 0;
    for (let j = this.mid[s] ?? 0; j < end; j++) {
      const p = pairs[j] ?? 0;
      e2[at + (p & 255)] = (e2[at + (p & 255)] ?? 0) + (p >> 8);
    }
  }

  private word(
    text: string,
    lower: string,
    lowerId: number,
    pool1: Int32Array,
    pool2: Int32Array,
    own: number,
  ): Word {
    // Plain ASCII words (most of them) skip the Unicode regexes.
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) >= 128) ascii = false;
    const sh = ascii ? asciiShape(text) : shape(text);
    const ss = collapseShape(sh);
    const c0 = text.charCodeAt(0);
    const upperCase = c0 >= 65 && c0 <= 90;
    // wordFeatures() of features.ts: b, w=, l=, s=, ss=, p1..p4=, x1..x4=, summed.
    this.addBoth(this.bias, pool1, pool2, own);
    this.addBoth(this.slot(fold(fnv(P_W, text))), pool1, pool2, own);
    this.addBoth(this.slot(fold(fnv(P_L, lower))), pool1, pool2, own);
    this.addBoth(this.slot(fold(fnv(P_S, sh))), pool1, pool2, own);
    this.addBoth(this.slot(fold(fnv(P_SS, ss))), pool1, pool2, own);
    const n = lower.length;
    for (let k = 1; k <= 4 && k < n; k++) {
      this.addBoth(this.slot(fold(fnvRange(P_PREFIX[k] ?? 0, lower, 0, k))), pool1, pool2, own);
      this.addBoth(this.slot(fold(fnvRange(P_SUFFIX[k] ?? 0, lower, n - k, n))), pool1, pool2, own);
    }
    return {
      text,
      lower,
      lowerId,
      ss,
      hasLetter: ascii ? /[A-Za-z]/.test(text) : HAS_LETTER.test(text),
      capitalised: ascii ? upperCase : CAPITALISED.test(text),
      capOrDigit: ascii ? upperCase || (c0 >= 48 && c0 <= 57) : CAP_OR_DIGIT.test(text),
      allUpper: ascii ? !/[a-z]/.test(text) : text === text.toUpperCase(),
      l1: this.slot(fold(fnv(P_L1, lower))),
      l2: this.slot(fold(fnv(P_L2, lower))),
      r1: this.slot(fold(fnv(P_R1, lower))),
      r2: this.slot(fold(fnv(P_R2, lower))),
      x3: this.slot(fold(fnvRange(P_X3, lower, Math.max(0, n - 3), n))),
      first: this.slot(fold(fnv(P_FIRST, ss))),
      upS: this.slot(fold(fnv(P_UP_S, ss))),
      upL: this.slot(fold(fnv(P_UP_L, lower))),
      own,
    };
  }

  /**
   * Both passes over a document of tokenised sentences: first-pass tags, then second-pass
   * tags from first-pass features plus document features built from the first pass.
   * `masks` optionally restricts each token's tags (bit t allows tag t).
   */
  tag(sentences: string[][], masks?: (Uint32Array | undefined)[]): TagResult {
    const nSent = sentences.length;
    const starts = new Int32Array(nSent + 1);
    let total = 0;
    for (let si = 0; si < nSent; si++) {
      starts[si] = total;
      total += sentences[si]?.length ?? 0;
    }
    starts[nSent] = total;

    // Distinct words, with their own features' scores summed once.
    const byText = new Map<string, Word>();
    const lowerIds = new Map<string, number>();
    const doc = new Array<Word>(total);
    let pool1 = new Int32Array(256 * N_TAGS);
    let pool2 = new Int32Array(256 * N_TAGS);
    for (let si = 0, g = 0; si < nSent; si++) {
      for (const text of sentences[si] ?? []) {
        let w = byText.get(text);
        if (w === undefined) {
          const lower = text.toLowerCase();
          let id = lowerIds.get(lower);
          if (id === undefined) {
            id = lowerIds.size;
            lowerIds.set(lower, id);
          }
          const own = byText.size * N_TAGS;
          if (own + N_TAGS > pool1.length) {
            const p1 = new Int32Array(pool1.length * 2);
            p1.set(pool1);
            pool1 = p1;
            const p2 = new Int32Array(pool2.length * 2);
            p2.set(pool2);
            pool2 = p2;
          }
          w = this.word(text, lower, id, pool1, pool2, own);
          byText.set(text, w);
        }
        doc[g++] = w;
      }
    }
    const nLower = lowerIds.size;

    // docStats(): which words are capitalised mid-sentence, and which are in lower case.
    const upper = new Uint8Array(nSent);
    const capMid = new Uint8Array(nLower);
    const lowerSeen = new Uint8Array(nLower);
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      let letters = 0;
      let up = 0;
      for (let g = a; g < b; g++) {
        const w = doc[g] as Word;
        if (!w.hasLetter) continue;
        letters++;
        if (w.allUpper) up++;
      }
      const isUpper = letters >= 2 && up / letters > 0.8;
      upper[si] = isUpper ? 1 : 0;
      for (let g = a; g < b; g++) {
        const w = doc[g] as Word;
        if (w.text === w.lower) {
          if (w.hasLetter) lowerSeen[w.lowerId] = 1;
        } else if (!isUpper && g > a && w.capitalised && !OPENER.test((doc[g - 1] as Word).text)) {
          capMid[w.lowerId] = 1;
        }
      }
    }

    // sentenceFeatures(): the first pass's features, scored for both passes at once.
    const e1 = new Int32Array(total * N_TAGS);
    const e2 = new Int32Array(total * N_TAGS);
    const gz: (number[] | undefined)[] = new Array<number[] | undefined>(total);
    const bound = this.boundary;
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      this.gazetteerHits(doc, a, b, gz);
      const isUpper = upper[si] === 1;
      for (let g = a; g < b; g++) {
        const w = doc[g] as Word;
        const at = g * N_TAGS;
        e1.set(pool1.subarray(w.own, w.own + N_TAGS), at);
        e2.set(pool2.subarray(w.own, w.own + N_TAGS), at);
        const prev = g > a ? doc[g - 1] : undefined;
        const next = g + 1 < b ? doc[g + 1] : undefined;
        const pl = prev?.lower ?? START;
        const nl = next?.lower ?? END;
        const pss = prev?.ss ?? START;
        const nss = next?.ss ?? END;
        this.addBoth(prev?.l1 ?? bound.l1, e1, e2, at);
        this.addBoth(g - 1 > a ? (doc[g - 2] as Word).l2 : bound.l2, e1, e2, at);
        this.addBoth(next?.r1 ?? bound.r1, e1, e2, at);
        this.addBoth(g + 2 < b ? (doc[g + 2] as Word).r2 : bound.r2, e1, e2, at);
        this.addBoth(this.slot(fold(fnv(fnvChar(fnv(P_BI_L, pl), BAR), w.lower))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(fnvChar(fnv(P_BI_R, w.lower), BAR), nl))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(fnvChar(fnv(P_SS_L, pss), BAR), w.ss))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(fnvChar(fnv(P_SS_R, w.ss), BAR), nss))), e1, e2, at);
        const ss3 = fnvChar(fnv(fnvChar(fnv(P_SS3, pss), BAR), w.ss), BAR);
        this.addBoth(this.slot(fold(fnv(ss3, nss))), e1, e2, at);
        this.addBoth(prev?.x3 ?? bound.x3, e1, e2, at);
        if (g === a) this.addBoth(w.first, e1, e2, at);
        if (isUpper) {
          this.addBoth(w.upS, e1, e2, at);
          this.addBoth(w.upL, e1, e2, at);
        }
        if (w.hasLetter && (isUpper || g === a || !w.capitalised || w.allUpper)) {
          const dc =
            (capMid[w.lowerId] ?? 0) * 6 +
            (lowerSeen[w.lowerId] ?? 0) * 3 +
            (isUpper ? 0 : g === a ? 1 : 2);
          this.addBoth(this.dcSlots[dc] ?? -1, e1, e2, at);
        }
        for (const c of gz[g] ?? []) this.addBoth(this.gazSlots[c] ?? -1, e1, e2, at);
        if (g > a)
          for (const c of gz[g - 1] ?? []) this.addBoth(this.gazPrevSlots[c] ?? -1, e1, e2, at);
        if (g + 1 < b)
          for (const c of gz[g + 1] ?? []) this.addBoth(this.gazNextSlots[c] ?? -1, e1, e2, at);
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

  /** gazetteerHits() of features.ts, as codes (name × 4 + B/I/L/U) per token. */
  private gazetteerHits(doc: Word[], a: number, b: number, gz: (number[] | undefined)[]): void {
    for (let g = a; g < b; g++) gz[g] = undefined;
    for (let i = a; i < b; i++) {
      if (!(doc[i] as Word).capOrDigit) continue;
      let key = '';
      for (let len = 1; len <= GAZ_MAX_TOKENS && i + len <= b; len++) {
        const last = doc[i + len - 1] as Word;
        key = len === 1 ? last.lower : `${key} ${last.lower}`;
        const mask = this.gaz.get(key);
        if (mask !== undefined && last.capOrDigit) {
          for (let n = 0; n < GAZ_NAMES.length; n++) {
            if ((mask & GAZ[GAZ_NAMES[n] ?? 'PER']) === 0) continue;
            for (let j = i; j < i + len; j++) {
              const part = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
              (gz[j] ??= []).push(n * 4 + part);
            }
          }
        }
        if (!this.gazPrefixes.has(key)) break;
      }
    }
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

/** Viterbi buffers for one document; decodes as decode.ts's viterbi(). */
class Lattice {
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
    trans: Float64Array,
    mask: Uint32Array | undefined,
    out: Uint8Array,
  ): void {
    const n = b - a;
    if (n === 0) return;
    const score = this.score;
    const back = this.back;
    const base = a * N_TAGS;
    const m0 = mask === undefined ? ALL_TAGS : (mask[0] ?? ALL_TAGS);
    for (let t = 0; t < N_TAGS; t++) {
      score[base + t] =
        (startMask & m0 & (1 << t)) !== 0 ? (trans[t] ?? 0) + (em[base + t] ?? 0) : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      const prev = base + (i - 1) * N_TAGS;
      const cur = prev + N_TAGS;
      const m = mask === undefined ? ALL_TAGS : (mask[i] ?? ALL_TAGS);
      for (let t = 0; t < N_TAGS; t++) {
        score[cur + t] = -Infinity;
        if ((m & (1 << t)) === 0) continue;
        let best = -Infinity;
        let arg = -1;
        const to = PRED_AT[t + 1] ?? 0;
        for (let p = PRED_AT[t] ?? 0; p < to; p++) {
          const f = PRED[p] ?? 0;
          const s = (score[prev + f] ?? 0) + (trans[(f + 1) * N_TAGS + t] ?? 0);
          if (s > best) {
            best = s;
            arg = f;
          }
        }
        if (arg < 0) continue;
        score[cur + t] = best + (em[cur + t] ?? 0);
        back[cur + t] = arg;
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
