import type { SiteHints } from './site';
import { isSiteLike } from './site';
import { hasAncestorTag, inForeignRegion, inSiteHeader } from './dom';
import { cleanTitle, decodeEntities, MAX_HEADLINE } from './headline-title';
import { headingText, withoutKicker } from './headline-text';
import { collapse, textOf, tokenF1, tokens } from './text';

export { cleanTitle, decodeEntities } from './headline-title';

/** How well a visible heading agrees with the page's own title claims (0…1). */
function agreement(heading: string, titles: string[]): number {
  let best = 0;
  const th = tokens(heading);
  if (th.length === 0) return 0;
  for (const title of titles) {
    best = Math.max(best, tokenF1(heading, title));
    // A heading fully contained in a longer title that still carries a section or site name.
    const tt = new Set(tokens(title));
    const covered = th.filter((t) => tt.has(t)).length / th.length;
    if (covered === 1 && th.length >= 3 && th.length >= tt.size * 0.5) best = Math.max(best, 0.9);
  }
  return best;
}

/** A heading that could be the article's visible headline. */
export interface HeadlineChoice {
  text: string | null;
  /** The element the reader sees as the headline, when one agrees with the page's claims. */
  element: Element | null;
}

function headingCandidates(doc: Document): Element[] {
  const list: Element[] = [];
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0; i < h1s.length && i < 30; i++) {
    const h = h1s[i];
    if (h) list.push(h);
  }
  // Blogs often keep <h1> for the site name and put the post title in an h2 marked as such.
  for (const tag of ['h2', 'h3']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < hs.length && i < 200 && list.length < 60; i++) {
      const h = hs[i];
      if (!h) continue;
      const cls = h.getAttribute('class') ?? '';
      const marked =
        /\bheadline\b/i.test(h.getAttribute('itemprop') ?? '') ||
        (tag === 'h2' ? /title|headline/i : /entry-title|post-title/i).test(cls) ||
        h.querySelector('a[rel="bookmark"]') !== null;
      if (marked) list.push(h);
    }
  }
  const itemprops = doc.querySelectorAll('[itemprop~="headline"]');
  for (let i = 0; i < itemprops.length && i < 10; i++) {
    const el = itemprops[i];
    if (el && el.tagName !== 'META' && !list.includes(el)) list.push(el);
  }
  return list.filter((el) => {
    const t = textOf(el);
    return t.length >= 2 && t.length <= MAX_HEADLINE && !inForeignRegion(el);
  });
}

/** Picks the headline: a visible heading that agrees with JSON-LD / og:title / <title>, else the cleanest claim. */
export function chooseHeadline(
  doc: Document,
  claims: {
    jsonLd: string | null;
    og: string | null;
    twitter: string | null;
    title: string | null;
  },
  hints: SiteHints,
): HeadlineChoice {
  const claimed = [claims.jsonLd, claims.og, claims.twitter, claims.title].map((t) =>
    t ? decodeEntities(t) : t,
  );
  const cleaned = claimed
    .map((t) => cleanTitle(t, hints))
    .filter((t): t is string => t !== null && t.length <= MAX_HEADLINE);
  const raw = claimed.filter((t): t is string => !!t).map(collapse);
  const candidates = headingCandidates(doc);
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of candidates) {
    const text = headingText(el);
    if (isSiteLike(text, hints) && !cleaned.some((c) => tokenF1(c, text) === 1)) continue;
    // A raw title still carries the site name: only a heading covering nearly all of it agrees.
    const rawScore = agreement(text, raw);
    const score = Math.max(agreement(text, cleaned), rawScore >= 0.8 ? rawScore - 0.05 : 0);
    const rank = el.tagName === 'H1' ? score : score - 0.02;
    if (rank > bestScore + 1e-9) {
      best = el;
      bestScore = rank;
    }
  }
  if (best && bestScore >= 0.6) return { text: withoutKicker(best, cleaned), element: best };
  // No heading agrees with the claims (or there are none): a single headline-like h1 is what the
  // reader sees. Titles and og:title are often written for search results and differ from it.
  const only = loneH1(candidates, hints);
  if (only) return { text: headingText(only), element: only };
  return { text: cleaned[0] ?? null, element: null };
}

/** The page's only <h1> when it reads as a headline: not the site's name, not a link, not in the site header. */
function loneH1(candidates: Element[], hints: SiteHints): Element | null {
  let found: Element | null = null;
  for (const el of candidates) {
    if (el.tagName !== 'H1') continue;
    if (found) return null;
    found = el;
  }
  if (!found || tokens(textOf(found)).length < 1) return null;
  if (isSiteLike(textOf(found), hints) || hasAncestorTag(found, 'A', 8)) return null;
  // A blog's name in the page header is an h1 on many themes; the post title is elsewhere.
  return inSiteHeader(found) ? null : found;
}
