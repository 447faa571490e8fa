import type { SiteHints } from './site';
import { isSiteLike } from './site';
import { hasAncestorTag, inSiteHeader } from './dom';
import { type Candidate, headingCandidates, placement } from './headline-candidates';
import { agreement, type Claims, matchKey, readClaims, stem, words } from './headline-claims';
import { headingText, withoutKicker } from './headline-text';
import { bagF1, comparable, tokens } from './text';

export { cleanTitle, decodeEntities } from './headline-title';

/** A heading that could be the article's visible headline. */
export interface HeadlineChoice {
  text: string | null;
  /** The element the reader sees as the headline, when one agrees with the page's claims. */
  element: Element | null;
}

interface Pick {
  el: Element | null;
  score: number;
  /** The heading's words when it repeats a claim; else null, and a kicker may still be cut. */
  text: string | null;
}

/** The heading's own words, or the claim's where the two differ only in spacing. */
function asWritten(heading: string, claim: string | undefined): string {
  return claim === undefined || comparable(claim) === comparable(heading) ? heading : claim;
}

/** How well a heading agrees with the claims (support from several claims included), and its words when it repeats one of them. */
function agreeing(
  el: Element,
  claims: Claims,
): { score: number; text: string | null; namesSite: () => boolean } {
  const { cleanedWords, rawWords, exact, segments, hints } = claims;
  const text = headingText(el);
  const heading = words(text);
  const key = matchKey(heading.plain);
  const isExact = exact.has(key);
  // The site's name is a segment of its titles too: not in the page header.
  const isSegment = !isExact && segments.has(key) && !inSiteHeader(el);
  const extend = el.tagName === 'H1' || el.tagName === 'H2';
  const perClaim = rawWords.map((t) => agreement(heading, [t], extend));
  // A raw title still carries the site name: only a heading covering nearly all of it agrees.
  const rawScore = Math.max(0, ...perClaim);
  const score = isExact
    ? 1.05
    : isSegment
      ? 0.97
      : Math.max(agreement(heading, cleanedWords, extend), rawScore >= 0.8 ? rawScore - 0.05 : 0);
  // Claims that agree with each other and with the heading: more of them, more confidence.
  const support = 0.01 * perClaim.filter((a) => a >= 0.9).length;
  return {
    score: score + support,
    text: isExact || isSegment ? asWritten(text, exact.get(key)) : null,
    // Checked only for a heading that could win: the site-name test is not cheap.
    namesSite: () =>
      !isExact &&
      isSiteLike(text, hints) &&
      !cleanedWords.some((c) => bagF1(heading.tokens, c.tokens) === 1),
  };
}

/** Picks the headline: a visible heading that agrees with JSON-LD / og:title / <title>, else the cleanest claim. */
export function chooseHeadline(
  doc: Document,
  declared: {
    jsonLd: string | null;
    og: string | null;
    twitter: string | null;
    title: string | null;
  },
  given: SiteHints,
): HeadlineChoice {
  const claims = readClaims(declared, given);
  const { cleaned, hints } = claims;
  const candidates = headingCandidates(doc);
  // Headings in wrappers merely named like a sidebar or teaser are a second tier: taken only when
  // no heading in the main flow agrees (news feeds repeat the story's own title in such boxes).
  const main: Pick = { el: null, score: 0, text: null };
  const second: Pick = { el: null, score: 0, text: null };
  for (const { el, penalty, floor } of candidates) {
    const scored = agreeing(el, claims);
    if (scored.score < floor) continue;
    const bound = scored.score - penalty;
    if (bound <= main.score + 1e-9 && bound <= second.score + 1e-9) continue;
    // A heading that merely names the site, unless a title agrees with it word for word.
    if (scored.namesSite()) continue;
    const place = placement(el);
    if (place === 'foreign' || (place === 'doubtful' && scored.score < 0.9)) continue;
    const score = bound - (inSiteHeader(el) ? 0.3 : 0);
    const tier = place === 'main' ? main : second;
    if (score > tier.score + 1e-9) Object.assign(tier, { el, score, text: scored.text });
  }
  const best = main.score >= 0.6 ? main : second;
  if (best.el && best.score >= 0.6)
    return { text: best.text ?? withoutKicker(best.el, cleaned), element: best.el };
  // No heading agrees with the claims (or there are none): a single headline-like h1 is what the
  // reader sees. Titles and og:title are often written for search results and differ from it.
  const only = loneH1(candidates, hints);
  if (only) return { text: headingText(only), element: only };
  return { text: untruncated(cleaned), element: null };
}

/** The first claim, or a later one that goes on where the first was cut off with an ellipsis. */
function untruncated(cleaned: string[]): string | null {
  const first = cleaned[0];
  if (first === undefined) return null;
  const plain = comparable(first);
  const cut = stem(plain);
  if (cut === plain) return first;
  return cleaned.find((c) => comparable(c).startsWith(cut) && c.length > first.length) ?? first;
}

/** The page's only <h1> when it reads as a headline: not the site's name, not a link, not in the site header. */
function loneH1(candidates: Candidate[], hints: SiteHints): Element | null {
  // An h1 in a wrapper named like a sidebar counts only when no other h1 does.
  const h1s = candidates.filter((c) => c.el.tagName === 'H1').map((c) => c.el);
  const places = h1s.map(placement);
  const sure = h1s.filter((_, i) => places[i] === 'main');
  const usable = sure.length > 0 ? sure : h1s.filter((_, i) => places[i] === 'doubtful');
  const found = usable.length === 1 ? usable[0] : undefined;
  // What the reader sees of it: an h1 holding only screen-reader text is no headline.
  const text = found ? headingText(found) : '';
  if (!found || tokens(text).length < 1) return null;
  if (isSiteLike(text, hints) || hasAncestorTag(found, 'A', 8)) return null;
  // A blog's name in the page header is an h1 on many themes; the post title is elsewhere.
  return inSiteHeader(found) ? null : found;
}
