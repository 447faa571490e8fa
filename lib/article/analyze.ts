import type { EntityHint, TextAnalysis } from '../model';
import { findDateMentions } from './dates';
import { extractEntities } from './entities';
import { ANALYSED_LANGUAGES, detectLanguage } from './language';

/**
 * Reads an article body: its language, then, in a language the recognisers were built for, its
 * entities (aliases merged) and the dates it mentions. Elsewhere both stay empty: the entity
 * model was trained on English news and the date rules are English, and wrong names are worse
 * than none. `declaredLanguage` (the page's lang) decides only when the text cannot.
 */
export function analyzeText(
  text: string,
  published: string | null,
  hints: EntityHint[] = [],
  declaredLanguage: string | null = null,
): TextAnalysis {
  const language = detectLanguage(text, declaredLanguage).code;
  const analysed = ANALYSED_LANGUAGES.includes(language);
  return {
    entities: analysed ? extractEntities(text, hints) : [],
    dates: analysed ? findDateMentions(text, published) : [],
    length: text.length,
    language,
  };
}
