import type { EntityHint, EntityMention, EntityType } from '../types.ts';
import { GAZ, type Gazetteer } from './features.ts';
import { parseGazetteer } from './gazetteer.ts';
import { correctMentions } from './precision.ts';
import { decodeModels, fromBase64 } from './model.ts';
import { GAZETTEER, MODEL_BASE64 } from './model-data.ts';
import { CompiledTagger } from './tagger.ts';
import { N_TAGS, type NerType, partOf, spansOf, typeOf } from './tags.ts';
import { type Token, splitSentences, tokenize } from './tokenize.ts';

// A name the page itself declares: the model's record (lib/model/page-report.ts).
export type { EntityHint };

const TO_TYPE: Partial<Record<NerType, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
};
const ALL_TAGS = (1 << N_TAGS) - 1;
const FROM_TYPE: Record<EntityType, NerType> = { person: 'PER', organization: 'ORG', place: 'LOC' };

let tagger: CompiledTagger | null = null;
let gazetteer: Gazetteer | null = null;

function getGazetteer(): Gazetteer {
  gazetteer ??= parseGazetteer(GAZETTEER);
  return gazetteer;
}

// Decoding the model costs a few milliseconds, so it is done once, on first use.
function getTagger(): CompiledTagger {
  if (tagger === null) {
    const [pass1, pass2] = decodeModels(fromBase64(MODEL_BASE64));
    if (pass1 === undefined || pass2 === undefined)
      throw new Error('entity model: expected two passes');
    tagger = new CompiledTagger(pass1, pass2, getGazetteer());
  }
  return tagger;
}

/** True when the gazetteer lists a name (lower-cased, as the tokenizer splits it) as a place. */
function isKnownPlace(name: string): boolean {
  const mask = getGazetteer().get(
    tokenize(name)
      .map((t) => t.text.toLowerCase())
      .join(' '),
  );
  return mask !== undefined && (mask & (GAZ.LOC | GAZ.PLACE)) !== 0;
}

/** Lower-cased word keys, so a hint matches "ORBAN" or "Orban" alike. */
function key(w: string): string {
  return w.normalize('NFKC').toLowerCase();
}

const CAP_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/** Tags a forced token may take: its part of the hinted span, of the hint's type if given. */
function forcedMask(pos: 'B' | 'I' | 'L' | 'U', type: NerType | undefined): number {
  let mask = 0;
  for (let tag = 0; tag < N_TAGS; tag++) {
    const t = typeOf(tag);
    if (partOf(tag) === pos && t !== null && t !== 'MISC' && (type === undefined || type === t))
      mask |= 1 << tag;
  }
  return mask;
}

// A hint is forced wherever its words occur as a capitalised run: the tagger may only
// emit that span there (typed if the hint gives a type). Longer hints go first.
function hintMasks(sentences: Token[][], hints: EntityHint[]): (Uint32Array | undefined)[] {
  const patterns = hints
    .map((h) => ({
      words: tokenize(h.name).map((t) => key(t.text)),
      type: h.type && FROM_TYPE[h.type],
    }))
    .filter((p) => p.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  // Where each word key occurs, so a hint is tried only where its first word is.
  const firstWords = new Set(patterns.map((p) => p.words[0]));
  const at = new Map<string, [number, number][]>();
  const keys = sentences.map((sent, si) =>
    sent.map((tok, i) => {
      const k = key(tok.text);
      if (firstWords.has(k)) {
        const list = at.get(k);
        if (list === undefined) at.set(k, [[si, i]]);
        else list.push([si, i]);
      }
      return k;
    }),
  );
  const masks: (Uint32Array | undefined)[] = sentences.map(() => undefined);
  for (const p of patterns) {
    const n = p.words.length;
    for (const [si, i] of at.get(p.words[0] ?? '') ?? []) {
      const sent = sentences[si] ?? [];
      const ks = keys[si] ?? [];
      if (i + n > sent.length) continue;
      if (!p.words.every((w, k) => ks[i + k] === w)) continue;
      if (!CAP_OR_DIGIT.test(sent[i]?.text ?? '')) continue;
      let mask = masks[si];
      if (mask === undefined) {
        mask = new Uint32Array(sent.length).fill(ALL_TAGS);
        masks[si] = mask;
      }
      let clash = false;
      for (let k = i; k < i + n; k++) if (mask[k] !== ALL_TAGS) clash = true;
      if (clash) continue;
      for (let k = i; k < i + n; k++) {
        const pos = n === 1 ? 'U' : k === i ? 'B' : k === i + n - 1 ? 'L' : 'I';
        mask[k] = forcedMask(pos, p.type);
      }
    }
  }
  return masks;
}

// Titles are not part of a person's name (CoNLL leaves them out too), but a capitalised
// "Chancellor" or "Prime Minister" before a name is easily swept into the span.
const TITLES = new Set(
  (
    'president vice prime minister chancellor secretary senator sen. rep. representative gov. ' +
    'governor mayor king queen prince princess pope general gen. col. lt. sgt. capt. adm. ' +
    'judge justice chairman chairwoman chief mr. mrs. ms. dr. prof. sir dame lord lady sheikh ' +
    'ayatollah cardinal bishop archbishop rabbi speaker commissioner ambassador deputy foreign ' +
    'defence defense interior finance state envoy premier emir sultan crown u.s. former ' +
    'coach head assistant manager boss skipper captain spokesman spokeswoman spokesperson'
  ).split(' '),
);

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Trims a span's possessive and edge punctuation, as the article types expect. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  // Most spans start and end on a letter or digit and have no possessive: nothing to trim.
  if (
    end > start &&
    isAsciiAlnum(text.charCodeAt(start)) &&
    isAsciiAlnum(text.charCodeAt(end - 1)) &&
    !(/[sS]/.test(text.charAt(end - 1)) && /['’]/.test(text.charAt(end - 2)))
  )
    return { start, end };
  let s = start;
  let e = end;
  for (;;) {
    const before = [s, e];
    const m = /['’][sS]$/u.exec(text.slice(s, e));
    if (m !== null && e - s > 2) e -= 2;
    const inner = text.slice(s, e);
    const lead = /^[\s\p{P}\p{S}]+/u.exec(inner)?.[0].length ?? 0;
    const trail = /[\s\p{P}\p{S}]+$/u.exec(inner)?.[0].length ?? 0;
    // Keep the final period of an abbreviation such as "U.S." or "Corp.".
    const keepDot = trail === 1 && inner.endsWith('.') && /(?:^|[\s.])\p{L}{1,4}\.$/u.test(inner);
    if (lead < inner.length) {
      s += lead;
      e -= keepDot ? 0 : trail;
    }
    if (before[0] === s && before[1] === e) return { start: s, end: e };
  }
}

// The whole text is one document: a name seen in full elsewhere in it helps.
/** Person, place and organisation mentions in plain text; hints force their spans. */
export function recognizeEntities(
  text: string,
  options: { hints?: EntityHint[] } = {},
): EntityMention[] {
  const sentences = splitSentences(text, tokenize(text));
  if (sentences.length === 0) return [];
  const words = sentences.map((s) => s.map((tok) => tok.text));
  const masks =
    options.hints && options.hints.length > 0 ? hintMasks(sentences, options.hints) : undefined;
  const { starts, tags2 } = getTagger().tag(words, masks);
  const out: EntityMention[] = [];
  sentences.forEach((sent, si) => {
    const tags = tags2.subarray(starts[si] ?? 0, starts[si + 1] ?? 0);
    for (const span of spansOf(tags)) {
      if (span.type === 'PER') {
        while (
          span.end - span.start > 1 &&
          TITLES.has((sent[span.start]?.text ?? '').toLowerCase())
        )
          span.start++;
      }
      const type = TO_TYPE[span.type];
      const a = sent[span.start];
      const b = sent[span.end - 1];
      if (type === undefined || a === undefined || b === undefined) continue;
      const { start, end } = trimSpan(text, a.start, b.end);
      if (end <= start) continue;
      out.push({ type, text: text.slice(start, end), start, end });
    }
  });
  return correctMentions(text, out, isKnownPlace);
}
