// The features of the entity tagger, declared once. Training (features.ts) spells each
// feature as a string and hashes it; the runtime (compiled-features.ts) compiles the same
// table into per-word caches and hash continuations. The shipped weights are keyed by the
// hashes of these spellings, so changing a name, a part or an offset means retraining
// (scripts/ner/train.ts).

/** The forms of a word a feature can read. */
export const WORD_FORMS = ['text', 'lower', 'shape', 'short'] as const;
export type WordForm = (typeof WORD_FORMS)[number];

/** A value a feature reads of a word: a form, or its first or last k UTF-16 units. */
export interface WordValueSpec {
  readonly form: WordForm;
  readonly first?: number;
  readonly last?: number;
  /** Absent unless the form is longer: an affix as long as the word says nothing new. */
  readonly proper?: boolean;
}

/** The values a feature part can read of a word, by name. */
export const WORD_VALUES = {
  text: { form: 'text' },
  lower: { form: 'lower' },
  shape: { form: 'shape' },
  shortShape: { form: 'short' },
  last3: { form: 'lower', last: 3 },
  prefix1: { form: 'lower', first: 1, proper: true },
  prefix2: { form: 'lower', first: 2, proper: true },
  prefix3: { form: 'lower', first: 3, proper: true },
  prefix4: { form: 'lower', first: 4, proper: true },
  suffix1: { form: 'lower', last: 1, proper: true },
  suffix2: { form: 'lower', last: 2, proper: true },
  suffix3: { form: 'lower', last: 3, proper: true },
  suffix4: { form: 'lower', last: 4, proper: true },
} as const satisfies Record<string, WordValueSpec>;

export type WordValue = keyof typeof WORD_VALUES;

/** Where a value starts in its form of length n, or -1 where it is absent. */
export function valueStart(v: WordValueSpec, n: number): number {
  const k = v.first ?? v.last;
  if (k === undefined) return 0;
  if (v.proper === true && k >= n) return -1;
  return v.last === undefined ? 0 : Math.max(0, n - k);
}

/** Where a value ends in its form of length n. */
export function valueEnd(v: WordValueSpec, n: number): number {
  return v.first === undefined ? n : Math.min(n, v.first);
}

/** Token offsets a feature reads at. Outside the sentence every value reads as below. */
export type Offset = -2 | -1 | 0 | 1 | 2;
export const BEFORE_SENTENCE = '<s>';
export const AFTER_SENTENCE = '</s>';

/** One part of a feature: a value of the word at an offset from the token. */
export type Part = readonly [Offset, WordValue];

/** One feature template of the first pass (the second pass adds document features). */
export type TokenFeature =
  /** Spelled `name` then its parts' values joined by '|'; `when` limits where it fires. */
  | {
      readonly kind: 'words';
      readonly name: string;
      readonly parts: readonly Part[];
      readonly when?: 'first' | 'upper';
    }
  /** Where case says nothing of the token, how its word is written elsewhere in the text. */
  | { readonly kind: 'case-elsewhere'; readonly name: string }
  /** The gazetteer phrases that cover the token at `at`: category and place in the phrase. */
  | { readonly kind: 'gazetteer'; readonly name: string; readonly at: Offset };

const words = (name: string, ...parts: Part[]): TokenFeature => ({ kind: 'words', name, parts });

/** Every first-pass feature, in the order training lists them. */
export const TOKEN_FEATURES: readonly TokenFeature[] = [
  words('b'),
  words('w=', [0, 'text']),
  words('l=', [0, 'lower']),
  words('s=', [0, 'shape']),
  words('ss=', [0, 'shortShape']),
  words('p1=', [0, 'prefix1']),
  words('x1=', [0, 'suffix1']),
  words('p2=', [0, 'prefix2']),
  words('x2=', [0, 'suffix2']),
  words('p3=', [0, 'prefix3']),
  words('x3=', [0, 'suffix3']),
  words('p4=', [0, 'prefix4']),
  words('x4=', [0, 'suffix4']),
  words('l-1=', [-1, 'lower']),
  words('l-2=', [-2, 'lower']),
  words('l+1=', [1, 'lower']),
  words('l+2=', [2, 'lower']),
  words('bi-=', [-1, 'lower'], [0, 'lower']),
  words('bi+=', [0, 'lower'], [1, 'lower']),
  words('ss-=', [-1, 'shortShape'], [0, 'shortShape']),
  words('ss+=', [0, 'shortShape'], [1, 'shortShape']),
  words('ss3=', [-1, 'shortShape'], [0, 'shortShape'], [1, 'shortShape']),
  words('x3-1=', [-1, 'last3']),
  { kind: 'words', name: 'first|', parts: [[0, 'shortShape']], when: 'first' },
  { kind: 'words', name: 'up|', parts: [[0, 'shortShape']], when: 'upper' },
  { kind: 'words', name: 'up|l=', parts: [[0, 'lower']], when: 'upper' },
  { kind: 'case-elsewhere', name: 'dc=' },
  { kind: 'gazetteer', name: 'g=', at: 0 },
  { kind: 'gazetteer', name: 'g-1=', at: -1 },
  { kind: 'gazetteer', name: 'g+1=', at: 1 },
];

/** A feature of the word alone, whatever its neighbours: worked out once per distinct word. */
export function isOwnFeature(
  f: TokenFeature,
): f is Extract<TokenFeature, { kind: 'words' }> & { when?: undefined } {
  return f.kind === 'words' && f.when === undefined && f.parts.every(([at]) => at === 0);
}

/** Whether a 'words' feature fires at a token, given where the token stands. */
export function fires(
  when: 'first' | 'upper' | undefined,
  first: boolean,
  upper: boolean,
): boolean {
  return when === undefined || (when === 'first' ? first : upper);
}

// Case-elsewhere: whether the word is seen capitalised mid-sentence (C) and in lower case
// (L) elsewhere, and where this token stands: in a capitals sentence (U), first (F), or
// mid-sentence (M).
export const CASE_PLACES = ['U', 'F', 'M'] as const;

/** Whether a token's case says nothing of it, so case-elsewhere features are asked. */
export function caseSaysNothing(
  w: { hasLetter: boolean; capitalised: boolean; allUpper: boolean },
  upperSentence: boolean,
  first: boolean,
): boolean {
  return w.hasLetter && (upperSentence || first || !w.capitalised || w.allUpper);
}

/** The case-elsewhere feature's spelling. */
export function spellCaseElsewhere(
  name: string,
  capitalisedElsewhere: boolean,
  lowerElsewhere: boolean,
  place: (typeof CASE_PLACES)[number],
): string {
  return `${name}${capitalisedElsewhere ? 'C' : ''}${lowerElsewhere ? 'L' : ''}|${place}`;
}

// Gazetteer categories, one bit each, in the order their features are listed.
export const GAZ = { PER: 1, ORG: 2, LOC: 4, MISC: 8, FIRST: 16, PLACE: 32 } as const;
export const GAZ_CATEGORIES = Object.keys(GAZ) as (keyof typeof GAZ)[];
/** Where a token stands in a gazetteer phrase: begin, inside, last, or a one-word phrase. */
export const PHRASE_PARTS = ['B', 'I', 'L', 'U'] as const;
export const GAZ_MAX_TOKENS = 5;

/** A gazetteer feature's spelling. */
export function spellGazetteer(
  name: string,
  category: keyof typeof GAZ,
  part: (typeof PHRASE_PARTS)[number],
): string {
  return `${name}${category}${part}`;
}

// The second pass's document features, read from the first pass's tags over the whole
// document rather than from a token's neighbours; their spellings are shared here, the
// two ways of counting them (features.ts, tagger.ts) are compared by the unit tests.
/** Spellings of the second pass's document features. */
export const DOCUMENT_FEATURES = {
  tag: (tag: string): string => `p1=${tag}`,
  tagAfter: (before: string, tag: string): string => `p1-=${before}|${tag}`,
  tagBefore: (tag: string, after: string): string => `p1+=${tag}|${after}`,
  typeElsewhere: (type: string): string => `dany=${type}`,
  mostlyTyped: (type: string): string => `dmaj=${type}`,
  mostlyTypedAs: (type: string, part: string): string => `dmaj=${type}|${part}`,
  partOfName: (type: string, place: string): string => `dpart=${type}:${place}`,
  acronymOf: (type: string): string => `dacr=${type}`,
} as const;
