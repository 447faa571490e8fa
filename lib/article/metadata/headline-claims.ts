import type { SiteHints } from './site';
import { isSiteLike, isSiteName } from './site';
import { cleanTitle, decodeEntities, MAX_HEADLINE, titleSegments } from './headline-title';
import { bagF1, collapse, comparable, tokens } from './text';

/** A title or heading, tokenised once for comparing. */
export interface Words {
  text: string;
  tokens: string[];
  set: Set<string>;
  /** comparable() of the text. */
  plain: string;
}

/** Tokenises a title or heading once. */
export function words(text: string): Words {
  const t = tokens(text);
  return { text, tokens: t, set: new Set(t), plain: comparable(text) };
}

// Compared without the space some sites print before a colon ("Abrechnung : Musik-Stars").
/** The key under which a heading matches a claim word for word. */
export function matchKey(plain: string): string {
  return plain.replace(/\s+(?=[:;,.!?])/g, '');
}

const ELLIPSIS = /\s*(?:\.\.\.|\u2026)$/;

/** A title without the ellipsis that marks it as cut short. */
export function stem(plain: string): string {
  return plain.replace(ELLIPSIS, '');
}

/** How well a visible heading agrees with one of the page's own title claims (0…1). */
export function agreement(heading: Words, titles: Words[], extended = false): number {
  let best = 0;
  const th = heading.tokens;
  if (th.length === 0) return 0;
  for (const title of titles) {
    best = Math.max(best, bagF1(th, title.tokens));
    // A heading fully contained in a longer title that still carries a section or site name.
    const covered = th.filter((t) => title.set.has(t)).length / th.length;
    if (covered === 1 && th.length >= 3 && th.length >= title.set.size * 0.5)
      best = Math.max(best, 0.9);
    // A main heading (h1, h2) going on where a shortened title stops ("Zitronenkuchen vom Blech:
    // einfach köstlich!"), or where a title cut off with an ellipsis does.
    const size = title.set.size;
    if (
      extended &&
      size >= 3 &&
      size >= th.length * 0.4 &&
      heading.plain.startsWith(stem(title.plain))
    )
      best = Math.max(best, 0.95);
  }
  return best;
}

/** What the page claims its title is, prepared for matching headings against. */
export interface Claims {
  /** Titles without the site name, in order JSON-LD, og:title, twitter:title, <title>. */
  cleaned: string[];
  cleanedWords: Words[];
  /** The claims as written. */
  rawWords: Words[];
  /** Match keys of the claims a heading may repeat word for word, to the claim as written. */
  exact: Map<string, string>;
  /** Match keys of title segments a heading may repeat ("Muffin Grundrezept : Muffin Rezepte"). */
  segments: Set<string>;
  /** The site hints, without an og:site_name that is not one. */
  hints: SiteHints;
}

/** Reads and cleans the title claims of JSON-LD, og:title, twitter:title and <title>. */
export function readClaims(
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
  for (const t of [...cleaned, ...raw.filter((r) => !isSiteLike(r, hints)), ...declared]) {
    const key = matchKey(comparable(t));
    if (!exact.has(key)) exact.set(key, t);
  }
  const segments = new Set(
    raw
      .flatMap((t) => titleSegments(t))
      .filter((t) => !isSiteLike(t, hints))
      .map((t) => matchKey(comparable(t))),
  );
  return {
    cleaned,
    cleanedWords: cleaned.map(words),
    rawWords: raw.map(words),
    exact,
    segments,
    hints,
  };
}
