// Feature extraction as training sees it, and the definition of the features: the runtime
// (tagger.ts) computes the same hashes without building the strings, so a change here must
// be mirrored there (tests/unit/entities.test.ts compares the two). Features are hashed
// into a fixed space; the model keeps only the weights that survived pruning.
import { O, type TagSpan, partOf, spansOf, tagName, typeOf } from './tags.ts';

export const HASH_BITS = 22;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** FNV-1a over UTF-16 units, folded into the model's hash space. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

/** Word shape with runs capped at 3: "Zelensky" -> "Xxxx", "1996-08-22" -> "ddd-dd-dd". */
export function shape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = charClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 3) out += c;
  }
  return out;
}

/** Shape with every run collapsed: "Zelensky" -> "Xx", "U.S." -> "X.X.". */
export function shortShape(w: string): string {
  return collapseShape(shape(w));
}

/** A shape with every run collapsed: shortShape(w) = collapseShape(shape(w)). */
export function collapseShape(s: string): string {
  let out = '';
  for (const c of s) if (c !== out[out.length - 1]) out += c;
  return out;
}

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

// Gazetteer categories, one bit each.
export const GAZ = { PER: 1, ORG: 2, LOC: 4, MISC: 8, FIRST: 16, PLACE: 32 } as const;
const GAZ_NAMES = Object.keys(GAZ) as (keyof typeof GAZ)[];
export const GAZ_MAX_TOKENS = 5;

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

function gazetteerHits(words: string[], gaz: Gazetteer): string[][] {
  const hits: string[][] = words.map(() => []);
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    if (!/^[\p{Lu}\p{N}]/u.test(words[i] ?? '')) continue;
    let key = '';
    for (let len = 1; len <= GAZ_MAX_TOKENS && i + len <= words.length; len++) {
      key = len === 1 ? (lower[i] ?? '') : `${key} ${lower[i + len - 1] ?? ''}`;
      const mask = gaz.get(key);
      if (mask === undefined || !/^[\p{Lu}\p{N}]/u.test(words[i + len - 1] ?? '')) continue;
      for (const name of GAZ_NAMES) {
        if ((mask & GAZ[name]) === 0) continue;
        for (let j = i; j < i + len; j++) {
          const part = len === 1 ? 'U' : j === i ? 'B' : j === i + len - 1 ? 'L' : 'I';
          hits[j]?.push(`${name}${part}`);
        }
      }
    }
  }
  return hits;
}

// Features of the word alone, hashed once per distinct word and call.
function wordFeatures(w: string, cache: Map<string, number[]>): number[] {
  let hashed = cache.get(w);
  if (hashed === undefined) {
    const l = w.toLowerCase();
    const f = ['b', `w=${w}`, `l=${l}`, `s=${shape(w)}`, `ss=${shortShape(w)}`];
    for (let k = 1; k <= 4 && k < l.length; k++)
      f.push(`p${k}=${l.slice(0, k)}`, `x${k}=${l.slice(-k)}`);
    hashed = f.map(hashFeature);
    cache.set(w, hashed);
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
  const n = words.length;
  const upper = isUpperSentence(words);
  const lw = words.map((w) => w.toLowerCase());
  const ss = words.map(shortShape);
  const gz = gazetteerHits(words, gaz);
  const at = (arr: string[], i: number): string =>
    i < 0 ? '<s>' : i >= n ? '</s>' : (arr[i] ?? '');
  const out: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i] ?? '';
    const l = lw[i] ?? '';
    const s = ss[i] ?? '';
    const f: string[] = [
      `l-1=${at(lw, i - 1)}`,
      `l-2=${at(lw, i - 2)}`,
      `l+1=${at(lw, i + 1)}`,
      `l+2=${at(lw, i + 2)}`,
      `bi-=${at(lw, i - 1)}|${l}`,
      `bi+=${l}|${at(lw, i + 1)}`,
      `ss-=${at(ss, i - 1)}|${s}`,
      `ss+=${s}|${at(ss, i + 1)}`,
      `ss3=${at(ss, i - 1)}|${s}|${at(ss, i + 1)}`,
      `x3-1=${at(lw, i - 1).slice(-3)}`,
    ];
    if (i === 0) f.push(`first|${s}`);
    if (upper) f.push(`up|${s}`, `up|l=${l}`);
    if (/\p{L}/u.test(w) && (upper || i === 0 || !isCapitalised(w) || w === w.toUpperCase())) {
      // Case is uninformative here: ask how the same word is written elsewhere in the text.
      const cap = (stats.capMid.get(l) ?? 0) > 0 ? 'C' : '';
      const low = (stats.lower.get(l) ?? 0) > 0 ? 'L' : '';
      f.push(`dc=${cap}${low}|${upper ? 'U' : i === 0 ? 'F' : 'M'}`);
    }
    for (const g of gz[i] ?? []) f.push(`g=${g}`);
    for (const g of gz[i - 1] ?? []) f.push(`g-1=${g}`);
    for (const g of gz[i + 1] ?? []) f.push(`g+1=${g}`);
    const own = wordFeatures(w, cache);
    const keys = new Uint32Array(own.length + f.length);
    keys.set(own);
    f.forEach((x, k) => (keys[own.length + k] = hashFeature(x)));
    out.push(keys);
  }
  return out;
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
  const parts = new Map<string, { sent: number; start: number; label: string }[]>();
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
        list.push({ sent: si, start: span.start, label: `${span.type}:${pos}` });
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
        `p1=${tagName(tag)}`,
        `p1-=${ti > 0 ? tagName(tags[ti - 1] ?? O) : '<s>'}|${tagName(tag)}`,
        `p1+=${tagName(tag)}|${ti + 1 < words.length ? tagName(tags[ti + 1] ?? O) : '</s>'}`,
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
        f.push(`dany=${type}`);
        if (c > bestN) {
          best = type;
          bestN = c;
        }
      }
      if (best !== '') f.push(`dmaj=${best}`, `dmaj=${best}|${partOf(tag)}`);
      const inOwn = own.find((s) => s.start <= ti && ti < s.end);
      const seen = new Set<string>();
      for (const p of parts.get(lw) ?? []) {
        if (p.sent === si && inOwn !== undefined && p.start === inOwn.start) continue;
        seen.add(p.label);
      }
      for (const label of seen) f.push(`dpart=${label}`);
      if (w.length >= 2 && w.length <= 6 && w === w.toUpperCase()) {
        const types = new Set<string>();
        for (const a of acronyms.get(w) ?? []) types.add(a.type);
        for (const t of types) f.push(`dacr=${t}`);
      }
      return f;
    });
  });
}
