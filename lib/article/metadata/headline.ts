import type { SiteHints } from './site';
import { isSiteLike } from './site';
import { hasAncestorTag, inForeignRegion, inSiteHeader } from './dom';
import { cleanTitle, decodeEntities, MAX_HEADLINE, titleSegments } from './headline-title';
import { headingText, isHidden, isKicker, withoutKicker } from './headline-text';
import { collapse, comparable, textOf, tokenF1, tokens } from './text';

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
    // A heading that goes on where a shortened title stops ("Zitronenkuchen vom Blech: einfach köstlich!").
    const ct = comparable(title);
    if (tt.size >= 3 && tt.size >= th.length * 0.4 && comparable(heading).startsWith(ct))
      best = Math.max(best, 0.95);
  }
  return best;
}

/** A heading that could be the article's visible headline. */
export interface HeadlineChoice {
  text: string | null;
  /** The element the reader sees as the headline, when one agrees with the page's claims. */
  element: Element | null;
}

interface Candidate {
  el: Element;
  /** Subtracted from its agreement: an h1 is the headline more often than an h2, an h2 than an h3. */
  penalty: number;
  /** The least agreement that makes it the headline. */
  floor: number;
}

// The site's own name or logo set as a heading: never a story's headline.
const LOGO_NAME = /\blogo\b|site-?title|site-?name|site-?branding|brand-?name/i;

function headingCandidates(doc: Document): Candidate[] {
  const list: Candidate[] = [];
  const seen = new Set<Element>();
  const push = (el: Element, penalty: number, floor = 0.6): void => {
    if (seen.has(el)) return;
    seen.add(el);
    list.push({ el, penalty, floor });
  };
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0; i < h1s.length && i < 30; i++) {
    const h = h1s[i];
    if (h) push(h, 0);
  }
  // Blogs often keep <h1> for the site name and put the post title in an h2; an h2 marked as a
  // title is trusted like an h1, any other h2 only when it nearly repeats a declared title.
  const h2s = doc.getElementsByTagName('h2');
  for (let i = 0; i < h2s.length && i < 200 && list.length < 90; i++) {
    const h = h2s[i];
    if (!h) continue;
    if (marked(h, /title|headline/i)) push(h, 0.02);
    else push(h, 0.05, 0.85);
  }
  const h3s = doc.getElementsByTagName('h3');
  for (let i = 0; i < h3s.length && i < 200 && list.length < 90; i++) {
    const h = h3s[i];
    if (h && marked(h, /entry-title|post-title/i)) push(h, 0.2);
  }
  const itemprops = doc.querySelectorAll('[itemprop~="headline"]');
  for (let i = 0; i < itemprops.length && i < 10; i++) {
    const el = itemprops[i];
    if (el && el.tagName !== 'META') push(el, 0.02);
  }
  return list.filter(({ el }) => {
    const t = textOf(el);
    if (t.length < 2 || t.length > MAX_HEADLINE) return false;
    if (
      isHidden(el) ||
      isKicker(el) ||
      LOGO_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`)
    )
      return false;
    return !inForeignRegion(el);
  });
}

function marked(h: Element, cls: RegExp): boolean {
  return (
    /\bheadline\b/i.test(h.getAttribute('itemprop') ?? '') ||
    cls.test(h.getAttribute('class') ?? '') ||
    h.querySelector('a[rel="bookmark"]') !== null
  );
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
  // A heading that repeats a claim word for word, or one segment of it, is the headline as written.
  const exact = new Set([...cleaned, ...raw.filter((t) => !isSiteLike(t, hints))].map(comparable));
  const segments = new Set(
    raw
      .flatMap((t) => titleSegments(t))
      .filter((s) => !isSiteLike(s, hints))
      .map(comparable),
  );
  const candidates = headingCandidates(doc);
  let best: Element | null = null;
  let bestScore = 0;
  let bestExact = false;
  for (const { el, penalty, floor } of candidates) {
    const text = headingText(el);
    if (isSiteLike(text, hints) && !cleaned.some((c) => tokenF1(c, text) === 1)) continue;
    const c = comparable(text);
    const isExact = exact.has(c);
    // A raw title still carries the site name: only a heading covering nearly all of it agrees.
    const rawScore = agreement(text, raw);
    let score = isExact
      ? 1.05
      : segments.has(c)
        ? 0.97
        : Math.max(agreement(text, cleaned), rawScore >= 0.8 ? rawScore - 0.05 : 0);
    if (score < floor) continue;
    // Claims that agree with each other and with the heading: more of them, more confidence.
    score += 0.01 * raw.filter((t) => agreement(text, [t]) >= 0.9).length;
    const rank = score - penalty - (inSiteHeader(el) ? 0.3 : 0);
    if (rank > bestScore + 1e-9) {
      best = el;
      bestScore = rank;
      bestExact = isExact || segments.has(c);
    }
  }
  if (best && bestScore >= 0.6)
    return { text: bestExact ? headingText(best) : withoutKicker(best, cleaned), element: best };
  // No heading agrees with the claims (or there are none): a single headline-like h1 is what the
  // reader sees. Titles and og:title are often written for search results and differ from it.
  const only = loneH1(
    candidates.map((x) => x.el),
    hints,
  );
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
