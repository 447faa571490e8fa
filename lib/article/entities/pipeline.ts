// The two-pass tagging of one document as the training script runs it (the reference the
// runtime's tagger.ts is checked against), so that the second pass sees first-pass output
// built exactly the same way.
import { viterbi } from './decode.ts';
import {
  type DocStats,
  type Gazetteer,
  documentFeatures,
  sentenceFeatures,
  withExtra,
} from './features.ts';

/** Anything that scores tags: the shipped int8 model or a float model being trained. */
export interface Scorer {
  emissions(features: Uint32Array[]): ArrayLike<number>;
  transitions: ArrayLike<number>;
}

/** Per-token tag restrictions for one sentence (page hints), or undefined. */
export type Permit = ((i: number, tag: number) => boolean) | undefined;

/** First-pass features of every sentence of a document. */
export function firstPassFeatures(
  sentences: string[][],
  gaz: Gazetteer,
  stats: DocStats,
): Uint32Array[][] {
  const cache = new Map<string, number[]>();
  return sentences.map((words) => sentenceFeatures(words, gaz, stats, cache));
}

/** Second-pass features: the first pass's, plus document features from its tags. */
export function secondPassFeatures(
  sentences: string[][],
  firstFeatures: Uint32Array[][],
  firstPass: Uint8Array[],
): Uint32Array[][] {
  const extra = documentFeatures(sentences, firstPass);
  return firstFeatures.map((f, si) => withExtra(f, extra[si] ?? []));
}

/** Decodes precomputed per-sentence features. */
export function decodeSentences(
  scorer: Scorer,
  features: Uint32Array[][],
  permits?: Permit[],
): Uint8Array[] {
  return features.map((f, si) =>
    viterbi(f.length, scorer.emissions(f), scorer.transitions, permits?.[si]),
  );
}
