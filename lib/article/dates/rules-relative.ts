import { type Day, addDays, weekdayOf } from './calendar';
import {
  type Candidate,
  dayCandidate,
  monthCandidate,
  weekCandidate,
  yearCandidate,
} from './mention';

const UNIT_RE =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?|[Tt]he (?:coming|current|present))\s+)(week|month|year|weekend)\b/g;

function step(word: string): number {
  if (/next|coming/i.test(word)) return 1;
  if (/last|past/i.test(word)) return -1;
  return 0;
}

/** The Saturday of the weekend meant by a shift of 0 (this), -1 (last) or +1 (next). */
function weekendSaturday(pub: Day, shift: number): Day {
  const dow = weekdayOf(pub);
  // On a weekend "this weekend" is the one under way; on a weekday it is the coming one.
  const current = dow === 6 ? pub : dow === 0 ? addDays(pub, -1) : addDays(pub, 6 - dow);
  const inWeekend = dow === 6 || dow === 0;
  if (shift < 0) return addDays(current, -7);
  if (shift > 0) return inWeekend ? addDays(current, 7) : current;
  return current;
}

/** "last week", "this month", "next year", "last weekend": the unit next to publication's. */
export function relativeUnitCandidates(text: string, pub: Day | null): Candidate[] {
  if (pub === null) return [];
  const out: Candidate[] = [];
  for (const match of text.matchAll(UNIT_RE)) {
    const [whole, word = '', unit = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    const n = step(word);
    let c: Candidate | null = null;
    if (unit === 'week') c = weekCandidate(text, start, end, addDays(pub, 7 * n));
    else if (unit === 'weekend') c = weekCandidate(text, start, end, weekendSaturday(pub, n));
    else if (unit === 'year') c = yearCandidate(text, start, end, pub.y + n);
    else {
      const index = pub.y * 12 + pub.m - 1 + n;
      c = monthCandidate(text, start, end, Math.floor(index / 12), (index % 12) + 1);
    }
    if (c) out.push(c);
  }
  return out;
}

// "now" and "today" are chrono's; these say the same without being in its vocabulary.
const PRESENT_RE = /\b(?:currently|at present|at the moment|nowadays|these days)\b/gi;

/** Words for the present ("currently"), placed on the publication day. */
export function presentCandidates(text: string, pub: Day | null): Candidate[] {
  if (pub === null) return [];
  const out: Candidate[] = [];
  for (const match of text.matchAll(PRESENT_RE)) {
    const c = dayCandidate(text, match.index, match.index + match[0].length, pub);
    if (c) out.push(c);
  }
  return out;
}

const YEAR_AGO_RE = /\b(?:year-(?:earlier|ago)|prior-year|a year (?:earlier|ago|before))\b/gi;
const YEAR_END_RE =
  /\b(?:year[- ]end|year's end|(?:the )?end of (?:the|this|last|next) year|(?:late|later) (?:this|last|next) year)\b/gi;

/** "year-ago" results, "by year-end": the year before publication, or its last month. */
export function yearAnchoredCandidates(text: string, pub: Day | null): Candidate[] {
  if (pub === null) return [];
  const out: Candidate[] = [];
  for (const match of text.matchAll(YEAR_AGO_RE)) {
    const c = yearCandidate(text, match.index, match.index + match[0].length, pub.y - 1);
    if (c) out.push(c);
  }
  for (const match of text.matchAll(YEAR_END_RE)) {
    const y = pub.y + step(/\b(?:this|last|next)\b/i.exec(match[0])?.[0] ?? 'this');
    const start = match.index;
    const end = start + match[0].length;
    const c = /^(?:late|later)/i.test(match[0])
      ? yearCandidate(text, start, end, y)
      : monthCandidate(text, start, end, y, 12);
    if (c) out.push(c);
  }
  return out;
}
