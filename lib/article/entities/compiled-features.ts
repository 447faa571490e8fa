// The runtime form of feature-table.ts: the same features as training spells out
// (features.ts), without building their strings. The table is compiled once into typed
// arrays: whatever reads only the word is hashed once per distinct word; a word seen from
// a neighbour keeps its feature's model slot; features of several words continue the FNV
// state of their first part; features with a fixed set of values are looked up once.
// tests/unit/entity-features.test.ts checks every token's hashes against training's.
import { FNV_OFFSET, fnv, fnvChar, fold, hashFeature } from './feature-hash.ts';
import {
  AFTER_SENTENCE,
  BEFORE_SENTENCE,
  CASE_PLACES,
  GAZ,
  GAZ_CATEGORIES,
  GAZ_MAX_TOKENS,
  PHRASE_PARTS,
  type Part,
  TOKEN_FEATURES,
  type TokenFeature,
  WORD_FORMS,
  WORD_VALUES,
  type WordValue,
  type WordValueSpec,
  caseSaysNothing,
  isOwnFeature,
  spellCaseElsewhere,
  spellGazetteer,
  valueEnd,
  valueStart,
} from './feature-table.ts';
import type { Gazetteer } from './features.ts';
import { wordShape } from './word-shape.ts';

/** Where the model keeps a hashed feature's weights, or -1: the tagger's index. */
export type Resolve = (key: number) => number;

const BAR = '|'.charCodeAt(0);
const VALUE_NAMES = Object.keys(WORD_VALUES) as WordValue[];
// One object shape for every spec, so the calls below see one shape; a value that is a whole
// form (no first or last units) is fed to FNV as it is.
const VALUE_SPECS: WordValueSpec[] = VALUE_NAMES.map((v) => {
  const spec: WordValueSpec = WORD_VALUES[v];
  return { form: spec.form, first: spec.first, last: spec.last, proper: spec.proper };
});
const VALUE_FORMS = Int8Array.from(VALUE_SPECS, (v) => WORD_FORMS.indexOf(v.form));
const VALUE_WHOLE = Uint8Array.from(VALUE_SPECS, (v) =>
  v.first === undefined && v.last === undefined ? 1 : 0,
);
const valueIndex = (v: WordValue): number => VALUE_NAMES.indexOf(v);

/** FNV state after feeding value v (an index into VALUE_SPECS) of a word, or NaN if absent. */
function fnvValue(h: number, forms: string[], v: number): number {
  const form = forms[VALUE_FORMS[v] ?? 0] ?? '';
  if (VALUE_WHOLE[v] === 1) return fnv(h, form);
  const spec = VALUE_SPECS[v] as WordValueSpec;
  const from = valueStart(spec, form.length);
  if (from < 0) return NaN;
  const to = valueEnd(spec, form.length);
  for (let i = from; i < to; i++) h = fnvChar(h, form.charCodeAt(i));
  return h;
}

const WHEN_ALWAYS = 0;
const WHEN_FIRST = 1;
const WHEN_UPPER = 2;
/** Most gazetteer phrases covering one token: starts × lengths, times the categories. */
const MAX_HITS = ((GAZ_MAX_TOKENS * (GAZ_MAX_TOKENS + 1)) / 2) * GAZ_CATEGORIES.length;

const CAPITALISED = /^\p{Lu}/u;
const CAP_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const OPENER = /^["“'‘(]$/u;

/** What the features need to know about one distinct word, worked out once per document. */
export interface Word {
  text: string;
  lower: string;
  /** Numbers the distinct words of a document. */
  id: number;
  /** Numbers the distinct lower-case forms of a document, for per-word tables. */
  lowerId: number;
  hasLetter: boolean;
  capitalised: boolean;
  capOrDigit: boolean;
  allUpper: boolean;
  /** The gazetteer's mask for the word alone (-1: none), and whether longer phrases start with it. */
  gazMask: number;
  gazPrefix: boolean;
  /** The word's forms, in WORD_FORMS order. */
  forms: string[];
}

/** A document's words, per token, with the document-wide facts the first pass reads. */
export interface FeatureDocument {
  /** The word of each token; sentence si is [starts[si], starts[si + 1]). */
  words: Word[];
  distinct: Word[];
  // Per distinct word, at id × stride: the resolved features of the word alone (-1 where
  // absent); its resolved one-part features as a neighbour; and per chain feature that is
  // not limited by `when`, the FNV state after its name and this word as its first part.
  own: Int32Array;
  ownCount: number;
  seen: Int32Array;
  heads: Float64Array;
  starts: Int32Array;
  nLower: number;
  /** Per sentence: set in capitals. */
  upper: Uint8Array;
  /** Per lower-case form: seen capitalised mid-sentence, seen in lower case. */
  capMid: Uint8Array;
  lowerSeen: Uint8Array;
  /** Per token: gazetteer hits, as codes category × 4 + place in the phrase. */
  gazetteer: (number[] | undefined)[];
}

/** The feature table compiled against a model and a gazetteer. */
export class CompiledFeatures {
  /** The most context features one token can have: the size of context()'s buffer. */
  readonly maxContext: number;
  private readonly resolve: Resolve;
  private readonly gaz: Gazetteer;
  /** Every proper token prefix of a gazetteer phrase, so a lookup stops early. */
  private readonly gazPrefixes = new Set<string>();
  // Own features: FNV state after the name, and their parts' values (all at offset 0).
  private readonly ownNames: number[] = [];
  private readonly ownParts: number[][] = [];
  // One-part neighbour features: offset, the value read, name state, boundary slots.
  private readonly nOffset: Int8Array;
  private readonly nValue: Int8Array;
  private readonly nName: number[] = [];
  private readonly nBefore: Int32Array;
  private readonly nAfter: Int32Array;
  // Chain features (several parts, or limited by `when`): parts [cStart[k], cStart[k + 1])
  // of pOffset/pValue; FNV states of the name plus a boundary first part.
  private readonly cWhen: Int8Array;
  private readonly cStart: Int32Array;
  private readonly cName: number[] = [];
  private readonly cBefore: Float64Array;
  private readonly cAfter: Float64Array;
  private readonly pOffset: Int8Array;
  private readonly pValue: Int8Array;
  /** Per case-elsewhere feature, slots by capitalised × 6 + lower × 3 + place. */
  private readonly caseSlots: Int32Array[] = [];
  /** Per gazetteer feature, its offset and slots by hit code. */
  private readonly gazOffsets: number[] = [];
  private readonly gazSlots: Int32Array[] = [];

  constructor(
    gazetteer: Gazetteer,
    resolve: Resolve,
    table: readonly TokenFeature[] = TOKEN_FEATURES,
  ) {
    this.resolve = resolve;
    this.gaz = gazetteer;
    for (const phrase of gazetteer.keys()) {
      for (let sp = phrase.indexOf(' '); sp >= 0; sp = phrase.indexOf(' ', sp + 1))
        this.gazPrefixes.add(phrase.slice(0, sp));
    }
    const neighbours: { at: number; value: number; name: number }[] = [];
    const chains: { when: number; name: number; parts: readonly Part[] }[] = [];
    for (const f of table) {
      if (isOwnFeature(f)) {
        this.ownNames.push(fnv(FNV_OFFSET, f.name));
        this.ownParts.push(f.parts.map(([, v]) => valueIndex(v)));
      } else if (f.kind === 'words') {
        const name = fnv(FNV_OFFSET, f.name);
        const [first] = f.parts;
        if (f.when === undefined && f.parts.length === 1 && first !== undefined)
          neighbours.push({ at: first[0], value: valueIndex(first[1]), name });
        else
          chains.push({
            when: f.when === 'first' ? WHEN_FIRST : f.when === 'upper' ? WHEN_UPPER : WHEN_ALWAYS,
            name,
            parts: f.parts,
          });
      } else if (f.kind === 'case-elsewhere') {
        this.caseSlots.push(
          Int32Array.from(
            [false, true].flatMap((cap) =>
              [false, true].flatMap((low) =>
                CASE_PLACES.map((place) =>
                  resolve(hashFeature(spellCaseElsewhere(f.name, cap, low, place))),
                ),
              ),
            ),
          ),
        );
      } else {
        this.gazOffsets.push(f.at);
        this.gazSlots.push(
          Int32Array.from(
            GAZ_CATEGORIES.flatMap((cat) =>
              PHRASE_PARTS.map((part) => resolve(hashFeature(spellGazetteer(f.name, cat, part)))),
            ),
          ),
        );
      }
    }
    const boundary = (at: number): string => (at < 0 ? BEFORE_SENTENCE : AFTER_SENTENCE);
    this.nOffset = Int8Array.from(neighbours, (f) => f.at);
    this.nValue = Int8Array.from(neighbours, (f) => f.value);
    this.nName = neighbours.map((f) => f.name);
    this.nBefore = Int32Array.from(neighbours, (f) => resolve(fold(fnv(f.name, boundary(-1)))));
    this.nAfter = Int32Array.from(neighbours, (f) => resolve(fold(fnv(f.name, boundary(1)))));
    this.cWhen = Int8Array.from(chains, (c) => c.when);
    this.cName = chains.map((c) => c.name);
    this.cStart = new Int32Array(chains.length + 1);
    chains.forEach((c, k) => (this.cStart[k + 1] = (this.cStart[k] ?? 0) + c.parts.length));
    this.cBefore = Float64Array.from(chains, (c) => fnv(c.name, boundary(-1)));
    this.cAfter = Float64Array.from(chains, (c) => fnv(c.name, boundary(1)));
    const parts = chains.flatMap((c) => c.parts);
    this.pOffset = Int8Array.from(parts, ([at]) => at);
    this.pValue = Int8Array.from(parts, ([, v]) => valueIndex(v));
    this.maxContext =
      neighbours.length + chains.length + this.caseSlots.length + this.gazSlots.length * MAX_HITS;
  }

  private word(text: string, lower: string, id: number, lowerId: number): Word {
    const { shape, short, hasLetter, allUpper } = wordShape(text);
    const c0 = text.charCodeAt(0);
    const ascii = c0 < 128;
    const capitalised = ascii ? c0 >= 65 && c0 <= 90 : CAPITALISED.test(text);
    const capOrDigit = ascii ? capitalised || (c0 >= 48 && c0 <= 57) : CAP_OR_DIGIT.test(text);
    return {
      text,
      lower,
      id,
      lowerId,
      hasLetter,
      capitalised,
      capOrDigit,
      allUpper,
      // Only a capitalised word or number can start a gazetteer match.
      gazMask: capOrDigit ? (this.gaz.get(lower) ?? -1) : -1,
      gazPrefix: capOrDigit && this.gazPrefixes.has(lower),
      forms: [text, lower, shape, short],
    };
  }

  /** Fills a distinct word's own features, its features as a neighbour and its chain heads. */
  private wordFeatures(w: Word, d: FeatureDocument): void {
    const forms = w.forms;
    const own = this.ownNames.length;
    for (let k = 0; k < own; k++) {
      const parts = this.ownParts[k] ?? [];
      let h = this.ownNames[k] ?? 0;
      for (let p = 0; p < parts.length && !Number.isNaN(h); p++)
        h = fnvValue(p === 0 ? h : fnvChar(h, BAR), forms, parts[p] ?? 0);
      d.own[w.id * own + k] = Number.isNaN(h) ? -1 : this.resolve(fold(h));
    }
    const nN = this.nName.length;
    for (let k = 0; k < nN; k++) {
      const h = fnvValue(this.nName[k] ?? 0, forms, this.nValue[k] ?? 0);
      d.seen[w.id * nN + k] = Number.isNaN(h) ? -1 : this.resolve(fold(h));
    }
    // Features limited by `when` rarely fire: their heads are worked out where they do.
    const nC = this.cName.length;
    for (let k = 0; k < nC; k++) {
      if (this.cWhen[k] !== WHEN_ALWAYS) continue;
      d.heads[w.id * nC + k] = fnvValue(
        this.cName[k] ?? 0,
        forms,
        this.pValue[this.cStart[k] ?? 0] ?? 0,
      );
    }
  }

  /** A document's words and the first pass's document-wide facts about them. */
  document(sentences: string[][]): FeatureDocument {
    const nSent = sentences.length;
    const starts = new Int32Array(nSent + 1);
    let total = 0;
    for (let si = 0; si < nSent; si++) {
      starts[si] = total;
      total += sentences[si]?.length ?? 0;
    }
    starts[nSent] = total;
    const byText = new Map<string, Word>();
    const lowerIds = new Map<string, number>();
    const distinct: Word[] = [];
    const words = new Array<Word>(total);
    for (let si = 0, g = 0; si < nSent; si++) {
      for (const text of sentences[si] ?? []) {
        let w = byText.get(text);
        if (w === undefined) {
          const lower = text.toLowerCase();
          let lowerId = lowerIds.get(lower);
          if (lowerId === undefined) {
            lowerId = lowerIds.size;
            lowerIds.set(lower, lowerId);
          }
          w = this.word(text, lower, distinct.length, lowerId);
          byText.set(text, w);
          distinct.push(w);
        }
        words[g++] = w;
      }
    }
    const nLower = lowerIds.size;
    const d: FeatureDocument = {
      words,
      distinct,
      own: new Int32Array(distinct.length * this.ownNames.length),
      ownCount: this.ownNames.length,
      seen: new Int32Array(distinct.length * this.nName.length),
      heads: new Float64Array(distinct.length * this.cName.length),
      starts,
      nLower,
      upper: new Uint8Array(nSent),
      capMid: new Uint8Array(nLower),
      lowerSeen: new Uint8Array(nLower),
      gazetteer: new Array<number[] | undefined>(total),
    };
    for (const w of distinct) this.wordFeatures(w, d);
    // docStats() of features.ts: which words are capitalised mid-sentence, which in lower case.
    for (let si = 0; si < nSent; si++) {
      const a = starts[si] ?? 0;
      const b = starts[si + 1] ?? 0;
      let letters = 0;
      let up = 0;
      for (let g = a; g < b; g++) {
        const w = words[g] as Word;
        if (!w.hasLetter) continue;
        letters++;
        if (w.allUpper) up++;
      }
      const isUpper = letters >= 2 && up / letters > 0.8;
      d.upper[si] = isUpper ? 1 : 0;
      for (let g = a; g < b; g++) {
        const w = words[g] as Word;
        if (w.text === w.lower) {
          if (w.hasLetter) d.lowerSeen[w.lowerId] = 1;
        } else if (
          !isUpper &&
          g > a &&
          w.capitalised &&
          !OPENER.test((words[g - 1] as Word).text)
        ) {
          d.capMid[w.lowerId] = 1;
        }
      }
      this.gazetteerHits(words, a, b, d.gazetteer);
    }
    return d;
  }

  /** gazetteerHits() of features.ts, as codes (category × 4 + B/I/L/U) per token. */
  private gazetteerHits(doc: Word[], a: number, b: number, gz: (number[] | undefined)[]): void {
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
          for (let n = 0; n < GAZ_CATEGORIES.length; n++) {
            if ((mask & GAZ[GAZ_CATEGORIES[n] ?? 'PER']) === 0) continue;
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

  /**
   * Writes the resolved features of token g (in sentence si) that are not its word's own
   * into `out`, which holds maxContext; returns how many.
   */
  context(d: FeatureDocument, si: number, g: number, out: Int32Array): number {
    const a = d.starts[si] ?? 0;
    const b = d.starts[si + 1] ?? 0;
    const doc = d.words;
    let n = 0;
    const nOffset = this.nOffset;
    const nN = nOffset.length;
    for (let k = 0; k < nN; k++) {
      const j = g + (nOffset[k] ?? 0);
      out[n++] =
        j < a
          ? (this.nBefore[k] ?? -1)
          : j >= b
            ? (this.nAfter[k] ?? -1)
            : (d.seen[(doc[j] as Word).id * nN + k] ?? -1);
    }
    const first = g === a;
    const upper = d.upper[si] === 1;
    const cWhen = this.cWhen;
    const nC = cWhen.length;
    for (let k = 0; k < nC; k++) {
      const when = cWhen[k];
      if ((when === WHEN_FIRST && !first) || (when === WHEN_UPPER && !upper)) continue;
      const p0 = this.cStart[k] ?? 0;
      const p1 = this.cStart[k + 1] ?? 0;
      let j = g + (this.pOffset[p0] ?? 0);
      let h =
        j < a
          ? (this.cBefore[k] ?? NaN)
          : j >= b
            ? (this.cAfter[k] ?? NaN)
            : when === WHEN_ALWAYS
              ? (d.heads[(doc[j] as Word).id * nC + k] ?? NaN)
              : fnvValue(this.cName[k] ?? 0, (doc[j] as Word).forms, this.pValue[p0] ?? 0);
      for (let p = p0 + 1; p < p1 && !Number.isNaN(h); p++) {
        j = g + (this.pOffset[p] ?? 0);
        h = fnvChar(h, BAR);
        h =
          j < a
            ? fnv(h, BEFORE_SENTENCE)
            : j >= b
              ? fnv(h, AFTER_SENTENCE)
              : fnvValue(h, (doc[j] as Word).forms, this.pValue[p] ?? 0);
      }
      if (!Number.isNaN(h)) out[n++] = this.resolve(fold(h));
    }
    const w = doc[g] as Word;
    if (this.caseSlots.length > 0 && caseSaysNothing(w, upper, first)) {
      const place = upper ? 0 : first ? 1 : 2;
      const code = (d.capMid[w.lowerId] ?? 0) * 6 + (d.lowerSeen[w.lowerId] ?? 0) * 3 + place;
      for (const slots of this.caseSlots) out[n++] = slots[code] ?? -1;
    }
    for (let k = 0; k < this.gazOffsets.length; k++) {
      const j = g + (this.gazOffsets[k] ?? 0);
      if (j < a || j >= b) continue;
      const slots = this.gazSlots[k] as Int32Array;
      for (const code of d.gazetteer[j] ?? []) out[n++] = slots[code] ?? -1;
    }
    return n;
  }
}
