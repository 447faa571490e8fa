// Dates written in text ("30. studenoga 2020.", "11/30/2020", "2020年11月30日") and date values.
import type { DateParts } from './dates-iso';
import { isPlausible, parseIsoLike } from './dates-iso';
import { monthNumber } from './dates-months';

export type { DateParts } from './dates-iso';
export { formatDate, isPlausible, parseIsoLike } from './dates-iso';

const NB = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';
// A word that may be a month's name: looked up in the page language's table once it matched.
const WORD = '([\\p{L}\\p{M}]+)';

// "16 October 2025", "7. Mai 2019", "7 de mayo de 2019", "1er janvier 2020", "30. studenoga 2020.",
// "29 / Dezember / 2022", "29-Dec-2022", "30th of November 2020"
const DAY_MONTH_YEAR = new RegExp(
  `${NB}(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:[/-]\\s*)?(?:(?:de|of)\\s+)?${WORD}\\.?${NA},?\\s*(?:[/-]\\s*)?(?:de\\s+)?'?(\\d{4})(?!\\d)`,
  'gu',
);
// "03.Mär.19", "12-Jan-21", "5.Mai.2019": a month's name set tightly between a day and a year.
const DAY_MONTH_YEAR_TIGHT = new RegExp(
  `${NB}(\\d{1,2})([.-])${WORD}\\.?\\2(\\d{4}|\\d{2})(?!\\d|[.:]\\d)`,
  'gu',
);
// "October 16, 2025", "Oct. 16 2025", "Nobyembre 30, 2020", "noviembre 30 de 2020"
const MONTH_DAY_YEAR = new RegExp(
  `${NB}${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${NA},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
  'gu',
);
// Hungarian "2020. november 30."
const YEAR_MONTH_DAY = new RegExp(
  `(?<!\\d)(\\d{4})\\.?\\s+${WORD}\\.?\\s+(\\d{1,2})\\.?(?!\\d)`,
  'gu',
);
// "2019-05-07", "2019/05/07", "2019.05.07", "2019. 5. 7.", "2019年5月7日", "2019년 5월 7일"
const YEAR_FIRST =
  /(?<!\d)(\d{4})(?:([-/.])\s?(\d{1,2})\2\s?(\d{1,2})|\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일])(?!\d)/gu;
// "07.05.2019", "7/5/2019", "07.05.19", "13. 1. 2020", "26 | 01 | 2022"
const NUMERIC = /(?<![\d.])(\d{1,2})([./-]|\s?\|\s?)(\s?)(\d{1,2})\2\3(\d{4}|\d{2})(?![\d])/gu;
// Vietnamese "30 tháng 11, 2020", "ngày 30 tháng 11 năm 2020"
const VIETNAMESE = /(?<!\d)(\d{1,2})\s+(?:tháng|thg)\s+(\d{1,2})(?:,|\s+năm)?\s+(\d{4})(?!\d)/giu;

// Digits other than ASCII that dates are written in: Arabic-Indic, Persian, Devanagari, Thai, full-width.
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59\uff10-\uff19]/gu;
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x0e50, 0xff10];

/** The text with every digit in ASCII; each digit is one UTF-16 unit either way, so indices hold. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) ?? 0x30;
    return String(code - zero);
  });
}

/** A date found in visible text, with where it was found. */
export interface TextDate {
  parts: DateParts;
  index: number;
  length: number;
}

function twoDigitYear(yy: number, now: number): number {
  const full = 2000 + yy;
  return full <= new Date(now).getUTCFullYear() ? full : 1900 + yy;
}

/** True for languages (and unlabelled pages) where 5/7/2019 means May 7 rather than 5 July. */
function monthFirst(lang: string | null): boolean {
  return lang === null || lang === '' || /^(?:en-us|en$|fil|tl)/i.test(lang);
}

// Thai pages count years in the Buddhist era, 543 ahead.
const BUDDHIST_OFFSET = 543;

/** Finds every full calendar date (day, month and year) written in a text, in text order. */
export function findDatesInText(raw: string, lang: string | null, now: number): TextDate[] {
  const text = asciiDigits(raw);
  const buddhist = lang !== null && /^th(?:-|$)/i.test(lang);
  const found: TextDate[] = [];
  const push = (
    index: number,
    length: number,
    year: number,
    month: number | undefined,
    day: number,
  ): boolean => {
    if (month === undefined) return false;
    const y = buddhist && year > 2400 ? year - BUDDHIST_OFFSET : year;
    const parts: DateParts = { year: y, month, day };
    if (!isPlausible(parts, now)) return false;
    found.push({ parts, index, length });
    return true;
  };
  const month = (name: string | undefined): number | undefined =>
    name === undefined ? undefined : monthNumber(name, lang);
  // A word that is no month (or no plausible date) gives the text back from its next character,
  // so a real date that started inside it is still found.
  const named = (re: RegExp, pick: (m: RegExpExecArray) => [string, string, string]): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, name, d] = pick(m);
      if (!push(m.index, m[0].length, Number(y), month(name), Number(d)))
        re.lastIndex = m.index + 1;
    }
  };
  named(DAY_MONTH_YEAR, (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? '']);
  named(MONTH_DAY_YEAR, (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? '']);
  named(DAY_MONTH_YEAR_TIGHT, (m) => {
    const year = m[4] ?? '';
    return [
      year.length === 2 ? String(twoDigitYear(Number(year), now)) : year,
      m[3] ?? '',
      m[1] ?? '',
    ];
  });
  named(YEAR_MONTH_DAY, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']);
  for (const m of text.matchAll(YEAR_FIRST)) {
    const mo = m[3] ?? m[5];
    const d = m[4] ?? m[6];
    push(m.index, m[0].length, Number(m[1]), mo === undefined ? undefined : Number(mo), Number(d));
  }
  for (const m of text.matchAll(VIETNAMESE)) {
    push(m.index, m[0].length, Number(m[3]), Number(m[2]), Number(m[1]));
  }
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[4]);
    const yearText = m[5] ?? '';
    // Two-digit years are only read in the dotted European form, where they are common and
    // unambiguous; spaced parts ("13. 1. 2020") only with dots and a full year.
    if (yearText.length === 2 && (m[2] !== '.' || m[3] !== '')) continue;
    // Bars set apart many things ("Seite 1 | 2 | 2019"): only a two-digit day and month count.
    if (m[2]?.includes('|') && ((m[1] ?? '').length !== 2 || (m[4] ?? '').length !== 2)) continue;
    if (m[3] !== '' && m[2] !== '.') continue;
    const year = yearText.length === 2 ? twoDigitYear(Number(yearText), now) : Number(yearText);
    let dayFirst = m[2] === '.' || !monthFirst(lang);
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    push(m.index, m[0].length, year, dayFirst ? b : a, dayFirst ? a : b);
  }
  // Patterns overlap ("4-Jun-2021" is read by two): one date per place in the text.
  const sorted = found.sort((x, y) => x.index - y.index);
  return sorted.filter((d, i) => i === 0 || sorted[i - 1]?.index !== d.index);
}

/** Parses a date value from metadata: machine-readable first, then the first written date in it. */
export function parseDateValue(
  raw: string | null | undefined,
  lang: string | null,
  now: number,
): DateParts | null {
  if (!raw) return null;
  const value = raw.trim();
  if (value === '') return null;
  const iso = parseIsoLike(value, now);
  if (iso) return iso;
  // Only short values: a long text is a description that merely mentions a date.
  if (value.length > 80) return null;
  return findDatesInText(value, lang, now)[0]?.parts ?? null;
}
