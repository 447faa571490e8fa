import type { SiteHints } from './site';
import { isSiteLike, isSiteName } from './site';
import { hasAncestorTag, inSiteHeader } from './dom';
import { headingCandidates } from './headline-candidates';
import { cleanTitle, decodeEntities, MAX_HEADLINE, titleSegments } from './headline-title';
import { headingText, withoutKicker } from './headline-text';
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

// Compared without the space some sites print before a colon ("Abrechnung : Musik-Stars").
const matchKey = (text: string): string => comparable(text).replace(/\s+(?=[:;,.!?])/g, '');

/** The heading's own words, or the claim's where the two differ only in spacing. */
function asWritten(heading: string, claim: string | undefined): string {
  return claim === undefined || comparable(claim) === comparable(heading) ? heading : claim;
}

interface Claims {
  cleaned: string[];
  raw: string[];
  /** Match keys of the claims a heading may repeat word for word, to the claim as written. */
  exact: Map<string, string>;
  segments: Set<string>;
  site: SiteHints;
}

function readClaims(
  claims: {
    jsonLd: string | null;
    og: string | null;
    twitter: string | null;
    title: string | null;
  },
  given: SiteHints,
): Claims {
  const claimed = [claims.jsonLd, claims.og, claims.twitter, claims.title].map((t) =>
    t ? collapse(decodeEntities(t)) : null,
  );
  // An og:site_name that repeats the page's own long title is a misfilled field, not the site.
  const siteName = given.siteName;
  const hints =
    siteName && tokens(siteName).length > 6 && claimed.includes(siteName)
      ? { ...given, siteName: null }
      : given;
  const cleaned = claimed
    .map((t) => cleanTitle(t, hints))
    .filter((t): t is string => t !== null && t.length <= MAX_HEADLINE);
  const raw = claimed.filter((t): t is string => !!t);
  // A heading that repeats a claim word for word, or one segment of it, is the headline as written.
  // Repeating og:title or the JSON-LD headline, it is one even when it names the site's brand
  // ("Happy Coffee Sidamo Bio Bohnen" on happycoffee.org): only the bare site name is not.
  const exact = new Map<string, string>();
  const declared = claimed.slice(0, 3).filter((t): t is string => !!t && !isSiteName(t, hints));
  for (const t of [...cleaned, ...raw.filter((r) => !isSiteLike(r, hints)), ...declared])
    if (!exact.has(matchKey(t))) exact.set(matchKey(t), t);
  const segments = new Set(
    raw
      .flatMap((t) => titleSegments(t))
      .filter((t) => !isSiteLike(t, hints))
      .map(matchKey),
  );
  return { cleaned, raw, exact, segments, site: hints };
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
  given: SiteHints,
): HeadlineChoice {
  const { cleaned, raw, exact, segments, site: hints } = readClaims(claims, given);
  const candidates = headingCandidates(doc);
  let best: Element | null = null;
  let bestScore = 0;
  let bestText: string | null = null;
  for (const { el, penalty, floor } of candidates) {
    const text = headingText(el);
    const c = matchKey(text);
    const isExact = exact.has(c);
    if (!isExact && isSiteLike(text, hints) && !cleaned.some((t) => tokenF1(t, text) === 1))
      continue;
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
      bestText = isExact || segments.has(c) ? asWritten(text, exact.get(c)) : null;
    }
  }
  if (best && bestScore >= 0.6)
    return { text: bestText ?? withoutKicker(best, cleaned), element: best };
  // No heading agrees with the claims (or there are none): a single headline-like h1 is what the
  // reader sees. Titles and og:title are often written for search results and differ from it.
  // An h1 in a wrapper named like a sidebar counts only when no other h1 does.
  const sure = candidates.filter((x) => !x.doubtful && x.el.tagName === 'H1');
  const only = loneH1(
    (sure.length > 0 ? sure : candidates).map((x) => x.el),
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
