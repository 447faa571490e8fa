import { type Day, addDays, weekdayOf } from './calendar';
import { type Candidate, dayCandidate, monthCandidate, yearCandidate } from './mention';
import { type Lean, leanAt, nearestYearly, yearForMonth } from './resolve';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// Month names are matched with their capital: "march" and "may" are mostly verbs.
const MONTH_RE =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?|[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:,?\s+(?:of\s+)?(\d{4})\b)?(?![\s,]*\d)(?!\w)/g;
// "May" and "March" need a reason to be months: a preposition or modifier before them.
const MONTH_CONTEXT =
  /\b(?:in|since|by|until|till|of|during|from|through|to|before|after|between|and|or|early|late|mid|last|next|this|past|coming|on)\s*-?\s*$/i;

/** The sentence's lean, unless the modifier ("last", "next", "this") settles it. */
function leanOf(modifier: string | undefined, text: string, start: number, end: number): Lean {
  const m = modifier?.toLowerCase() ?? '';
  if (m === 'next' || m.endsWith('coming')) return 'future';
  if (m === 'last' || m.endsWith('past')) return 'past';
  return leanAt(text, start, end);
}

/** Bare months, with a year or a modifier ("in April", "last May", "September 2024"). */
export function monthCandidates(text: string, pub: Day | null): Candidate[] {
  const out: Candidate[] = [];
  for (const match of text.matchAll(MONTH_RE)) {
    const [whole, modifier, name = '', yearText] = match;
    const start = match.index;
    const end = start + whole.length;
    const m = MONTHS.findIndex((full) => full.startsWith(name.replace('.', ''))) + 1;
    if (m === 0) continue;
    if ((name === 'May' || name === 'March') && !modifier && !yearText) {
      if (!MONTH_CONTEXT.test(text.slice(Math.max(0, start - 12), start))) continue;
    }
    let y: number | null = yearText === undefined ? null : Number(yearText);
    const mod = modifier?.toLowerCase() ?? '';
    if (y === null && pub !== null) {
      if (mod === 'next' || mod === 'this coming') y = m > pub.m ? pub.y : pub.y + 1;
      else if (mod === 'last' || mod === 'this past') y = m < pub.m ? pub.y : pub.y - 1;
      else if (mod === 'this') y = pub.y;
      else y = yearForMonth(pub, m, leanOf(modifier, text, start, end));
    }
    const c = y === null ? null : monthCandidate(text, start, end, y, m);
    if (c) out.push(c);
  }
  return out;
}

const SEASON_START: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
};
const SEASON_RE =
  /\b(?:((?:this )?(?:last|next|past|coming)|this|the|in|during|since|until|by|early|late|mid-?)\s*)(spring|summer|fall|autumn|winter)\b(?:(?:\s+of)?\s+(\d{4})\b)?/gi;

/** Seasons with a modifier or a year ("last fall", "the summer of 1994"), at year precision. */
export function seasonCandidates(text: string, pub: Day | null): Candidate[] {
  const out: Candidate[] = [];
  for (const match of text.matchAll(SEASON_RE)) {
    const [whole, modifier = '', name = '', yearText] = match;
    const end = match.index + whole.length;
    // "the fall of Saigon" is no season.
    if (!yearText && /^\s+of\b/i.test(text.slice(end))) continue;
    const mod = modifier.toLowerCase();
    const keepsModifier = /last|next|past|coming|this|early|late|mid/.test(mod);
    const start = keepsModifier ? match.index : match.index + whole.indexOf(name, modifier.length);
    const first = SEASON_START[name.toLowerCase()] ?? 3;
    let y: number | null = yearText === undefined ? null : Number(yearText);
    if (y === null && pub !== null) {
      // Seasons are named by the year they start in: winter 2024 runs into February 2025.
      const latest = pub.m >= first ? pub.y : pub.y - 1;
      const ongoing = (pub.m - first + 12) % 12 < 3;
      if (/last|past/.test(mod)) y = ongoing ? latest - 1 : latest;
      else if (/next|coming/.test(mod)) y = latest + 1;
      else if (mod === 'this') y = first === 12 && pub.m <= 2 ? pub.y - 1 : pub.y;
      else y = ongoing || leanAt(text, start, end) !== 'future' ? latest : latest + 1;
    }
    const c = y === null ? null : yearCandidate(text, start, end, y);
    if (c) out.push(c);
  }
  return out;
}

type Yearly = (y: number) => Day | null;
const nthWeekday =
  (m: number, weekday: number, n: number): Yearly =>
  (y) => {
    const first = { y, m, d: 1 };
    const firstMatch = addDays(first, (weekday - weekdayOf(first) + 7) % 7);
    return addDays(firstMatch, 7 * (n - 1));
  };
const lastWeekday =
  (m: number, weekday: number): Yearly =>
  (y) => {
    const next = { y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1 };
    const last = addDays(next, -1);
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  };
const fixed =
  (m: number, d: number): Yearly =>
  (y) => ({ y, m, d });
// Anonymous Gregorian computus (Meeus/Jones/Butcher).
const easter: Yearly = (y) => {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30,
    i = Math.floor(c / 4),
    k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
};

const HOLIDAYS: [RegExp, Yearly][] = [
  [/Christmas Eve/, fixed(12, 24)],
  [/Christmas(?: Day)?/, fixed(12, 25)],
  [/New Year's Eve/, fixed(12, 31)],
  [/New Year's Day/, fixed(1, 1)],
  [/Independence Day|(?:the )?Fourth of July|July Fourth/, fixed(7, 4)],
  [/Halloween/, fixed(10, 31)],
  [/Valentine's Day/, fixed(2, 14)],
  [/Veterans Day/, fixed(11, 11)],
  [/Thanksgiving(?: Day)?/, nthWeekday(11, 4, 4)],
  [/Labor Day/, nthWeekday(9, 1, 1)],
  [/Memorial Day/, lastWeekday(5, 1)],
  [/Election Day/, (y) => addDays(nthWeekday(11, 1, 1)(y) ?? { y, m: 11, d: 1 }, 1)],
  [/Easter(?: Sunday)?/, easter],
];
const HOLIDAY_RE = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his)\\s+)?(${HOLIDAYS.map(([re]) => re.source).join('|')})\\b(?:,?\\s+(\\d{4})\\b)?`,
  'g',
);

/** US and Christian holidays with fixed rules ("Thanksgiving", "Christmas 2024"). */
export function holidayCandidates(text: string, pub: Day | null): Candidate[] {
  const out: Candidate[] = [];
  for (const match of text.matchAll(HOLIDAY_RE)) {
    const [whole, modifier, name = '', yearText] = match;
    const rule = HOLIDAYS.find(([re]) => new RegExp(`^(?:${re.source})$`).test(name))?.[1];
    if (!rule) continue;
    const start = match.index;
    const end = start + whole.length;
    let day: Day | null = null;
    if (yearText !== undefined) day = rule(Number(yearText));
    else if (pub !== null) day = nearestYearly(pub, rule, leanOf(modifier, text, start, end));
    const c = dayCandidate(text, start, end, day);
    if (c) out.push(c);
  }
  return out;
}
