/** A calendar day, free of time zones: month 1–12, day 1–31. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** Years we are willing to print: four digits, and nothing a news text could not mean. */
export const MIN_YEAR = 1000;
/** The latest year a mention may resolve to. */
export const MAX_YEAR = 2999;

const MS_PER_DAY = 86_400_000;

/** Days in a month of a year (Gregorian). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Is this a real day within the years we print? */
export function isValidDay(day: Day): boolean {
  const { y, m, d } = day;
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= MIN_YEAR &&
    y <= MAX_YEAR &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

// Day numbers go through UTC so that local DST shifts never move a day.
/** Days since 1970-01-01 (may be negative). */
export function dayNumber(day: Day): number {
  const t = new Date(Date.UTC(2000, day.m - 1, day.d));
  t.setUTCFullYear(day.y);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** The day for a day number. */
export function fromDayNumber(n: number): Day {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day `n` days after `day` (before it when negative). */
export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** The ISO 8601 week ("2025-W42") that contains the day. */
export function isoWeek(day: Day): string {
  const isoDow = weekdayOf(day) || 7;
  // The Thursday of a week decides which year the week belongs to.
  const thursday = fromDayNumber(dayNumber(day) + 4 - isoDow);
  const jan1 = dayNumber({ y: thursday.y, m: 1, d: 1 });
  const week = Math.floor((dayNumber(thursday) - jan1) / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week, 2)}`;
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "2025-10-16". */
export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}

/** "2025-10". */
export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/**
 * The calendar day written in a publication date ("2025-10-16", "2025-10-16T08:00:00+03:00"),
 * or null when there is none or it is not a real day.
 */
export function parsePublished(published: string | null): Day | null {
  const match = published === null ? null : /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!match) return null;
  const day = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidDay(day) ? day : null;
}

/** Is the year one we print? */
export function isValidYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}
