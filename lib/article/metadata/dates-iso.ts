// Machine-readable dates: the parts of a calendar day, their plausibility and ISO 8601 form.

/** A calendar date, with a time of day and UTC offset where the source gives them. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** "HH:MM:SS" when the source gives a time. */
  time?: string;
  /** "Z" or "+HH:MM" when the source gives an offset. */
  offset?: string;
}

/** Oldest year accepted: earlier values are placeholders (0001-01-01, 1970-01-01), not publication dates. */
const MIN_YEAR = 1993;
/** Slack for clock and time-zone differences before a date counts as "in the future". */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the parts form a real calendar date that is neither implausibly old nor in the future. */
export function isPlausible(p: DateParts, now: number): boolean {
  if (!Number.isInteger(p.year) || !Number.isInteger(p.month) || !Number.isInteger(p.day))
    return false;
  if (p.year < MIN_YEAR || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > daysInMonth(p.year, p.month)) return false;
  return Date.UTC(p.year, p.month - 1, p.day) <= now + FUTURE_SLACK_MS;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Writes parts as ISO 8601: a bare day, a local date-time, or a date-time with its offset. */
export function formatDate(p: DateParts): string {
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (!p.time) return day;
  return `${day}T${p.time}${p.offset ?? ''}`;
}

function normaliseOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw === 'Z' || raw === 'z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return `${m[1] ?? '+'}${pad(hours)}:${pad(minutes)}`;
}

// Machine-readable values: 2019-05-07, 2019-05-07T10:00:00+02:00, 2019/05/07 10:00, 20190507T100000Z.
const ISO_LIKE =
  /^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})(?:(?:[T\s]+|T?)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])/i;

/** Parses a machine-readable date (ISO 8601 and close relatives) at the start of the value. */
export function parseIsoLike(raw: string, now: number): DateParts | null {
  const m = ISO_LIKE.exec(raw.trim());
  if (!m) return null;
  // A compact value needs all eight digits, or "2019" "5" "7" could come from "201957".
  if (m[2] === '' && (m[3]?.length !== 2 || m[4]?.length !== 2)) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  if (!isPlausible(parts, now)) return null;
  if (m[5] !== undefined && m[6] !== undefined) {
    const h = Number(m[5]);
    const min = Number(m[6]);
    const s = Number(m[7] ?? '0');
    if (h <= 23 && min <= 59 && s <= 59) {
      parts.time = `${pad(h)}:${pad(min)}:${pad(s)}`;
      parts.offset = normaliseOffset(m[8]);
    }
  }
  if (parts.time && parts.offset && Date.parse(formatDate(parts)) > now + FUTURE_SLACK_MS)
    return null;
  return parts;
}
