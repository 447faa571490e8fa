// Feature extraction as training sees it: each feature of feature-table.ts spelled out as
// a string and hashed. The runtime (compiled-features.ts) compiles the same table instead;
// tests/unit/entity-features.test.ts checks that both give every token the same hashes.
// Features are hashed into a fixed space; the model keeps only the weights that survived
// pruning.
import { hashFeature } from './feature-hash.ts';
import {
  AFTER_SENTENCE,
  BEFORE_SENTENCE,
  DOCUMENT_FEATURES,
  GAZ,
  GAZ_CATEGORIES,
  GAZ_MAX_TOKENS,
  PHRASE_PARTS,
  TOKEN_FEATURES,
  type TokenFeature,
  WORD_VALUES,
  type WordValue,
  type WordForm,
  caseSaysNothing,
  fires,
  isOwnFeature,
  spellCaseElsewhere,
  spellGazetteer,
  valueEnd,
  valueStart,
} from './feature-table.ts';
import { O, type TagSpan, partOf, spansOf, tagName, typeOf } from './tags.ts';
import { wordShape } from './word-shape.ts';

export { HASH_BITS, hashFeature } from './feature-hash.ts';
export { GAZ, GAZ_MAX_TOKENS } from './feature-table.ts';
export { collapseShape, shape, shortShape } from './word-shape.ts';

/** Does the token start with a capital letter? */
export function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

/** Whether a sentence is set in capitals (a headline), where case says nothing. */
export function isUpperSentence(words: string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    letters++;
    if (w === w.toUpperCase()) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/** Phrase lists keyed by lower-cased, space-joined tokens; values are GAZ bit masks. */
export type Gazetteer = Map<string, number>;

/** Per-document word statistics: capitalisation of a word elsewhere in the same text. */
export interface DocStats {
  /** lower-cased word -> times seen capitalised inside a mixed-case sentence, not first. */
  capMid: Map<string, number>;
  /** lower-cased word -> times seen in lower case. */
  lower: Map<string, number>;
}

/** Collects the capitalisation evidence the first pass uses for headline and initial words. */
export function docStats(sentences: string[][]): DocStats {
  const capMid = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const words of sentences) {
    const upper = isUpperSentence(words);
    words.forEach((w, i) => {
      const lw = w.toLowerCase();
      if (w === lw) {
        if (/\p{L}/u.test(w)) lower.set(lw, (lower.get(lw) ?? 0) + 1);
      } else if (!upper && i > 0 && isCapitalised(w) && !/^["“'‘(]$/u.test(words[i - 1] ?? '')) {
        capMid.set(lw, (capMid.get(lw) ?? 0) + 1);
      }
    });
  }
  return { capMid, lower };
}

type Hit = [keyof typeof GAZ, (typeof PHRASE_PARTS)[number]];

/** Per token, the gazetteer phrases covering it: category and place in the phrase. */
function gazetteerHits(words: string[], gaz: Gazetteer): Hit[][] {
  const hits: Hit[][] = words.map(() => []);
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    if (!/^[\p{Lu}\p{N}]/u.test(words[i] ?? '')) continue;
    let key = '';
    for (let len = 1; len <= GAZ_MAX_TOKENS && i + len <= words.length; len++) {
      key = len === 1 ? (lower[i] ?? '') : `${key} ${lower[i + len - 1] ?? ''}`;
      const mask = gaz.get(key);
      if (mask === undefined || !/^[\p{Lu}\p{N}]/u.test(words[i + len - 1] ?? '')) continue;
      for (const name of GAZ_CATEGORIES) {
        if ((mask & GAZ[name]) === 0) continue;
        for (let j = i; j < i + len; j++) {
          const part = PHRASE_PARTS[len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1];
          hits[j]?.push([name, part]);
        }
      }
    }
  }
  return hits;
}

type WordsFeature = Extract<TokenFeature, { kind: 'words' }>;
const OWN_FEATURES = TOKEN_FEATURES.filter(isOwnFeature);
const CONTEXT_FEATURES = TOKEN_FEATURES.filter((f) => !isOwnFeature(f));

type Forms = Record<WordForm, string>;

function formsOf(text: string): Forms {
  const { shape, short } = wordShape(text);
  return { text, lower: text.toLowerCase(), shape, short };
}

function valueOf(forms: Forms, value: WordValue): string | null {
  const spec = WORD_VALUES[value];
  const form = forms[spec.form];
  const from = valueStart(spec, form.length);
  return from < 0 ? null : form.slice(from, valueEnd(spec, form.length));
}

/** A 'words' feature's string at token i, or null where one of its values is absent. */
function spellWords(f: WordsFeature, forms: Forms[], i: number): string | null {
  let out = f.name;
  for (let k = 0; k < f.parts.length; k++) {
    const [at, value] = f.parts[k] ?? [0, 'text'];
    const j = i + at;
    const word = forms[j];
    const v = j < 0 ? BEFORE_SENTENCE : word === undefined ? AFTER_SENTENCE : valueOf(word, value);
    if (v === null) return null;
    out += k === 0 ? v : `|${v}`;
  }
  return out;
}

// Features of the word alone, hashed once per distinct word and call.
function wordFeatures(forms: Forms, cache: Map<string, number[]>): number[] {
  let hashed = cache.get(forms.text);
  if (hashed === undefined) {
    hashed = [];
    for (const f of OWN_FEATURES) {
      const s = spellWords(f, [forms], 0);
      if (s !== null) hashed.push(hashFeature(s));
    }
    cache.set(forms.text, hashed);
  }
  return hashed;
}

/** Hashed first-pass features for each token of one sentence. */
export function sentenceFeatures(
  words: string[],
  gaz: Gazetteer,
  stats: DocStats,
  cache: Map<string, number[]> = new Map(),
): Uint32Array[] {
  const upper = isUpperSentence(words);
  const forms = words.map(formsOf);
  const gz = gazetteerHits(words, gaz);
  return forms.map((w, i) => {
    const f: string[] = [];
    for (const feature of CONTEXT_FEATURES) {
      if (feature.kind === 'words') {
        if (!fires(feature.when, i === 0, upper)) continue;
        const s = spellWords(feature, forms, i);
        if (s !== null) f.push(s);
      } else if (feature.kind === 'case-elsewhere') {
        const { hasLetter, allUpper } = wordShape(w.text);
        if (
          !caseSaysNothing(
            { hasLetter, allUpper, capitalised: isCapitalised(w.text) },
            upper,
            i === 0,
          )
        )
          continue;
        f.push(
          spellCaseElsewhere(
            feature.name,
            (stats.capMid.get(w.lower) ?? 0) > 0,
            (stats.lower.get(w.lower) ?? 0) > 0,
            upper ? 'U' : i === 0 ? 'F' : 'M',
          ),
        );
      } else {
        for (const [category, part] of gz[i + feature.at] ?? [])
          f.push(spellGazetteer(feature.name, category, part));
      }
    }
    const own = wordFeatures(w, cache);
    const keys = new Uint32Array(own.length + f.length);
    keys.set(own);
    f.forEach((x, k) => (keys[own.length + k] = hashFeature(x)));
    return keys;
  });
}

/** Appends hashed extra features (the second pass's document features) to each token's. */
export function withExtra(features: Uint32Array[], extra: string[][]): Uint32Array[] {
  return features.map((keys, i) => {
    const more = extra[i] ?? [];
    const out = new Uint32Array(keys.length + more.length);
    out.set(keys);
    more.forEach((x, k) => (out[keys.length + k] = hashFeature(x)));
    return out;
  });
}

// Second-pass features from the first pass's tags over the whole document: how the same
// word was tagged elsewhere, whether it is part of a longer name, an acronym of one.
/** Document-level evidence, which lets "Zelensky" inherit PER from "Volodymyr Zelensky". */
export function documentFeatures(doc: string[][], firstPass: Uint8Array[]): string[][][] {
  interface Occ {
    sent: number;
    tok: number;
    type: string;
  }
  const occurrences = new Map<string, Occ[]>();
  const parts = new Map<string, { sent: number; start: number; type: string; pos: string }[]>();
  const acronyms = new Map<string, { sent: number; start: number; type: string }[]>();
  const spansBySent: TagSpan[][] = firstPass.map((tags) => spansOf(tags));
  doc.forEach((words, si) => {
    const tags = firstPass[si] ?? new Uint8Array(words.length);
    words.forEach((w, ti) => {
      if (!/\p{L}/u.test(w)) return;
      const lw = w.toLowerCase();
      const type = typeOf(tags[ti] ?? O) ?? 'O';
      if (type === 'O' && !isCapitalised(w)) return;
      const list = occurrences.get(lw) ?? [];
      list.push({ sent: si, tok: ti, type });
      occurrences.set(lw, list);
    });
    for (const span of spansBySent[si] ?? []) {
      const len = span.end - span.start;
      if (len < 2) continue;
      let initials = '';
      for (let k = span.start; k < span.end; k++) {
        const w = words[k] ?? '';
        const pos = k === span.start ? 'F' : k === span.end - 1 ? 'L' : 'M';
        const lw = w.toLowerCase();
        const list = parts.get(lw) ?? [];
        list.push({ sent: si, start: span.start, type: span.type, pos });
        parts.set(lw, list);
        if (isCapitalised(w)) initials += w[0] ?? '';
      }
      if (initials.length >= 2) {
        const list = acronyms.get(initials) ?? [];
        list.push({ sent: si, start: span.start, type: span.type });
        acronyms.set(initials, list);
      }
    }
  });
  return doc.map((words, si) => {
    const tags = firstPass[si] ?? new Uint8Array(words.length);
    const own = spansBySent[si] ?? [];
    return words.map((w, ti) => {
      const tag = tags[ti] ?? O;
      const f = [
        DOCUMENT_FEATURES.tag(tagName(tag)),
        DOCUMENT_FEATURES.tagAfter(
          ti > 0 ? tagName(tags[ti - 1] ?? O) : BEFORE_SENTENCE,
          tagName(tag),
        ),
        DOCUMENT_FEATURES.tagBefore(
          tagName(tag),
          ti + 1 < words.length ? tagName(tags[ti + 1] ?? O) : AFTER_SENTENCE,
        ),
      ];
      if (!/\p{L}/u.test(w)) return f;
      const lw = w.toLowerCase();
      const counts = new Map<string, number>();
      for (const o of occurrences.get(lw) ?? []) {
        if (o.sent === si && o.tok === ti) continue;
        counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
      }
      let best = '';
      let bestN = 0;
      for (const [type, c] of counts) {
        f.push(DOCUMENT_FEATURES.typeElsewhere(type));
        if (c > bestN) {
          best = type;
          bestN = c;
        }
      }
      if (best !== '')
        f.push(
          DOCUMENT_FEATURES.mostlyTyped(best),
          DOCUMENT_FEATURES.mostlyTypedAs(best, partOf(tag)),
        );
      const inOwn = own.find((s) => s.start <= ti && ti < s.end);
      const seen = new Set<string>();
      for (const p of parts.get(lw) ?? []) {
        if (p.sent === si && inOwn !== undefined && p.start === inOwn.start) continue;
        seen.add(DOCUMENT_FEATURES.partOfName(p.type, p.pos));
      }
      f.push(...seen);
      if (w.length >= 2 && w.length <= 6 && w === w.toUpperCase()) {
        const types = new Set<string>();
        for (const a of acronyms.get(w) ?? []) types.add(a.type);
        for (const t of types) f.push(DOCUMENT_FEATURES.acronymOf(t));
      }
      return f;
    });
  });
}
