import type { DateParts } from './dates';
import { findDatesInText, formatDate } from './dates';
import { hasAncestorTag, inSiteHeader } from './dom';
import { joinZone, type ZoneText } from './zone';

// Words that mark a date as the update, not the first publication ("Stand:", "mis à jour le").
const UPDATE_WORD =
  /(?:updated?|aktualisiert|geändert|modified|last edited|mis à jour|actualizado|aggiornato|bijgewerkt|stand|update vom)\s*(?:am|on|le|el|il|vom|op)?\s*:?\s*$/iu;

// Labels of dates that belong to something the page describes (a release, an event, a deadline),
// not to the page itself: "Release: 14.11.2019", "Anmeldeschluss: 1. März 2020".
const OTHER_LABEL =
  /(?:\b(?:release|deadline|start|ende|event|expires?|valid|due|born|joined|member since|geboren|beginn|erscheint)|termin|schluss|zeitraum|frist|veranstaltung|erscheinungsdatum|registriert|gültig|verfügbar)[^:\n]{0,25}:\s*$/iu;

// The end of a range ("9.–23. Februar 2017", "vom 5. bis 11. Februar", "entre le 21 juin et le …"):
// a period of an event or an offer, not a publication day.
const RANGE_BEFORE =
  /(?:\d{1,2}\.?\s*[-–]\s*|\b(?:bis|und|to|through|until|till|au|et le|y el|al)\s+(?:zum\s+)?)$/iu;
// The start of a range, or a date followed by a span of hours ("30. März 2020, 13:15 – 19:00 Uhr").
const RANGE_AFTER =
  /^(?:\s*[-–]\s*\d{1,2}\.?(?:\s|$)(?!\d*:)|\s+(?:bis|to|au|al)\s+\d|,?\s*(?:\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\s*[-–]\s*\d{1,2}[:.]\d{2}))/iu;

// A photo credit or a source line carries the picture's or the source's date.
const CREDIT = /(?:©|\(c\)|\bfoto:|\bphoto:|\bbild:|\bcredit:)/iu;

// A piece this long, with the date well inside it, is a sentence that mentions a day ("Am 21. Mai
// findet …"), not a date line.
const PROSE_PIECE = 100;
const PROSE_OFFSET = 10;

// Microdata items whose dates are their own: a recipe's, a product's, a review's, an event's.
const UNDATED_ITEM =
  /Recipe|Product|Offer|Review|Rating|Event|SoftwareApplication|MobileApplication|VideoGame|Book|Movie|Comment|Question|Answer|JobPosting|Course|Person|Organization|Place/;

/** True when an element sits inside a microdata item that is not the page's story (a recipe, a product, a review). */
export function inUndatedItem(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 30; depth++, node = node.parentElement) {
    if (!node.hasAttribute('itemscope')) continue;
    return UNDATED_ITEM.test(node.getAttribute('itemtype') ?? '');
  }
  return false;
}

/**
 * True when an element sits in a menu, a sidebar outside the article or the page's own header
 * (a "today's date" widget), apart from the headline. Class names are not used: page builders
 * call every block a "widget" and story meta columns a "sidebar".
 */
function foreignToHeadline(el: Element, anchor: Element): boolean {
  for (let node: Element | null = el; node && !node.contains(anchor); node = node.parentElement) {
    if (node.tagName === 'NAV') return true;
    // An aside inside the article element is the story's own meta box, not a sidebar.
    if (node.tagName === 'ASIDE' && !hasAncestorTag(node, 'ARTICLE')) return true;
  }
  return inSiteHeader(el) && !inSiteHeader(anchor);
}

function pieceAt(starts: number[], index: number): number {
  let i = 0;
  while (i + 1 < starts.length && (starts[i + 1] ?? Infinity) <= index) i++;
  return i;
}

/**
 * The first date in a zone of text that reads as the page's own date line: not one mentioned in a
 * sentence, not a range, not a labelled release / event / deadline date, not a photo credit, not
 * inside a recipe or product item, and (given the headline) not in a sidebar or teaser list apart
 * from it. A date labelled as an update is the fallback.
 */
export function dateLineIn(
  zone: ZoneText,
  lang: string | null,
  now: number,
  anchor?: Element | null,
): string | null {
  return readDateLine(zone, lang, now, anchor)?.date ?? null;
}

/**
 * The date line after the headline, else the one before it; an update date on one side gives way
 * to a plain date line on the other ("Par X | 30 septembre 2018" above, "mis à jour le …" below).
 */
export function dateLineAround(
  zones: { before: ZoneText; after: ZoneText },
  anchor: Element | null,
  lang: string | null,
  now: number,
): DateLine | null {
  const after = readDateLine(zones.after, lang, now, anchor);
  if (after && !after.update) return after;
  // Above the headline, several days are a list of other stories (a carousel, a menu of
  // recent posts), not the story's date line.
  const before = readDateLine(zones.before, lang, now, anchor, true);
  if (before && !before.update) return { ...before, above: true };
  return after ?? (before && { ...before, above: true });
}

/** A date line's date, whether a word marks it as the story's update, and whether it stands above the headline. */
export interface DateLine {
  date: string;
  update: boolean;
  above?: boolean;
}

function readDateLine(
  zone: ZoneText,
  lang: string | null,
  now: number,
  anchor?: Element | null,
  onlyOne = false,
): DateLine | null {
  const { text, starts } = joinZone(zone);
  if (text === '') return null;
  let fallback: DateParts | null = null;
  let found: DateParts | null = null;
  for (const d of findDatesInText(text, lang, now)) {
    const i = pieceAt(starts, d.index);
    const piece = zone.pieces[i];
    if (!piece) continue;
    const offset = d.index - (starts[i] ?? 0);
    if (piece.text.length > PROSE_PIECE && offset > PROSE_OFFSET) continue;
    const lead = text.slice(Math.max(0, d.index - 60), d.index);
    const tail = text.slice(d.index + d.length, d.index + d.length + 30);
    if (RANGE_BEFORE.test(lead) || RANGE_AFTER.test(tail) || OTHER_LABEL.test(lead)) continue;
    if (CREDIT.test(piece.text.slice(0, offset)) || inUndatedItem(piece.el)) continue;
    // A photo caption dates the picture ("Topside installation 28.04.2014"), not the story;
    // unless it holds the headline (some sites lay out the whole story head as a caption).
    const caption = piece.el.closest('figcaption');
    if (caption && !(anchor && caption.contains(anchor))) continue;
    if (anchor && foreignToHeadline(piece.el, anchor)) continue;
    if (UPDATE_WORD.test(lead.slice(-40))) {
      fallback ??= d.parts;
      continue;
    }
    if (!onlyOne) return { date: formatDate(d.parts), update: false };
    if (found && formatDate(found).slice(0, 10) !== formatDate(d.parts).slice(0, 10)) return null;
    found ??= d.parts;
  }
  if (found) return { date: formatDate(found), update: false };
  return fallback ? { date: formatDate(fallback), update: true } : null;
}

// A date set in the heading as a kicker ("<h1><span class=date>27.01.2022</span>Title</h1>") is
// short and stands in an element of its own; a longer text is the headline mentioning a day.
const HEADING_DATE_PIECE = 40;

/** A date written in its own element inside the headline element (a kicker or a small line). */
export function dateInHeading(anchor: Element, lang: string | null, now: number): DateLine | null {
  const walker = anchor.ownerDocument.createTreeWalker(anchor, 4);
  for (
    let node = walker.nextNode(), seen = 0;
    node && seen < 20;
    node = walker.nextNode(), seen++
  ) {
    const text = (node.nodeValue ?? '').trim();
    if (text === '' || text.length > HEADING_DATE_PIECE || node.parentElement === anchor) continue;
    const found = findDatesInText(text, lang, now)[0];
    if (found && !RANGE_AFTER.test(text.slice(found.index + found.length)))
      return { date: formatDate(found.parts), update: false };
  }
  return null;
}
