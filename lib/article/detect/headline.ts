import { stringProp } from '../metadata/jsonld';
import { firstMeta } from '../metadata/meta';
import type { PageSignals } from '../metadata/signals';
import { hasAncestorTag, inSiteHeader } from '../metadata/dom';
import { comparable, textOf, tokens } from '../metadata/text';
import { proseLength } from './prose';

// A section's name ("Politics", "Sport") is a word or two; a story's headline says something,
// in a sentence or two at most (some sites wrap whole pages in an h1).
const MIN_HEADLINE = 20;
const MAX_HEADLINE = 400;

function declaredTitles(doc: Document, s: PageSignals): string[] {
  const title = doc.querySelector('title');
  return [
    stringProp(s.article, 'headline'),
    firstMeta(s.meta, 'og:title'),
    firstMeta(s.meta, 'twitter:title'),
    title ? textOf(title) : null,
  ]
    .filter((t): t is string => t !== null && t.trim() !== '')
    .map(comparable);
}

function agrees(headline: string, title: string): boolean {
  if (title.includes(headline)) return true;
  const words = tokens(headline);
  const inTitle = new Set(tokens(title));
  return words.length >= 3 && words.filter((w) => inTitle.has(w)).length >= 0.8 * words.length;
}

/**
 * True when one of the page's h1s (outside the site's header and menus) is a story's headline
 * (long enough to say something, unlike a section's name) and agrees with a title the page
 * declares (JSON-LD, Open Graph, Twitter, <title>): the head of a single story, whatever its
 * body holds yet. Other h1s (teasers, "Most read") don't matter: some sites set every heading
 * in h1.
 */
export function hasStoryHeadline(doc: Document, s: PageSignals): boolean {
  const h1s = doc.getElementsByTagName('h1');
  let titles: string[] | null = null;
  for (let i = 0; i < h1s.length && i < 100; i++) {
    const h = h1s[i];
    const raw = h?.textContent ?? '';
    if (!h || raw.length > MAX_HEADLINE * 3) continue;
    const text = comparable(raw);
    if (proseLength(text) < MIN_HEADLINE || text.length > MAX_HEADLINE) continue;
    if (inSiteHeader(h) || hasAncestorTag(h, 'NAV')) continue;
    titles ??= declaredTitles(doc, s);
    if (titles.some((title) => agrees(text, title))) return true;
  }
  return false;
}
