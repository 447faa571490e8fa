// Scores the shipped recogniser on the held-out CoNLL-2003 documents (every 5th document,
// never trained or tuned on) with the rules of corpora/README.md:
// exact span after trimming edge punctuation and a trailing 's; MISC is not scored and an
// output overlapping only a MISC entity is ignored; micro F1 over PER/ORG/LOC.
//
//   npx tsx scripts/ner/eval.ts
import path from 'node:path';
import { mergeEntities } from '../../lib/article/entities/merge.ts';
import { recognizeEntities } from '../../lib/article/entities/recognize.ts';
import type { EntityMention, EntityType } from '../../lib/article/types.ts';
import { type Doc, loadDocs, splitDocs } from './corpus.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  counts: Counts;
  perType: Record<
    'PER' | 'ORG' | 'LOC',
    { precision: number; recall: number; f1: number; counts: Counts }
  >;
}

const TYPE: Record<EntityType, 'PER' | 'ORG' | 'LOC'> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
};

/** The README's span normalisation: edge punctuation and a trailing 's removed. */
export function normaliseSpan(text: string, s: number, e: number): [number, number] {
  for (;;) {
    const before = `${s}:${e}`;
    while (s < e && /[\s\p{P}\p{S}]/u.test(text[s] ?? '')) s++;
    while (e > s && /[\s\p{P}\p{S}]/u.test(text[e - 1] ?? '')) e--;
    if (/['’][sS]$/u.test(text.slice(s, e))) e -= 2;
    if (`${s}:${e}` === before) return [s, e];
  }
}

function ratio(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Adds one document's outcome to per-type counts. */
export function scoreDoc(
  doc: Doc,
  mentions: EntityMention[],
  counts: Record<string, Counts>,
): void {
  const gold = new Map<string, string>();
  const goldSpans: { s: number; e: number; t: string }[] = [];
  for (const g of doc.ents) {
    const [s, e] = normaliseSpan(doc.text, g.s, g.e);
    goldSpans.push({ s, e, t: g.t });
    if (g.t !== 'MISC') gold.set(`${s}:${e}`, g.t);
  }
  const found = new Set<string>();
  for (const m of mentions) {
    const t = TYPE[m.type];
    const [s, e] = normaliseSpan(doc.text, m.start, m.end);
    const k = `${s}:${e}`;
    const c = counts[t] ?? { tp: 0, fp: 0, fn: 0 };
    if (gold.get(k) === t && !found.has(k)) {
      c.tp++;
      found.add(k);
      continue;
    }
    const overlaps = goldSpans.filter((g) => g.s < e && s < g.e);
    if (overlaps.length > 0 && overlaps.every((g) => g.t === 'MISC')) continue;
    c.fp++;
  }
  for (const [k, t] of gold) {
    if (found.has(k)) continue;
    const c = counts[t];
    if (c) c.fn++;
  }
}

/** Scores a recogniser on the held-out documents. */
export function evaluate(
  recognise: (text: string) => EntityMention[] = (t) => recognizeEntities(t),
): Score {
  const { heldOut } = splitDocs(loadDocs());
  const counts: Record<string, Counts> = {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
  };
  for (const doc of heldOut) scoreDoc(doc, recognise(doc.text), counts);
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const perType = {} as Score['perType'];
  for (const t of ['PER', 'ORG', 'LOC'] as const) {
    const c = counts[t] ?? { tp: 0, fp: 0, fn: 0 };
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    perType[t] = { ...ratio(c), counts: c };
  }
  return { ...ratio(total), counts: total, perType };
}

/** Milliseconds per 1,000 whitespace-separated words over the held-out documents. */
export function speed(recognise: (text: string) => unknown = (t) => recognizeEntities(t)): number {
  const { heldOut } = splitDocs(loadDocs());
  recognise('Warm up the model in Paris.');
  let words = 0;
  for (const d of heldOut) words += d.text.split(/\s+/).filter(Boolean).length;
  const runs = 3;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) for (const d of heldOut) recognise(d.text);
  return ((performance.now() - t0) / runs / words) * 1000;
}

function table(label: string, s: Score): void {
  const pct = (v: number): string => (100 * v).toFixed(1).padStart(6);
  console.log(`\n${label}`);
  console.log('type      P      R     F1     tp    fp    fn');
  for (const t of ['PER', 'ORG', 'LOC'] as const) {
    const r = s.perType[t];
    console.log(
      `${t}   ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.counts.tp).padStart(6)} ${String(r.counts.fp).padStart(5)} ${String(r.counts.fn).padStart(5)}`,
    );
  }
  console.log(
    `micro ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.counts.tp).padStart(6)} ${String(s.counts.fp).padStart(5)} ${String(s.counts.fn).padStart(5)}`,
  );
}

function main(): void {
  const { heldOut } = splitDocs(loadDocs());
  console.log(`held-out documents: ${heldOut.length} (every 5th of the CoNLL-2003 training split)`);
  table('recognizeEntities', evaluate());
  // Mentions after mergeEntities, which also marks further occurrences of names it knows.
  table(
    'mergeEntities (mentions propagated)',
    evaluate((text) => {
      const mentions = recognizeEntities(text);
      return mergeEntities(text, mentions).flatMap((e) =>
        e.mentions.map((m) => ({ type: e.type, text: text.slice(m.start, m.end), ...m })),
      );
    }),
  );
  console.log(`\nspeed: ${speed().toFixed(1)} ms per 1,000 words (recognizeEntities, two passes)`);
  console.log(
    `speed: ${speed((t) => mergeEntities(t, recognizeEntities(t))).toFixed(1)} ms per 1,000 words (with mergeEntities)`,
  );
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.resolve(import.meta.filename)
)
  main();
