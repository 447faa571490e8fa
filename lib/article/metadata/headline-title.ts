import type { SiteHints } from './site';
import { isSiteLike } from './site';
import { collapse, tokens } from './text';

// Separators publishers put between a headline and the site or section name. Chinese and Japanese
// titles set a bar, a fullwidth bar or an underscore between characters without spaces.
const STRONG_SEPARATOR =
  /(\s+(?:\||\u00b7|\u2022|»|«|::|\/\/|\/|›|‹)\s+|\s*\uff5c\s*|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}！？。」』】])\|(?=.)|(?<=.)\|(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]))/u;
const DASH_SEPARATOR =
  /(\s+[-\u2013\u2014]\s+|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}！？。」』】])[-_](?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]))/u;
const SPACED_COLON = /(\s+:\s+)/;
// Scripts written without spaces between words: one token is a whole phrase.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Roughly how many words a title segment has; unspaced scripts count one per two characters. */
function weight(text: string): number {
  let n = 0;
  for (const t of tokens(text)) n += DENSE.test(t) ? Math.ceil(t.length / 2) : 1;
  return n;
}

/** Longer text is a paragraph or a page dump, not a headline. */
export const MAX_HEADLINE = 400;

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
  // Taken whole, the title was judged by cleanTitle: here only segments are dropped.
  if (parts.length < 2) return { text: collapse(title), trimmed: false, parts };
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

// Any separator, including a spaced colon ("Muffin Grundrezept : Muffin Rezepte"), for matching a
// heading against one segment of a title; too loose for cutting a title without such a heading.
const ANY_SEPARATOR = new RegExp(
  `${STRONG_SEPARATOR.source}|${DASH_SEPARATOR.source}|\\s+:\\s+`.replace(/\((?!\?)/g, '(?:'),
  'u',
);

/** The segments of a title of two or more that are long enough to be its headline (≥ 2 words, ≥ half the longest). */
export function titleSegments(title: string): string[] {
  const parts = title.split(ANY_SEPARATOR).map(collapse);
  if (parts.length < 2) return [];
  const sizes = parts.map(weight);
  const longest = Math.max(...sizes);
  return parts.filter((_, i) => (sizes[i] ?? 0) >= 2 && (sizes[i] ?? 0) >= longest * 0.5);
}

/** Strips the site (and section) name from a document or og:title: " | Site", " - Site", "Site: ". */
export function cleanTitle(raw: string | null, hints: SiteHints): string | null {
  if (!raw) return null;
  let title = collapse(raw);
  // A title with separators loses its site-like segments below; taken whole, a short headline
  // beside the site name ("Wurmkiste | selbst.de") would count as the site.
  if (title === '' || (isSiteLike(title, hints) && !ANY_SEPARATOR.test(title))) return null;
  const colon = /^([^:]{2,40}):\s+(.+)$/.exec(title);
  if (colon?.[1] && colon[2] && isSiteLike(colon[1], hints)) title = colon[2];
  const strong = trimSiteEnds(title, STRONG_SEPARATOR, hints);
  if (strong.text === null) return null;
  title = strong.text;
  if (strong.parts.length > 1) {
    // Sections and site names are short: the headline is the longest segment.
    title = strong.parts.map(collapse).reduce((a, b) => (weight(b) > weight(a) ? b : a));
  }
  // A spaced colon is punctuation in French headlines, but it also sets off a known site name.
  const colonSite = trimSiteEnds(title, SPACED_COLON, hints);
  if (colonSite.text === null) return null;
  title = colonSite.text;
  const dash = trimSiteEnds(title, DASH_SEPARATOR, hints);
  if (dash.text === null) return null;
  if (dash.trimmed || dash.parts.length < 2 || strong.trimmed || colonSite.trimmed)
    return dash.text;
  // Short trailing dash segments are most likely site or section names we could not recognise.
  const { parts, seps } = split(title, DASH_SEPARATOR);
  let end = parts.length;
  while (end > 1) {
    const last = weight(parts[end - 1] ?? '');
    const rest = weight(join(parts, seps, 0, end - 1));
    if (last > 4 || last >= rest) break;
    end--;
  }
  return join(parts, seps, 0, end);
}
