import {
  articlePublished,
  centralEuropeanMidnight,
  dateFromUrl,
  inPageZone,
  markedDate,
  metaPublished,
  monthFromUrl,
  nearMidnightDay,
  relativeTimeIn,
  secondaryPublished,
  statedDateTimes,
  widerZoneDate,
  writtenDays,
  zoneDays,
} from './dates-page';
import { dateInHeading, dateLineAround, type DateLine } from './dates-line';
import { labelledDate, pageLabelledDate } from './dates-labelled';
import { signedDate } from './dates-signed';
import { showsDayNumbers } from './dates-shown';
import { typesOf } from './jsonld';
import { firstMeta } from './meta';
import type { PageSignals } from './signals';
import type { ZoneText } from './zone';

/** Where the published date is looked for: the headline element, the text around it, the story's scope. */
export interface DateContext {
  anchor: Element | null;
  zones: { before: ZoneText; after: ZoneText } | null;
  /**
   * Where the story head is when no headline element was matched (the page's first main heading,
   * or where the headline's words are): a looser guess, so its date line is the last resort.
   */
  loose?: { anchor: Element; zones: { before: ZoneText; after: ZoneText } } | null;
  scope: ParentNode;
  language: string | null;
  now: number;
}

/**
 * How a claimed date is backed by what the reader sees: its day (or an age by the headline), only
 * its month in the address, its day somewhere else on the page, or not at all.
 */
type Backing = 'strong' | 'month' | 'weak' | null;

/**
 * The published date by trust: the article's JSON-LD, then markup near the headline, then meta
 * tags, the URL and the date line. Meta dates the page never shows are dropped: shops and
 * recipe pages carry them without being dated, and "no date" is the honest answer there.
 */
export function publishedDate(
  doc: Document,
  url: string,
  s: PageSignals,
  c: DateContext,
): string | null {
  const { language: lang, now } = c;
  let days: Set<string> | null = null;
  let nearDays: Set<string> | null = null;
  const fromUrl = dateFromUrl(url, now);
  const urlMonth = monthFromUrl(url);
  // "vor 11 Minuten" / "3 hours ago" by the headline: the page shows its date, only not as a day.
  const relative = c.zones
    ? relativeTimeIn(c.zones.before) || relativeTimeIn(c.zones.after)
    : false;
  // The date line by the headline, read once.
  let line: DateLine | null | undefined;
  const readLine = (): DateLine | null => {
    if (line === undefined)
      line = c.zones
        ? (dateLineAround(c.zones, c.anchor, lang, now) ??
          (c.anchor ? dateInHeading(c.anchor, lang, now) : null))
        : null;
    return line;
  };
  const dateLine = (): string | null => readLine()?.date ?? null;
  // A claim whose day the page shows nowhere by the headline gives way to a plain date line
  // under it that names another day: that line is the date the reader is shown for this story
  // ("Monday, 6 January 2020" under a headline whose markup says the 3rd). An update line does
  // not, nor a line above the headline (often a menu of other posts), nor does a claim the
  // address names to the day.
  const shownInstead = (iso: string): string | null => {
    const shown = readLine();
    const day = iso.slice(0, 10);
    if (!shown || shown.update || shown.above || shown.date.slice(0, 10) === day) return null;
    // A UTC time near midnight whose neighbouring day is the one shown is that day, in the
    // site's zone: the claim keeps its time.
    const utc = /(?:Z|[+-]00:?00)$/.test(iso);
    if (day === fromUrl || (utc && nearMidnightDay(iso) === shown.date.slice(0, 10))) return null;
    nearDays ??= c.zones ? zoneDays(c.zones, lang, now) : new Set<string>();
    return nearDays.has(day) ? null : shown.date;
  };
  // A claim is strongly backed by the URL, an age by the headline or its day written there; weakly
  // by its day written anywhere else on the page (a list of other stories, a footer) or by the
  // neighbouring day of a time near midnight.
  const backing = (iso: string): { day: string; by: Backing } => {
    const day = iso.slice(0, 10);
    if (fromUrl && day === fromUrl) return { day: iso, by: 'strong' };
    if (relative) return { day: iso, by: 'strong' };
    if (urlMonth === day.slice(0, 7)) return { day: iso, by: 'month' };
    // The text by the headline first: the whole page is read only when the day is not there.
    nearDays ??= c.zones ? zoneDays(c.zones, lang, now) : new Set<string>();
    if (nearDays.has(day)) return { day: iso, by: 'strong' };
    // A date line by the headline that no pattern reads ("30.XI.2020", a month name Intl lacks)
    // still shows the day's numbers: a story keeps its declared date. A recipe or a product
    // page does not, where numbers by the title are quantities and prices.
    const head = c.zones ?? c.loose?.zones;
    if (head && !declaresNoStory(s) && showsDayNumbers(head, day))
      return { day: iso, by: 'strong' };
    days ??= writtenDays(doc, lang, now);
    if (days.has(day)) return { day: iso, by: 'weak' };
    const near = nearMidnightDay(iso);
    return near && (days.has(near) || near === fromUrl)
      ? { day: near, by: 'weak' }
      : { day: iso, by: null };
  };
  // A weakly backed claim gives way to a different date line by the headline: that is the day
  // the reader is shown for this story.
  const corroborated = (iso: string | null, secondary = false): string | null => {
    if (!iso) return null;
    const b = backing(iso);
    // The address's day was written once, when the story first went up; a claim months away
    // from it that the story's head does not show dates a re-publication or a site move.
    if (fromUrl && b.by !== 'strong' && farApart(iso, fromUrl)) return fromUrl;
    if (b.by === null) return null;
    // A page-level date (a WebPage node, a dc.* tag) on a page without a headline, seen only in
    // a list of other stories, dates the listing rather than any story.
    if (secondary && b.by === 'weak' && !c.anchor) return null;
    if (b.by === 'weak') {
      const shown = dateLine();
      if (shown && shown.slice(0, 10) !== b.day.slice(0, 10)) return shown;
    }
    if (b.by === 'month') return shownInstead(b.day) ?? b.day;
    return b.day;
  };
  // A UTC time near midnight is written in the page's own zone, so its day is the site's.
  const local = (iso: string | null): string | null => {
    if (!iso) return iso;
    const stated = statedDateTimes(doc, s);
    return (
      centralEuropeanMidnight(iso, lang, fromUrl, stated) ??
      inPageZone(iso, stated, [fromUrl, dateLine()], now)
    );
  };
  const fromLd = corroborated(articlePublished(s, lang, now));
  if (fromLd) return local(fromLd);
  const nearHeadline = c.anchor?.parentElement?.parentElement;
  const marked =
    (nearHeadline ? markedDate(nearHeadline, 'published', lang, now, null, c.anchor) : null) ??
    markedDate(c.scope, 'published', lang, now, c.anchor);
  return (
    local(
      corroborated(metaPublished(s, lang, now)) ??
        (marked && (shownInstead(marked) ?? marked)) ??
        corroborated(secondaryPublished(s, lang, now, doc), true),
    ) ??
    fromUrl ??
    dateLine() ??
    (c.anchor ? widerZoneDate(doc, c.anchor, lang, now) : null) ??
    (!c.anchor && c.loose
      ? (dateLineAround(c.loose.zones, c.loose.anchor, lang, now)?.date ?? null)
      : null) ??
    labelledDate(c.scope, lang, now, c.anchor) ??
    pageLabelledDate(doc, lang, now, c.anchor) ??
    (isElement(c.scope) ? signedDate(c.scope, lang, now) : null)
  );
}

/** True for an element scope (the story's <article> or <main>), false for the whole document. */
function isElement(node: ParentNode): node is Element {
  return node.nodeType === 1;
}

const FAR_DAYS = 31;
const DAY_MS = 86_400_000;

/** True when two dates are more than a month apart. */
function farApart(a: string, b: string): boolean {
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  return !Number.isNaN(ta) && !Number.isNaN(tb) && Math.abs(ta - tb) > FAR_DAYS * DAY_MS;
}

// What a page that is no story says it is: its dates are the recipe's, the product's, the event's.
// prettier-ignore
const NOT_A_STORY = new Set([
  'Recipe', 'Product', 'ProductGroup', 'Offer', 'Event', 'JobPosting', 'Course', 'Movie', 'SoftwareApplication',
]);

/** True when a page without an article node declares itself a recipe, a product, an event … */
function declaresNoStory(s: PageSignals): boolean {
  if (s.article) return false;
  if (/product|video|music|book|profile/i.test(firstMeta(s.meta, 'og:type') ?? '')) return true;
  return s.jsonLd.nodes.some((n) => typesOf(n).some((t) => NOT_A_STORY.has(t)));
}
