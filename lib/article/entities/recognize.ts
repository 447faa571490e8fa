import type { EntityMention, EntityType } from '../types.ts';
import { docStats } from './features.ts';
import { parseGazetteer } from './gazetteer.ts';
import { type LinearModel, decodeModels, emissionScores, fromBase64 } from './model.ts';
import { GAZETTEER, MODEL_BASE64 } from './model-data.ts';
import { type Permit, decodeSentences, firstPassFeatures, secondPassFeatures } from './pipeline.ts';
import { type NerType, partOf, spansOf, typeOf } from './tags.ts';
import { type Token, splitSentences, tokenize } from './tokenize.ts';

/** A name the page itself declares (JSON-LD about/mentions/author, keywords). */
export interface EntityHint {
  name: string;
  type?: EntityType;
}

const TO_TYPE: Partial<Record<NerType, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
};
const FROM_TYPE: Record<EntityType, NerType> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface Tagger {
  pass1: LinearModel;
  pass2: LinearModel;
  gazetteer: ReturnType<typeof parseGazetteer>;
}

let tagger: Tagger | null = null;

// Decoding the model costs a few milliseconds, so it is done once, on first use.
function getTagger(): Tagger {
  if (tagger === null) {
    const [pass1, pass2] = decodeModels(fromBase64(MODEL_BASE64));
    if (pass1 === undefined || pass2 === undefined)
      throw new Error('entity model: expected two passes');
    tagger = { pass1, pass2, gazetteer: parseGazetteer(GAZETTEER) };
  }
  return tagger;
}

function scorer(model: LinearModel): {
  emissions: (f: Uint32Array[]) => Int32Array;
  transitions: Int16Array;
} {
  return { emissions: (f) => emissionScores(model, f), transitions: model.transitions };
}

/** Lower-cased word keys, so a hint matches "ORBAN" or "Orban" alike. */
function key(w: string): string {
  return w.normalize('NFKC').toLowerCase();
}

// A hint is forced wherever its words occur as a capitalised run: the tagger may only
// emit that span there (typed if the hint gives a type).
function hintPermits(sentences: Token[][], hints: EntityHint[]): Permit[] {
  const forced = sentences.map(
    () => new Map<number, { pos: 'B' | 'I' | 'L' | 'U'; type?: NerType }>(),
  );
  const patterns = hints
    .map((h) => ({
      words: tokenize(h.name).map((t) => key(t.text)),
      type: h.type && FROM_TYPE[h.type],
    }))
    .filter((p) => p.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  sentences.forEach((sent, si) => {
    const map = forced[si];
    if (map === undefined) return;
    for (const p of patterns) {
      for (let i = 0; i + p.words.length <= sent.length; i++) {
        const n = p.words.length;
        if (!p.words.every((w, k) => key(sent[i + k]?.text ?? '') === w)) continue;
        if (!/^[\p{Lu}\p{N}]/u.test(sent[i]?.text ?? '')) continue;
        let clash = false;
        for (let k = i; k < i + n; k++) if (map.has(k)) clash = true;
        if (clash) continue;
        for (let k = i; k < i + n; k++) {
          const pos = n === 1 ? 'U' : k === i ? 'B' : k === i + n - 1 ? 'L' : 'I';
          map.set(k, p.type ? { pos, type: p.type } : { pos });
        }
      }
    }
  });
  return forced.map((map) =>
    map.size === 0
      ? undefined
      : (i: number, tag: number): boolean => {
          const f = map.get(i);
          if (f === undefined) return true;
          const type = typeOf(tag);
          return (
            partOf(tag) === f.pos &&
            type !== null &&
            type !== 'MISC' &&
            (f.type === undefined || f.type === type)
          );
        },
  );
}

// Titles are not part of a person's name (CoNLL leaves them out too), but a capitalised
// "Chancellor" or "Prime Minister" before a name is easily swept into the span.
const TITLES = new Set(
  (
    'president vice prime minister chancellor secretary senator sen. rep. representative gov. ' +
    'governor mayor king queen prince princess pope general gen. col. lt. sgt. capt. adm. ' +
    'judge justice chairman chairwoman chief mr. mrs. ms. dr. prof. sir dame lord lady sheikh ' +
    'ayatollah cardinal bishop archbishop rabbi speaker commissioner ambassador deputy foreign ' +
    'defence defense interior finance state envoy premier emir sultan crown u.s. former'
  ).split(' '),
);

/** Trims a span's possessive and edge punctuation, as the article types expect. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
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
  const t = getTagger();
  const sentences = splitSentences(text, tokenize(text));
  if (sentences.length === 0) return [];
  const words = sentences.map((s) => s.map((tok) => tok.text));
  const stats = docStats(words);
  const permits =
    options.hints && options.hints.length > 0 ? hintPermits(sentences, options.hints) : undefined;
  const feats = firstPassFeatures(words, t.gazetteer, stats);
  const first = decodeSentences(scorer(t.pass1), feats, permits);
  const second = decodeSentences(scorer(t.pass2), secondPassFeatures(words, feats, first), permits);
  const out: EntityMention[] = [];
  second.forEach((tags, si) => {
    const sent = sentences[si] ?? [];
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
  return out;
}
