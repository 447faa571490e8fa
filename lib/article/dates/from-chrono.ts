import type { ParsedResult } from 'chrono-node/en';
import { chrono } from './chrono-parser';
import type { Day } from './calendar';
import {
  CHRONO,
  type Candidate,
  dayCandidate,
  monthCandidate,
  weekCandidate,
  yearCandidate,
} from './mention';
import { type Lean, dayForWeekday, leanAt, yearForMonth, yearForMonthDay } from './resolve';
import { chronoWindows } from './windows';

type ParsedComponents = ParsedResult['start'];

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;
const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\bweekend\b/;
// A clock time needs a written a.m./p.m., a colon or a named hour: "1.35 a share" is money.
const CLOCK =
  /\d\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])|\d:\d\d|\b(?:noon|midnight|tonight|o'clock)\b|\bthis (?:morning|afternoon|evening)\b/i;
// Spans measured from something other than publication ("seven days later", "for two days").
const ANCHORED_ELSEWHERE =
  /^(?:for|within|over|during|(?:the )?past)\b|\b(?:later|after|before|earlier)$|\b(?:few|several|couple)\b/i;
// "the year", "in the quarter": a unit with nothing that places it.
const VAGUE =
  /^(?:in\s+)?(?:the|a)\s+(?:year|month|week|day|quarter|half|sec(?:ond)?|minute|hour)$/i;
const LEADING_WORD = /^(?:on|at|in|from|by|since|until|of)\s+/i;
const RANGE_JOIN = /\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*/;

const certain = (
  c: ParsedComponents,
  ...parts: Parameters<ParsedComponents['isCertain']>[0][]
): boolean => parts.every((p) => c.isCertain(p));

function isRelative(r: ParsedResult): boolean {
  return [...r.tags()].some(
    (t) => t.startsWith('result/relative') || t.startsWith('casualReference'),
  );
}

function plausible(r: ParsedResult, before: string, after: string): boolean {
  // "the now-defunct firm", "USA Today": a casual word used as a name or an adjective.
  if (
    /^(?:now|today|tonight)$/i.test(r.text) &&
    (after.startsWith('-') || (/[A-Z]\w*\s$/.test(before) && /^[A-Z]/.test(r.text)))
  ) {
    return false;
  }
  for (const m of r.text.matchAll(MONTH_WORD)) {
    if (m[0][0] !== m[0][0]?.toUpperCase()) return false;
  }
  const c = r.start;
  if (c.isCertain('weekday') && !c.isCertain('day') && !WEEKDAY_NAME.test(r.text)) return false;
  if (/\d\/\d/.test(r.text) && !c.isCertain('year')) return false;
  if (ANCHORED_ELSEWHERE.test(r.text.trim()) || VAGUE.test(r.text.trim())) return false;
  const dated = certain(c, 'month') || certain(c, 'year') || certain(c, 'weekday');
  if (!dated && !CLOCK.test(r.text) && !/^(?:now|today|yesterday|tomorrow)$/i.test(r.text.trim())) {
    return false;
  }
  return true;
}

/** The length of a chrono match without the punctuation it swallows ("Friday," → "Friday"). */
function spanLength(matched: string): number {
  const t = matched.replace(/[\s,;:]+$/, '');
  return t.endsWith('.') && !/(?:[ap]\.m|\b[A-Z][a-z]{2,3})\.$/i.test(t) ? t.length - 1 : t.length;
}

/** Resolves one side of a chrono result to a candidate over [start, end). */
function resolve(
  text: string,
  start: number,
  end: number,
  c: ParsedComponents,
  pub: Day | null,
  relative: boolean,
  yearKnown = c.isCertain('year'),
): Candidate | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  const span = text.slice(start, end);
  // Without a publication day only what the text states outright can be placed.
  if (pub === null && (relative || !yearKnown)) return null;
  if (yearKnown && certain(c, 'month', 'day')) {
    return dayCandidate(text, start, end, { y, m, d }, CHRONO);
  }
  if (yearKnown && certain(c, 'month')) return monthCandidate(text, start, end, y, m, CHRONO);
  if (yearKnown && !c.isCertain('weekday')) return yearCandidate(text, start, end, y, CHRONO);
  if (pub === null) return null;
  const lean: Lean = /\b(?:next|coming)\b/i.test(span)
    ? 'future'
    : /\b(?:last|past|previous)\b/i.test(span)
      ? 'past'
      : leanAt(text, start, end);
  if (certain(c, 'month', 'day')) {
    return dayCandidate(text, start, end, yearForMonthDay(pub, m, d, lean), CHRONO);
  }
  if (certain(c, 'month'))
    return monthCandidate(text, start, end, yearForMonth(pub, m, lean), m, CHRONO);
  const weekday = c.get('weekday');
  if (c.isCertain('weekday') && weekday !== null) {
    const day = dayForWeekday(pub, weekday, lean);
    return /weekend/i.test(span)
      ? weekCandidate(text, start, end, day, CHRONO)
      : dayCandidate(text, start, end, day, CHRONO);
  }
  // Clock times and "this morning": chrono has already placed them on the reference day.
  return dayCandidate(text, start, end, { y, m, d }, CHRONO);
}

/** Candidates from chrono's results for `text.slice(offset)`-relative indices. */
function fromResults(
  text: string,
  results: ParsedResult[],
  offset: number,
  ref: Date,
  pub: Day | null,
): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    const at = offset + r.index;
    if (!plausible(r, text.slice(Math.max(0, at - 12), at), text.slice(at + r.text.length))) {
      // chrono sometimes lets a leading word swallow the date ("night of Friday, Oct. 23"
      // comes back as a bare time): try again without that word.
      const cut = r.text.search(/\s/);
      if (cut > 0) {
        const rest = r.text.slice(cut + 1);
        out.push(...fromResults(text, chrono.parse(rest, ref), at + cut + 1, ref, pub));
      }
      continue;
    }
    // "Jan. 1, 0001": chrono dropped a year it could not read; the day is not this year's.
    const yearRefused =
      !r.start.isCertain('year') && /^,?\s*\d/.test(text.slice(at + r.text.length));
    if (yearRefused && r.start.isCertain('day')) continue;
    const lead = LEADING_WORD.exec(r.text)?.[0].length ?? 0;
    const start = at + lead;
    const end = at + spanLength(r.text);
    const relative = isRelative(r);
    const join = r.end ? RANGE_JOIN.exec(text.slice(start, end)) : null;
    if (r.end && join && join.index > 0) {
      // "Aug. 26 to Oct. 20, 1989": the year written once belongs to both sides.
      const shared = r.start.isCertain('year') || r.end.isCertain('year');
      const startSide = resolve(text, start, start + join.index, r.start, pub, relative, shared);
      const endSide = resolve(text, start + join.index + join[0].length, end, r.end, pub, relative);
      for (const side of [startSide, endSide]) if (side) out.push(side);
      continue;
    }
    const one = resolve(text, start, end, r.start, pub, relative);
    if (one) out.push(one);
  }
  return out;
}

/**
 * Date mentions that chrono-node finds, filtered and resolved with news conventions. chrono
 * reads only the windows around words its patterns need (see `chronoWindows`).
 */
export function chronoCandidates(text: string, pub: Day | null): Candidate[] {
  const ref = pub === null ? new Date(2000, 0, 1, 12) : new Date(pub.y, pub.m - 1, pub.d, 12);
  const out: Candidate[] = [];
  for (const [start, end] of chronoWindows(text)) {
    const results = chrono.parse(text.slice(start, end), ref);
    if (results.length > 0) out.push(...fromResults(text, results, start, ref, pub));
  }
  return out;
}
