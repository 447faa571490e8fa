import { siteOfUrl } from '@/lib/library/catalog-entry';

/** The host of a URL without "www.", for showing where an article comes from. */
export const siteOf = siteOfUrl;

/** A short local date for an ISO time, or the input when it does not parse. */
export function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date value at its precision ("2025-10-16", "2025-10", "2025-W42", "2025") in words. */
export function formatDateValue(value: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) return `week ${Number(week[2])}, ${week[1]}`;
  const [year, month, day] = value.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!year) return value;
  if (!monthName) return year;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/**
 * A page's published or modified time as the page gave it: the calendar day it wrote, and the
 * time with the page's own offset, never shifted into the reader's zone.
 */
export function formatPageTime(iso: string): string {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(iso);
  if (!match?.[1]) return iso;
  const day = formatDateValue(match[1]);
  if (!match[2]) return day;
  const zone = match[3] === 'Z' || match[3] === '+00:00' ? 'UTC' : (match[3] ?? '');
  return `${day}, ${match[2]}${zone ? ` ${zone}` : ''}`;
}

/** A language's name in English ('de' → 'German'), or null when the code names none. */
export function languageName(code: string): string | null {
  if (code === 'und') return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}
