import { type Day, addDays, dayNumber, isValidDay, weekdayOf } from './calendar';

/** Which way the sentence around an incomplete date points: 'none' when it does not say. */
export type Lean = 'past' | 'future' | 'none';

// News reports mostly what has happened; a date points ahead only when the sentence says so.
const FUTURE_CUE =
  /\b(?:will|won't|shall|would|might|going to|scheduled|expected to|(?:is|are) expected|due(?! to (?:the|a|an|his|her|its|their)\b)|(?:plans?|planned|planning) to|set to|is to|are to|until|till|upcoming|coming|next(?! to)|later|starting|beginning|effective|deadline|expires?|expiring|as (?:soon|early) as)\b|'ll\b/gi;
const PAST_CUE =
  /\b(?:said|says|say|told|was|were|had|did|announced|reported|earlier|ago|since|began|met|voted|signed|issued|died|killed|arrested|released|closed|opened|rose|fell|ended)\b/gi;
const BEFORE = 80;
const AFTER = 40;

/** Distance from the end of the last cue in `text` to its end, or Infinity. */
function distanceBefore(re: RegExp, text: string): number {
  let best = Infinity;
  for (const m of text.matchAll(re)) best = text.length - (m.index + m[0].length);
  return best;
}

/** Distance from the start of `text` to its first cue, or Infinity. */
function distanceAfter(re: RegExp, text: string): number {
  const at = text.search(re);
  return at < 0 ? Infinity : at;
}

/**
 * The tense around a mention: the nearest tense cue in the same clause, before or after it
 * ("will meet on Thursday", "on Sunday issued"). "last" is no cue: it belongs to the dates it
 * modifies ("due to expire last Thursday, to Nov. 6").
 */
export function leanAt(text: string, start: number, end: number): Lean {
  let before = text.slice(Math.max(0, start - BEFORE), start);
  const stop = Math.max(
    before.lastIndexOf('\n'),
    before.lastIndexOf(';'),
    before.search(/[.!?]["”]?\s+[A-Z][^.]*$/),
  );
  if (stop >= 0) before = before.slice(stop + 1);
  const after = /^[^.;!?\n]*/.exec(text.slice(end, end + AFTER))?.[0] ?? '';
  const future = Math.min(distanceBefore(FUTURE_CUE, before), distanceAfter(FUTURE_CUE, after));
  const past = Math.min(distanceBefore(PAST_CUE, before), distanceAfter(PAST_CUE, after));
  if (future === past) return 'none';
  return future < past ? 'future' : 'past';
}

/**
 * The occurrence of a yearly day nearest to publication. Without a cue, days ahead count
 * double (news reports the past), so "Oct. 17" a day ahead stays ahead but "Aug. 6" half a
 * year away is the past one; against a cue they count six times ("Since Jan. 20" in October
 * is last January). `inYear` gives the day in a year, or null where it does not exist.
 */
export function nearestYearly(pub: Day, inYear: (y: number) => Day | null, lean: Lean): Day | null {
  let best: Day | null = null;
  let bestCost = Infinity;
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) {
    const day = inYear(y);
    if (day === null || !isValidDay(day)) continue;
    const diff = dayNumber(day) - dayNumber(pub);
    const against = lean === 'future' ? diff < 0 : diff > 0;
    const cost = Math.abs(diff) * (against ? (lean === 'none' ? 2 : 6) : 1);
    if (cost < bestCost) {
      best = day;
      bestCost = cost;
    }
  }
  return best;
}

/** The year of a month and day written without one (see `nearestYearly`). */
export function yearForMonthDay(pub: Day, m: number, d: number, lean: Lean): Day | null {
  return nearestYearly(pub, (y) => ({ y, m, d }), lean);
}

/** The year of a bare month: the latest not after publication, or the next one not before it. */
export function yearForMonth(pub: Day, m: number, lean: Lean): number {
  if (lean === 'future') return m >= pub.m ? pub.y : pub.y + 1;
  return m <= pub.m ? pub.y : pub.y - 1;
}

/**
 * The day of a bare weekday: publication day itself when it falls on it, else the one before
 * it (or after it, when the sentence looks ahead) within six days.
 */
export function dayForWeekday(pub: Day, weekday: number, lean: Lean): Day {
  const delta = (weekday - weekdayOf(pub) + 7) % 7;
  if (delta === 0) return pub;
  return lean === 'future' ? addDays(pub, delta) : addDays(pub, delta - 7);
}
