// The runtime form of the two-pass tagger. It computes exactly the features of features.ts
// (which training uses and which define them) and decodes exactly as decode.ts, but fast:
// feature hashes are built without building the feature strings (FNV-1a continues over
// the parts), whatever depends on a word alone is worked out once per distinct word, both
// passes' non-zero weights sit in one compact index of typed arrays, fixed-value features
// are looked up once, and scores, lattices and tags are flat typed arrays per document.
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
/** FNV states after "bi-=<s>|", "ss-=<s>|" and "ss3=<s>|", for a sentence's first token. */
const START_BI_L = fnvChar(fnv(P_BI_L, START), BAR);
const START_SS_L = fnvChar(fnv(P_SS_L, START), BAR);
const START_SS3 = fnvChar(fnv(P_SS3, START), BAR);

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

// Which tags may start and end a sentence.
let startMask = 0;
let endMask = 0;
for (let t = 0; t < N_TAGS; t++) {
  if (allowed(-1, t)) startMask |= 1 << t;
  if (canEnd(t)) endMask |= 1 << t;
}

const SHAPE_CODES: number[] = [];
const SHORT_CODES: number[] = [];

/**
 * shape() and shortShape() of features.ts for a word of ASCII characters only, or null
 * for any other word; also whether the word has a letter and a lower-case letter.
 */
function asciiShapes(
  w: string,
): { shape: string; short: string; letter: boolean; lower: boolean } | null {
  SHAPE_CODES.length = 0;
  SHORT_CODES.length = 0;
  let last = -1;
  let run = 0;
  let letter = false;
  let lower = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return null;
    // X, x, d or the character itself, as charClass() has it.
    let k = c;
    if (c >= 65 && c <= 90) {
      k = 88;
      letter = true;
    } else if (c >= 97 && c <= 122) {
      k = 120;
      letter = true;
      lower = true;
    } else if (c >= 48 && c <= 57) k = 100;
    run = k === last ? run + 1 : 1;
    if (run <= 3) SHAPE_CODES.push(k);
    if (k !== last) SHORT_CODES.push(k);
    last = k;
  }
  return {
    shape: String.fromCharCode(...SHAPE_CODES),
    short: String.fromCharCode(...SHORT_CODES),
    letter,
    lower,
  };
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
  /** The gazetteer's mask for the word alone (-1: none), and whether longer phrases start with it. */
  gazMask: number;
  gazPrefix: boolean;
  // Table slots (-1: no weights) of the word seen from a neighbour: l-1=, l-2=, l+1=,
  // l+2=, x3-1=.
  // FNV states of the pair features where this word is the left part: after "bi-=lower|",
  // "bi+=lower|", "ss-=ss|", "ss+=ss|" and "ss3=ss|".
  biL: number;
  biR: number;
  ssL: number;
  ssR: number;
  ss3: number;
  l1: number;
  l2: number;
  r1: number;
  r2: number;
  x3: number;
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

  private word(
    text: string,
    lower: string,
    lowerId: number,
    pool1: Int32Array,
    pool2: Int32Array,
    own: number,
  ): Word {
    // Plain ASCII words (most of them) skip the Unicode regexes.
    const a = asciiShapes(text);
    const ascii = a !== null;
    const sh = a?.shape ?? shape(text);
    const ss = a?.short ?? collapseShape(sh);
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
    const capOrDigit = ascii ? upperCase || (c0 >= 48 && c0 <= 57) : CAP_OR_DIGIT.test(text);
    return {
      text,
      lower,
      lowerId,
      ss,
      hasLetter: a?.letter ?? HAS_LETTER.test(text),
      capitalised: ascii ? upperCase : CAPITALISED.test(text),
      capOrDigit,
      allUpper: a === null ? text === text.toUpperCase() : !a.lower,
      // Only a capitalised word or number can start a gazetteer match.
      gazMask: capOrDigit ? (this.gaz.get(lower) ?? -1) : -1,
      gazPrefix: capOrDigit && this.gazPrefixes.has(lower),
      biL: fnvChar(fnv(P_BI_L, lower), BAR),
      biR: fnvChar(fnv(P_BI_R, lower), BAR),
      ssL: fnvChar(fnv(P_SS_L, ss), BAR),
      ssR: fnvChar(fnv(P_SS_R, ss), BAR),
      ss3: fnvChar(fnv(P_SS3, ss), BAR),
      l1: this.slot(fold(fnv(P_L1, lower))),
      l2: this.slot(fold(fnv(P_L2, lower))),
      r1: this.slot(fold(fnv(P_R1, lower))),
      r2: this.slot(fold(fnv(P_R2, lower))),
      x3: this.slot(fold(fnvRange(P_X3, lower, Math.max(0, n - 3), n))),
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
        for (let t = 0; t < N_TAGS; t++) {
          e1[at + t] = pool1[w.own + t] ?? 0;
          e2[at + t] = pool2[w.own + t] ?? 0;
        }
        const prev = g > a ? doc[g - 1] : undefined;
        const next = g + 1 < b ? doc[g + 1] : undefined;
        const nl = next?.lower ?? END;
        const nss = next?.ss ?? END;
        this.addBoth(prev?.l1 ?? bound.l1, e1, e2, at);
        this.addBoth(g - 1 > a ? (doc[g - 2] as Word).l2 : bound.l2, e1, e2, at);
        this.addBoth(next?.r1 ?? bound.r1, e1, e2, at);
        this.addBoth(g + 2 < b ? (doc[g + 2] as Word).r2 : bound.r2, e1, e2, at);
        // bi-=prev|w, bi+=w|next, ss-=prev|w, ss+=w|next, ss3=prev|w|next
        this.addBoth(this.slot(fold(fnv(prev?.biL ?? START_BI_L, w.lower))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(w.biR, nl))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(prev?.ssL ?? START_SS_L, w.ss))), e1, e2, at);
        this.addBoth(this.slot(fold(fnv(w.ssR, nss))), e1, e2, at);
        const ss3 = fnvChar(fnv(prev?.ss3 ?? START_SS3, w.ss), BAR);
        this.addBoth(this.slot(fold(fnv(ss3, nss))), e1, e2, at);
        this.addBoth(prev?.x3 ?? bound.x3, e1, e2, at);
        if (g === a) this.addBoth(this.slot(fold(fnv(P_FIRST, w.ss))), e1, e2, at);
        if (isUpper) {
          this.addBoth(this.slot(fold(fnv(P_UP_S, w.ss))), e1, e2, at);
          this.addBoth(this.slot(fold(fnv(P_UP_L, w.lower))), e1, e2, at);
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
        let mask: number | undefined;
        if (len === 1) {
          key = last.lower;
          mask = last.gazMask < 0 ? undefined : last.gazMask;
        } else {
          key = `${key} ${last.lower}`;
          mask = this.gaz.get(key);
        }
        if (mask !== undefined && last.capOrDigit) {
          for (let n = 0; n < GAZ_NAMES.length; n++) {
            if ((mask & GAZ[GAZ_NAMES[n] ?? 'PER']) === 0) continue;
            for (let j = i; j < i + len; j++) {
              const part = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
              (gz[j] ??= []).push(n * 4 + part);
            }
          }
        }
        if (!(len === 1 ? last.gazPrefix : this.gazPrefixes.has(key))) break;
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
interface Transitions {
  /** From the sentence start to each tag. */
  start: Float64Array;
  /** closed[j * 9 + i]: from CLOSED[i] to OPENING[j]. */
  closed: Float64Array;
  /** open[k * 4 + ...]: B-k to I-k, I-k to I-k, B-k to L-k, I-k to L-k. */
  open: Float64Array;
}

function transitions(t: Int16Array): Transitions {
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
