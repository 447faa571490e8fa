import type { EntityHint, TextAnalysis } from '../model';
import { findDateMentions } from './dates';
import { extractEntities } from './entities';

/** Reads an article body: its entities (aliases merged) and the dates it mentions. */
export function analyzeText(
  text: string,
  published: string | null,
  hints: EntityHint[] = [],
): TextAnalysis {
  return {
    entities: extractEntities(text, hints),
    dates: findDateMentions(text, published),
    length: text.length,
  };
}
