const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Milliseconds of an ISO 8601 time, NaN when it does not parse. The library's own
 * "YYYY-MM-DDTHH:MM:SS(.sss)Z" times are read digit by digit, several times faster than
 * Date.parse on the 200,000 of them an index build reads; anything else goes to Date.parse.
 */
export function isoTimeMs(text: string): number {
  const n = text.length;
  if ((n === 24 || n === 20) && text.charCodeAt(10) === 84 && text.charCodeAt(n - 1) === 90) {
    const ms = n === 24 ? digits(text, 20, 3) : 0;
    const value = Date.UTC(
      digits(text, 0, 4),
      digits(text, 5, 2) - 1,
      digits(text, 8, 2),
      digits(text, 11, 2),
      digits(text, 14, 2),
      digits(text, 17, 2),
      ms,
    );
    if (!Number.isNaN(value)) return value;
  }
  return Date.parse(text);
}

/** The start of a "YYYY-MM-DD" day in the local time zone (ms), or NaN for anything else. */
export function localDayStart(day: string, offsetDays = 0): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return NaN;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offsetDays);
  return date.getTime();
}

/** The local calendar day of a time as "YYYY-MM-DD". */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
