import type { Day } from './calendar';
import { type Candidate, yearCandidate } from './mention';
import { leanAt } from './resolve';

const FOUR_DIGITS = /\b\d{4}\b/g;
// What a number of things is counted in, rather than a year: "2000 troops", "1500 GMT".
const COUNTED =
  /^\s+(?:troops|soldiers|people|persons|men|women|children|workers|employees|jobs|members|residents|students|refugees|civilians|prisoners|police|officers|fighters|votes|voters|seats|shares|units|cars|vehicles|homes|houses|buildings|tanks|planes|aircraft|missiles|rockets|drones|feet|ft|miles|meters|metres|km|kilometers|kilometres|yards|tons|tonnes|pounds|lbs|kg|kilograms|acres|hectares|barrels|gallons|liters|litres|dollars|euros|yen|yuan|rubles|pounds|points|calories|words|pages|cases|deaths|patients|infections|hours|minutes|seconds|GMT|UTC|EST|EDT|CET|BST|hrs|local time|percent|per cent)\b/i;
const QUANTIFIER =
  /\b(?:about|some|nearly|almost|around|more than|fewer than|less than|up to|at least|roughly|approximately|an estimated|only|just|another)\s*$/i;
// Numbered things: "Resolution 2024", "Flight 1549", "Route 1776".
const NUMBERED =
  /\b(?:No\.|Nos\.|number|page|pages|p\.|pp\.|Room|Flight|Route|Highway|Interstate|Suite|Gate|Exit|Line|Bus|Resolution|Section|Article|Chapter|Rule|Bill|Form|model|version|Boeing|Airbus|Windows)\s*$/i;
const DAY_BEFORE_YEAR = /\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$/;
const YEAR_PREPOSITION =
  /\b(?:in|since|of|from|by|until|till|before|after|during|circa|year|fiscal|early|late|mid-)\s*$/i;

/** Four-digit years written alone ("in 2023", "fiscal 1989", "the 1988 period"). */
export function bareYearCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const match of text.matchAll(FOUR_DIGITS)) {
    const start = match.index;
    const end = start + 4;
    const y = Number(match[0]);
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 24);
    // Part of a bigger number, money, a ratio, a time or a decade ("1990s"): not a year.
    if (/[$£€¥#.,:/]$/.test(before)) continue;
    if (/[a-z]-$/i.test(before) && !/\b(?:mid|pre|post|early|late)-$/i.test(before)) continue;
    // A decade ("1990s"), a share, or a compound count ("2000-page").
    if (/^(?:[.,:/]\d|s\b|%|-[a-z])/i.test(after)) continue;
    // A year inside a date chrono refused ("Feb. 29, 2023", "2025-13-45") goes with it.
    if (/^-\d\d-\d\d/.test(after) || DAY_BEFORE_YEAR.test(before)) continue;
    if (COUNTED.test(after) || QUANTIFIER.test(before) || NUMBERED.test(before)) continue;
    if (y < 1800 && !YEAR_PREPOSITION.test(before)) continue;
    if (y > 2199) continue;
    const c = yearCandidate(text, start, end, y);
    if (c) out.push(c);
  }
  return out;
}

const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  q1: 1,
  q2: 2,
  q3: 3,
  q4: 4,
};
// "the third quarter", "fourth-quarter", "the fiscal first quarter of 1990", "Q3 2024".
const QUARTER_RE =
  /\b(?:(year-(?:ago|earlier)|prior-year|last year's|next year's)\s+)?(?:(\d{4})\s+)?(?:fiscal[-\s]|calendar\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?(quarter|half)\b(?:\s+of\s+(?:fiscal\s+)?(\d{4})\b)?|\b(Q[1-4])(?:\s+(\d{4})\b)?/gi;
// "the quarter", "the latest quarter", "the year-ago quarter": the quarter being reported on.
const REPORTED_QUARTER_RE =
  /\bthe\s+((?:latest|current|recent|most recent|previous|past|comparable|same|year-ago|year-earlier|prior-year|just-ended)\s+)*(?:fiscal\s+)?(quarter|period)\b/gi;

/** Quarters and halves of a year, at year precision (DateMention has no finer unit for them). */
export function quarterCandidates(text: string, pub: Day | null): Candidate[] {
  const out: Candidate[] = [];
  for (const match of text.matchAll(QUARTER_RE)) {
    const [whole, shift, yearBefore, ord, unit = '', yearAfter, q, qYear] = match;
    const n = ORDINAL[(ord ?? q ?? '').toLowerCase()] ?? 1;
    const explicit = yearBefore ?? yearAfter ?? qYear;
    let y: number | null = explicit === undefined ? null : Number(explicit);
    if (y === null && pub !== null) {
      const months = unit.toLowerCase() === 'half' ? 6 : 3;
      const firstMonth = (n - 1) * months + 1;
      // The latest such period that has begun, or the coming one when the sentence looks ahead.
      const started = pub.m >= firstMonth ? pub.y : pub.y - 1;
      const ongoing = pub.m >= firstMonth && pub.m < firstMonth + months;
      y =
        !ongoing && leanAt(text, match.index, match.index + whole.length) === 'future'
          ? started + 1
          : started;
      if (shift !== undefined)
        y = /next/i.test(shift) ? pub.y + 1 : y === pub.y ? pub.y - 1 : y - 1;
    }
    const c = y === null ? null : yearCandidate(text, match.index, match.index + whole.length, y);
    if (c) out.push(c);
  }
  if (pub === null) return out;
  for (const match of text.matchAll(REPORTED_QUARTER_RE)) {
    const [whole, modifiers = '', unit = ''] = match;
    // "the period" alone is too vague; a modifier makes it the reported one.
    if (unit.toLowerCase() === 'period' && modifiers === '') continue;
    const lastQuarterEnd = pub.m <= 3 ? pub.y - 1 : pub.y;
    const y = /year-ago|year-earlier|prior-year/i.test(modifiers)
      ? lastQuarterEnd - 1
      : lastQuarterEnd;
    const c = yearCandidate(text, match.index, match.index + whole.length, y);
    if (c) out.push(c);
  }
  return out;
}
