import { findDatesInText, formatDate } from './dates';
import { inForeignRegion } from './dom';
import { textOf } from './text';

// How far from the story's end a signature may sit, and how much it may hold beside the day: a
// name and a place ("Benni, 10. September 2017"), nothing like a sentence. A longer line is
// passed over before any date is parsed in it.
const LAST_BLOCKS = 3;
const MAX_BESIDE_DATE = 40;
const MAX_SIGNATURE = 80;
// A signature names someone or somewhere: a capitalised word beside the day. A colon makes the
// line a label's ("Zuletzt aktualisiert: …", "Anmeldeschluss: …", "Foto: dpa, …").
const NAME_WORD = /\p{Lu}\p{Ll}+/u;
// An update stamp is no signature.
const UPDATE = /updated|aktualisiert|geändert|modified|mis à jour|actualizado|aggiornato|stand\b/i;

/**
 * The day a story is signed with at its end: a last short paragraph holding a day beside a name
 * or a place, as letters, columns and blog posts close. Read only inside the story's own
 * element (an <article> or <main>), never on a whole page, whose end is the site's footer.
 */
export function signedDate(story: Element, lang: string | null, now: number): string | null {
  const paragraphs = story.getElementsByTagName('p');
  let seen = 0;
  for (let i = paragraphs.length - 1; i >= 0 && seen < LAST_BLOCKS; i--) {
    const p = paragraphs[i];
    if (!p) continue;
    const text = textOf(p);
    if (text === '') continue;
    seen++;
    if (text.length > MAX_SIGNATURE || text.includes(':') || p.closest('a, footer, aside, nav'))
      continue;
    if (inForeignRegion(p, story)) continue;
    const dates = findDatesInText(text, lang, now);
    const only = dates[0];
    if (dates.length !== 1 || !only) continue;
    const beside = text.slice(0, only.index) + text.slice(only.index + only.length);
    if (beside.length > MAX_BESIDE_DATE || !NAME_WORD.test(beside) || UPDATE.test(beside)) continue;
    return formatDate(only.parts);
  }
  return null;
}
