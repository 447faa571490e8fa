import { findDatesInText, formatDate } from './dates';
import { textOf } from './text';

// How far from the story's end a signature may sit, and how long it may be: a name, a place and
// a day ("Benni, 10. September 2017"), nothing like a sentence.
const LAST_BLOCKS = 3;
const MAX_SIGNATURE = 80;
const MAX_BESIDE_DATE = 40;

/**
 * The day a story is signed with at its end: a last short paragraph holding a day and at most a
 * name or a place, as letters, columns and blog posts close. Read only inside the story's own
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
    if (text.length > MAX_SIGNATURE || p.closest('a, footer, aside, nav, form')) continue;
    const dates = findDatesInText(text, lang, now);
    const only = dates[0];
    if (dates.length !== 1 || !only) continue;
    if (text.length - only.length > MAX_BESIDE_DATE) continue;
    return formatDate(only.parts);
  }
  return null;
}
