// Named-entity recognition for article text: a two-pass averaged-perceptron tagger trained
// on CoNLL-2003 (scripts/ner/train.ts), plus alias merging.
import type { Entity } from '../types.ts';
import { mergeEntities } from './merge.ts';
import { outletMentions } from './outlets.ts';
import { type EntityHint, recognizeEntities } from './recognize.ts';

export { mergeEntities } from './merge.ts';
export { type EntityHint, recognizeEntities } from './recognize.ts';

/** Recognises and merges in one go, with page hints steering both steps. */
export function extractEntities(text: string, hints: EntityHint[] = []): Entity[] {
  const mentions = recognizeEntities(text, { hints });
  const all = [...mentions, ...outletMentions(text, mentions)].sort((a, b) => a.start - b.start);
  return mergeEntities(text, all, hints);
}
