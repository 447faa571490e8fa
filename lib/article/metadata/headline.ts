import type { SiteHints } from './site';
import { isSiteLike } from './site';
import { hasAncestorTag, inForeignRegion, inSiteHeader } from './dom';
import { collapse, comparable, textOf, tokenF1, tokens } from './text';

// Separators publishers put between a headline and the site or section name.
const STRONG_SEPARATOR =
  /(\s+(?:\||\u00b7|\u2022|»|«|::|\/\/|\/|›|‹)\s+|(?<=\p{Script=Han}|[！？。」])\|(?=.)|(?<=.)\|(?=\p{Script=Han}))/u;
const DASH_SEPARATOR =
  /(\s+[-\u2013\u2014]\s+|(?<=\p{Script=Han}|[！？。」])[-_](?=\p{Script=Han}))/u;
const MAX_HEADLINE = 400;

// Named entities that turn up double-escaped in meta and JSON-LD titles.
const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bdquo: '\u201e',
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  hellip: '\u2026',
  szlig: '\u00df',
};

/** Decodes HTML entities left in a title that was escaped twice ("&#8222;Arschloch&#8220;"). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? accented(code) ?? m;
  });
}

const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  cedil: '\u0327',
  ring: '\u030a',
};

/** A letter named by its accent ("oacute" → "ó", "Uuml" → "Ü"), as Latin names are escaped. */
function accented(code: string): string | null {
  const mark = ACCENTS[code.slice(1)];
  return mark && /^[a-z]$/i.test(code[0] ?? '') ? `${code[0]}${mark}`.normalize('NFC') : null;
}

/** Splits a title into segments, keeping the separators so kept segments re-join as written. */
function split(title: string, separator: RegExp): { parts: string[]; seps: string[] } {
  const pieces = title.split(separator);
  const parts: string[] = [];
  const seps: string[] = [];
  pieces.forEach((piece, i) => (i % 2 === 0 ? parts.push(piece) : seps.push(piece)));
  return { parts, seps };
}

function join(parts: string[], seps: string[], from: number, to: number): string {
  let out = parts[from] ?? '';
  for (let i = from + 1; i < to; i++) out += (seps[i - 1] ?? ' ') + (parts[i] ?? '');
  return collapse(out);
}

/** Drops site-like segments from both ends; null when nothing but the site is left. */
function trimSiteEnds(
  title: string,
  separator: RegExp,
  hints: SiteHints,
): { text: string | null; trimmed: boolean; parts: string[] } {
  const { parts, seps } = split(title, separator);
  let from = 0;
  let to = parts.length;
  while (to - from > 0 && isSiteLike(parts[to - 1] ?? '', hints)) to--;
  while (to - from > 0 && isSiteLike(parts[from] ?? '', hints)) from++;
  if (to <= from) return { text: null, trimmed: true, parts: [] };
  return {
    text: join(parts, seps, from, to),
    trimmed: from > 0 || to < parts.length,
    parts: parts.slice(from, to),
  };
}

/** Strips the site (and section) name from a document or og:title: " | Site", " - Site", "Site: ". */
export function cleanTitle(raw: string | null, hints: SiteHints): string | null {
  if (!raw) return null;
  let title = collapse(raw);
  if (title === '' || isSiteLike(title, hints)) return null;
  const colon = /^([^:]{2,40}):\s+(.+)$/.exec(title);
  if (colon?.[1] && colon[2] && isSiteLike(colon[1], hints)) title = colon[2];
  const strong = trimSiteEnds(title, STRONG_SEPARATOR, hints);
  if (strong.text === null) return null;
  title = strong.text;
  if (strong.parts.length > 1) {
    // Sections and site names are short: the headline is the longest segment.
    title = strong.parts
      .map(collapse)
      .reduce((a, b) => (tokens(b).length > tokens(a).length ? b : a));
  }
  const dash = trimSiteEnds(title, DASH_SEPARATOR, hints);
  if (dash.text === null) return null;
  if (dash.trimmed || dash.parts.length < 2 || strong.trimmed) return dash.text;
  // Short trailing dash segments are most likely site or section names we could not recognise.
  const { parts, seps } = split(title, DASH_SEPARATOR);
  let end = parts.length;
  while (end > 1) {
    const last = tokens(parts[end - 1] ?? '').length;
    const rest = tokens(join(parts, seps, 0, end - 1)).length;
    if (last > 4 || last >= rest) break;
    end--;
  }
  return join(parts, seps, 0, end);
}

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

/**
 * The headline without a kicker printed in the same heading ("Interne Unterlagen im Netz Daten von
 * Rheinmetall gehackt"): when a child element, or the heading's tail, is exactly what the page
 * claims as its title, that part is the headline.
 */
// Parts of a heading that are not the headline: a kicker above it, or text only screen readers get.
const KICKER_CLASS = /kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke/i;
const HIDDEN_CLASS = /element-invisible|visually-hidden|visuallyhidden|sr-only|screen-reader/i;

/** Text without ruby annotations (the readings printed above Japanese characters). */
function withoutRuby(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'RT' && tag !== 'RP') out += n.nodeValue ?? '';
  }
  return collapse(out);
}

/** The heading's text without a kicker child marked as such and without screen-reader-only text. */
function headingText(heading: Element): string {
  const text =
    heading.getElementsByTagName('rt').length > 0 ? withoutRuby(heading) : textOf(heading);
  let drop = false;
  for (const child of heading.children) {
    const cls = child.getAttribute('class') ?? '';
    if (KICKER_CLASS.test(cls) || HIDDEN_CLASS.test(cls)) drop = true;
  }
  if (!drop) return text;
  let kept = '';
  for (const node of heading.childNodes) {
    const cls = node.nodeType === 1 ? ((node as Element).getAttribute('class') ?? '') : '';
    if (KICKER_CLASS.test(cls) || HIDDEN_CLASS.test(cls)) continue;
    kept += ` ${node.textContent ?? ''}`;
  }
  kept = collapse(kept);
  return tokens(kept).length >= 2 ? kept : text;
}

function withoutKicker(heading: Element, claims: string[]): string {
  const text = headingText(heading);
  const plain = comparable(text);
  for (const claim of claims) {
    const c = comparable(claim);
    if (c === plain || tokens(c).length < 2) continue;
    for (const child of heading.children) {
      if (comparable(textOf(child)) === c) return textOf(child);
    }
    if (plain.endsWith(c) && c.length >= plain.length * 0.5) {
      const tail = text.slice(text.length - claim.length).trim();
      return comparable(tail) === c ? tail : claim;
    }
  }
  return text;
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
