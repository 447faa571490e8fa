import type { DateMention } from '../types';
import {
  type Day,
  formatDay,
  formatMonth,
  isValidDay,
  isValidYear,
  isoWeek,
  pad,
} from './calendar';

/** A mention proposed by one rule, before overlapping proposals are settled. */
export interface Candidate extends DateMention {
  /** Higher wins between proposals of the same length: our rules know news usage better. */
  priority: number;
}

/** Priority of chrono-node's proposals. */
export const CHRONO = 1;
/** Priority of our own rules. */
export const RULE = 2;

/** Bundles a span and a value into a candidate. */
function make(
  text: string,
  start: number,
  end: number,
  value: string,
  precision: DateMention['precision'],
  priority: number,
): Candidate {
  return { text: text.slice(start, end), value, precision, start, end, priority };
}

/** A day-precision candidate, or null for a day that does not exist. */
export function dayCandidate(
  text: string,
  start: number,
  end: number,
  day: Day | null,
  priority = RULE,
): Candidate | null {
  if (day === null || !isValidDay(day)) return null;
  return make(text, start, end, formatDay(day), 'day', priority);
}

/** A month-precision candidate, or null for an impossible month. */
export function monthCandidate(
  text: string,
  start: number,
  end: number,
  y: number,
  m: number,
  priority = RULE,
): Candidate | null {
  if (!isValidYear(y) || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return make(text, start, end, formatMonth(y, m), 'month', priority);
}

/** A week-precision candidate for the ISO week containing the day. */
export function weekCandidate(
  text: string,
  start: number,
  end: number,
  day: Day,
  priority = RULE,
): Candidate | null {
  if (!isValidDay(day)) return null;
  return make(text, start, end, isoWeek(day), 'week', priority);
}

/** A year-precision candidate, or null outside the years we print. */
export function yearCandidate(
  text: string,
  start: number,
  end: number,
  y: number,
  priority = RULE,
): Candidate | null {
  if (!isValidYear(y)) return null;
  return make(text, start, end, pad(y, 4), 'year', priority);
}

/**
 * Keeps the longest proposals that do not overlap (ties to the higher priority, then the
 * earlier one), in text order.
 */
export function settle(candidates: Candidate[]): DateMention[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ text, value, precision, start, end }) => ({ text, value, precision, start, end }));
}
