// The two-pass tagging of one document, shared by the runtime and the training script so
// that the second pass sees first-pass output built exactly the same way.
import { viterbi } from './decode.ts';
import { type DocStats, type Gazetteer, documentFeatures, sentenceFeatures } from './features.ts';

/** Anything that scores tags: the shipped int8 model or a float model being trained. */
export interface Scorer {
  emissions(features: Uint32Array[]): ArrayLike<number>;
  transitions: ArrayLike<number>;
}

/** Per-token tag restrictions for one sentence (page hints), or undefined. */
export type Permit = ((i: number, tag: number) => boolean) | undefined;

/** Tags every sentence of a document with the first pass alone. */
export function tagFirstPass(
  scorer: Scorer,
  sentences: string[][],
  gaz: Gazetteer,
  stats: DocStats,
  permits?: Permit[],
): Uint8Array[] {
  return sentences.map((words, si) => {
    const feats = sentenceFeatures(words, gaz, stats);
    return viterbi(words.length, scorer.emissions(feats), scorer.transitions, permits?.[si]);
  });
}

/** Second-pass features for every sentence, given the first pass's tags. */
export function secondPassFeatures(
  sentences: string[][],
  gaz: Gazetteer,
  stats: DocStats,
  firstPass: Uint8Array[],
): Uint32Array[][] {
  const extra = documentFeatures(sentences, firstPass);
  return sentences.map((words, si) => sentenceFeatures(words, gaz, stats, extra[si]));
}

/** Decodes precomputed per-sentence features (the second pass). */
export function decodeSentences(
  scorer: Scorer,
  features: Uint32Array[][],
  permits?: Permit[],
): Uint8Array[] {
  return features.map((f, si) =>
    viterbi(f.length, scorer.emissions(f), scorer.transitions, permits?.[si]),
  );
}
