import type { DateParts } from './dates';
import { findDatesInText, formatDate, parseDateValue, parseIsoLike } from './dates';
import type { PageSignals } from './signals';
import { stringProp, typesOf } from './jsonld';
import { firstMeta } from './meta';
import { inForeignRegion, storyRegionOf } from './dom';
import { inUndatedItem, dateLineIn } from './dates-line';
import { joinZone, zoneAround, type ZoneText } from './zone';

// Meta keys publishers use for the publication date, after the Open Graph article:* ones.
// prettier-ignore
const PUBLISHED_META_PRIMARY = ['article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time'];
// prettier-ignore
const PUBLISHED_META_SECONDARY = [
  'datepublished', 'citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'article.published',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'og:pubdate', 'cxenseparse:recs:publishtime',
  'originalpublicationdate', 'release_date', 'dc:date', 'date.available',
];
// prettier-ignore
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified',
  'last-modified', 'article.updated', 'lastmod',
];

function fromParts(p: DateParts | null): string | null {
  return p ? formatDate(p) : null;
}

/** A date taken from the URL path: /2019/05/07/, /2019-05-07/, /20190507/. */
export function dateFromUrl(url: string, now: number): string | null {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (!m) return null;
  return fromParts(
    parseDateValue(
      `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`,
      null,
      now,
    ),
  );
}

/** A date from <time datetime> / itemprop markup, skipping teasers, feeds and comments. */
export function markedDate(
  scope: ParentNode,
  kind: 'published' | 'modified',
  lang: string | null,
  now: number,
  anchor?: Element | null,
  headline: Element | null | undefined = anchor,
): string | null {
  const prop = kind === 'published' ? 'datePublished' : 'dateModified';
  const els = [...scope.querySelectorAll(`[itemprop~="${prop}"]`)].slice(0, 20);
  const times = scope.querySelectorAll('time');
  for (let i = 0; i < times.length && i < 50; i++) {
    const t = times[i];
    if (!t || t.hasAttribute('itemprop')) continue;
    // Without itemprop, a <time> marked as an update is the modified date, any other the published one.
    const isUpdate = /update|modif|aktualisiert/i.test(t.className);
    if (isUpdate === (kind === 'modified') && (t.hasAttribute('datetime') || kind === 'modified'))
      els.push(t);
  }
  let first: string | null = null;
  const days = new Set<string>();
  for (const el of els) {
    // A recipe's, product's or review's own date is not the page's.
    // A region that holds the headline is the story's, whatever its class says ("promotion").
    if (inForeignRegion(el, storyRegionOf(el, headline)) || inUndatedItem(el)) continue;
    if (anchor && besideOtherHeading(el, anchor)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent;
    const parsed = parseDateValue(raw, lang, now);
    if (!parsed) continue;
    first ??= formatDate(parsed);
    days.add(formatDate({ ...parsed, time: undefined }));
  }
  // Many different days marked up in one scope is a list of teasers, not one story's date.
  return days.size > 2 ? null : first;
}

/**
 * True when a date element shares a small box with a heading that is not the headline: a teaser,
 * a download or a related item, whose date is that item's.
 */
function besideOtherHeading(el: Element, anchor: Element): boolean {
  let node = el.parentElement;
  for (let depth = 0; node && depth < 2; depth++, node = node.parentElement) {
    if (node.contains(anchor)) return false;
    if (node.querySelector('h1, h2, h3, h4, h5, h6')) return true;
  }
  return false;
}

/** The article node's own JSON-LD datePublished: the page's strongest claim. */
export function articlePublished(s: PageSignals, lang: string | null, now: number): string | null {
  const ld = stringProp(s.article, 'datePublished') ?? stringProp(s.article, 'dateCreated');
  return fromParts(parseDateValue(ld, lang, now));
}

/** article:published_time and its Open Graph variants. */
export function metaPublished(s: PageSignals, lang: string | null, now: number): string | null {
  return fromParts(parseDateValue(firstMeta(s.meta, ...PUBLISHED_META_PRIMARY), lang, now));
}

// Dates on these nodes are a recipe's or a product's, which pages carry without showing a date.
const UNDATED_TYPES = /Recipe|Product|Offer|Event|Organization|Person|Place|Course|JobPosting/;

/** Secondary meta dates (citation_*, dc.*, parsely-*), and JSON-LD dates on WebPage-like nodes. */
export function secondaryPublished(
  s: PageSignals,
  lang: string | null,
  now: number,
  doc?: Document,
): string | null {
  for (const key of PUBLISHED_META_SECONDARY) {
    const raw = key === 'datepublished' && doc ? ownItempropDate(doc) : s.meta.get(key)?.[0];
    const parsed = parseDateValue(raw, lang, now);
    if (parsed) return formatDate(parsed);
  }
  for (const node of s.jsonLd.nodes) {
    if (UNDATED_TYPES.test(typesOf(node).join(' '))) continue;
    const parsed = parseDateValue(stringProp(node, 'datePublished'), lang, now);
    if (parsed) return formatDate(parsed);
  }
  return null;
}

/**
 * The first <meta name|itemprop="datePublished"> value that is not a recipe's, product's or
 * review's own date (microdata items put their dates in such metas).
 */
function ownItempropDate(doc: Document): string | null {
  const metas = doc.querySelectorAll(
    'meta[itemprop="datePublished" i], meta[name="datePublished" i]',
  );
  for (let i = 0; i < metas.length && i < 20; i++) {
    const el = metas[i];
    if (el && !inUndatedItem(el)) return el.getAttribute('content');
  }
  return null;
}

// Text never shown: a day written only in JSON-LD would vouch for itself, and style sheets carry
// dates in comments. Other scripts stay: many pages render their date line from script data.
const UNSHOWN = ['style', 'template'];
const MAX_WRITTEN = 100_000;

/** Cuts the given texts out of a text in one forward pass (they occur in this order). */
function cutOut(text: string, hidden: string[]): string {
  if (hidden.length === 0) return text;
  const kept: string[] = [];
  let cursor = 0;
  for (const h of hidden) {
    const at = text.indexOf(h, cursor);
    if (at < 0) continue;
    kept.push(text.slice(cursor, at));
    cursor = at + h.length;
  }
  kept.push(text.slice(cursor));
  return kept.join(' ');
}

/** The body's text without the text of its scripts and styles, cut at 100,000 characters. */
function shownText(body: Element): string {
  let text = body.textContent;
  // Tag by tag: each list is in document order, as textContent is (getElementsByTagName is far
  // cheaper than a selector or a walk over every text node).
  for (const tag of ['script', ...UNSHOWN]) {
    const els = body.getElementsByTagName(tag);
    const hidden: string[] = [];
    for (let i = 0; i < els.length && i < 500; i++) {
      const el = els[i];
      if (tag === 'script' && !/ld\+json/i.test(el?.getAttribute('type') ?? '')) continue;
      const t = el?.textContent ?? '';
      if (t.length > 20) hidden.push(t);
    }
    text = cutOut(text, hidden);
  }
  return text.slice(0, MAX_WRITTEN);
}

/** Every calendar day written in the page's visible text (first 100,000 characters), as "YYYY-MM-DD". */
export function writtenDays(doc: Document, lang: string | null, now: number): Set<string> {
  const body = doc.body as HTMLElement | null;
  if (!body) return new Set();
  return new Set(findDatesInText(shownText(body), lang, now).map((d) => formatDate(d.parts)));
}

/** Machine-readable modified date. */
export function claimedModified(s: PageSignals, lang: string | null, now: number): string | null {
  const ld = stringProp(s.article, 'dateModified');
  const fromLd = fromParts(parseDateValue(ld, lang, now));
  if (fromLd) return fromLd;
  return fromParts(parseDateValue(firstMeta(s.meta, ...MODIFIED_META), lang, now));
}

/**
 * For a date-time within six hours of midnight, the neighbouring calendar day it falls on in a
 * nearby time zone ("2019-10-18T22:04Z" → "2019-10-19"); null otherwise.
 */
export function nearMidnightDay(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(iso);
  if (!m) return null;
  const hour = Number(m[4]);
  const step = hour >= 18 ? 1 : hour < 6 ? -1 : 0;
  if (step === 0) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + step));
  return d.toISOString().slice(0, 10);
}

const LONG_PARAGRAPH = 200;

/** The <p> a text piece belongs to, looking a few levels up (links, emphasis inside it). */
function paragraphOf(el: Element): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    if (node.tagName === 'P') return node;
  }
  return null;
}

/**
 * The first date written in a wider run of text after the headline, for pages whose date line
 * sits below a lead image, a summary or share buttons. Bounded like the zone, only a bit further.
 */
export function widerZoneDate(
  doc: Document,
  anchor: Element,
  lang: string | null,
  now: number,
): string | null {
  const { after } = zoneAround(doc, anchor, { after: 1_500, before: 0, maxNodes: 300 });
  // Teasers, asides and the page footer carry other stories' dates; links name other pages.
  // Once the story's running text has begun (a second long paragraph), a date is a caption's or
  // one the text mentions, no longer the story's date line.
  const own: ZoneText = { pieces: [] };
  const paragraphChars = new Map<Element, number>();
  let paragraphs = 0;
  for (const p of after.pieces) {
    const para = paragraphOf(p.el);
    if (para) {
      const before = paragraphChars.get(para) ?? 0;
      paragraphChars.set(para, before + p.text.length);
      if (before < LONG_PARAGRAPH && before + p.text.length >= LONG_PARAGRAPH && ++paragraphs >= 2)
        break;
    }
    if (p.el.tagName !== 'A' && !inForeignRegion(p.el)) own.pieces.push(p);
  }
  return dateLineIn(own, lang, now);
}

/** The year and month of a /2020/02/ URL path as "YYYY-MM"; null when the path has none. */
export function monthFromUrl(url: string): string | null {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(path);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1] ?? ''}-${String(month).padStart(2, '0')}` : null;
}

// "vor 11 Minuten", "3 hours ago", "il y a 2 heures", "hace 5 horas": an age instead of a day.
const RELATIVE_TIME =
  /\b(?:vor\s+\d{1,2}\s+(?:minuten|stunden?|tagen?)|\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago|il\s+y\s+a\s+\d{1,2}\s+(?:minutes?|heures?|jours?)|hace\s+\d{1,2}\s+(?:minutos?|horas?|días?))\b/i;

/** True when a short piece of the zone gives the story's age ("vor 11 Minuten") rather than a day. */
export function relativeTimeIn(zone: ZoneText): boolean {
  for (const piece of zone.pieces) {
    if (piece.text.length < 200 && RELATIVE_TIME.test(piece.text)) return true;
  }
  return false;
}

/** The calendar days written in the text around the headline, as "YYYY-MM-DD". */
export function zoneDays(
  zones: { before: ZoneText; after: ZoneText },
  lang: string | null,
  now: number,
): Set<string> {
  const days = new Set<string>();
  for (const zone of [zones.before, zones.after]) {
    for (const d of findDatesInText(joinZone(zone).text, lang, now)) days.add(formatDate(d.parts));
  }
  return days;
}

const HOUR_MS = 3_600_000;
// Zones the world uses run from UTC-12 to UTC+14.
const MIN_OFFSET_MIN = -12 * 60;
const MAX_OFFSET_MIN = 14 * 60;

/** "+02:00" / "-05:30" for an offset in minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant written as local time in a zone `minutes` east of UTC. */
function atOffset(ms: number, minutes: number): string {
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offsetText(minutes)}`;
}

/**
 * The machine-readable date-times the page states for itself: published meta tags, <time
 * datetime>, itemprop dates and JSON-LD datePublished / dateCreated, in that order.
 */
export function statedDateTimes(doc: Document, s: PageSignals): string[] {
  const out: string[] = [];
  for (const key of [...PUBLISHED_META_PRIMARY, ...PUBLISHED_META_SECONDARY])
    for (const v of s.meta.get(key) ?? []) out.push(v);
  const els = doc.querySelectorAll('time[datetime], [itemprop~="datePublished"][content]');
  for (let i = 0; i < els.length && i < 50; i++) {
    const v = els[i]?.getAttribute('datetime') ?? els[i]?.getAttribute('content');
    if (v) out.push(v);
  }
  for (const node of s.jsonLd.nodes) {
    for (const prop of ['datePublished', 'dateCreated']) {
      const v = stringProp(node, prop);
      if (v) out.push(v);
    }
  }
  return out;
}

// Languages written where clocks run one or two hours ahead of UTC (Central Europe and its
// neighbours): their sites' date fields are local midnights.
const CENTRAL_EUROPEAN =
  /^(?:de|fr|it|nl|pl|cs|sk|hu|sl|hr|sr|bs|sv|da|nb|nn|no|es|ca|sq|lb|mk)(?:-|$)/i;

/**
 * A day without a time that a site in Central Europe stored as its local midnight in UTC
 * ("2022-11-06T23:00:00Z" is 7 November at 00:00 in Berlin), as that midnight; null for any
 * other value, for pages in other languages, and where the address or an offset the page states
 * says otherwise. A story put up on the stroke of 23:00:00 is rarer than a date field saved so.
 */
export function centralEuropeanMidnight(
  iso: string,
  lang: string | null,
  urlDay: string | null,
  stated: readonly string[],
): string | null {
  const m = /T(2[23]):00:00(?:Z|\+00:00)$/.exec(iso);
  if (!m || !lang || !CENTRAL_EUROPEAN.test(lang) || urlDay === iso.slice(0, 10)) return null;
  if (stated.some((v) => /[+-](?!00:?00)\d{2}:?\d{2}$/.test(v))) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : atOffset(ms, (24 - Number(m[1])) * 60);
}

/**
 * A UTC date-time near midnight written in the page's own zone, so its calendar day is the one
 * the site's readers see. Servers and JSON-LD plugins often store UTC ("…T22:30:00Z") while the
 * page states the same instant elsewhere with its offset ("…T23:30:00+01:00"), or as local time
 * without one ("2023-11-08 23:30:59"), or shows the neighbouring day in the URL or its date line.
 * Any other value is returned unchanged.
 */
export function inPageZone(
  iso: string,
  stated: readonly string[],
  shownDays: readonly (string | null)[],
  now: number,
): string {
  if (!/T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(iso)) return iso;
  const near = nearMidnightDay(iso);
  if (!near) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  for (const raw of stated) {
    const p = parseIsoLike(raw, now);
    if (!p?.time) continue;
    const local = Date.parse(`${formatDate({ ...p, offset: undefined })}Z`);
    if (p.offset && p.offset !== 'Z' && p.offset !== '+00:00') {
      // The same instant with the site's offset.
      if (Date.parse(formatDate(p)) === ms) return formatDate(p);
    } else if (!p.offset && !iso.includes(':00:00')) {
      // The same wall-clock minutes and seconds, whole or half hours away: local time (not for
      // times on the hour, which another date-time can share by chance).
      const diff = (local - ms) / 60_000;
      if (diff !== 0 && diff % 30 === 0 && diff >= MIN_OFFSET_MIN && diff <= MAX_OFFSET_MIN)
        return atOffset(ms, diff);
    }
  }
  if (!shownDays.includes(near)) return iso;
  // The smallest whole-hour offset that puts the instant on the shown day.
  const minutesOfDay = Math.floor((ms % (24 * HOUR_MS)) / 60_000);
  const offset =
    near > iso.slice(0, 10)
      ? Math.ceil((24 * 60 - minutesOfDay) / 60) * 60
      : -(Math.floor(minutesOfDay / 60) + 1) * 60;
  return offset >= MIN_OFFSET_MIN && offset <= MAX_OFFSET_MIN ? atOffset(ms, offset) : iso;
}
