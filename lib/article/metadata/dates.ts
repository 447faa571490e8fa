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

// Month names of the languages the web writes most dates in, with their usual abbreviations.
// prettier-ignore
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'jänner', 'jän', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'stycznia', 'styczeń', 'января', 'январь', 'ocak', 'leden', 'ledna', 'tammikuuta'],
  ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'şubat', 'únor', 'února', 'helmikuuta'],
  ['march', 'mar', 'märz', 'mär', 'mrz', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca', 'marzec', 'марта', 'март', 'mart', 'březen', 'března', 'maaliskuuta', 'marts'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'kwiecień', 'апреля', 'апрель', 'nisan', 'duben', 'dubna', 'huhtikuuta'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maja', 'maj', 'мая', 'май', 'mayıs', 'květen', 'května', 'toukokuuta'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwca', 'czerwiec', 'июня', 'июнь', 'haziran', 'červen', 'června', 'kesäkuuta'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipca', 'lipiec', 'июля', 'июль', 'temmuz', 'červenec', 'července', 'heinäkuuta'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'sierpień', 'августа', 'август', 'ağustos', 'srpen', 'srpna', 'elokuuta', 'augusti'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'września', 'wrzesień', 'сентября', 'сентябрь', 'eylül', 'září', 'syyskuuta'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'października', 'październik', 'октября', 'октябрь', 'ekim', 'říjen', 'října', 'lokakuuta'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'ноября', 'ноябрь', 'kasım', 'listopadu', 'marraskuuta'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudnia', 'grudzień', 'декабря', 'декабрь', 'aralık', 'prosinec', 'prosince', 'joulukuuta'],
];

const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) if (!MONTH_BY_NAME.has(name)) MONTH_BY_NAME.set(name, i + 1);
});
const MONTH_ALT = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
const NB = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';

// "16 October 2025", "7. Mai 2019", "7 de mayo de 2019", "1er janvier 2020", "29 / Dezember / 2022", "29-Dec-2022"
const DAY_MONTH_YEAR = new RegExp(
  `${NB}(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:[/-]\\s*)?(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?${NA},?\\s*(?:[/-]\\s*)?(?:de\\s+)?'?(\\d{4})(?!\\d)`,
  'giu',
);
// "October 16, 2025", "Oct. 16 2025"
const MONTH_DAY_YEAR = new RegExp(
  `${NB}(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${NA},?\\s+(\\d{4})(?!\\d)`,
  'giu',
);
// "2019-05-07", "2019/05/07", "2019.05.07", "2019年5月7日", "2019. 5. 7."
const YEAR_FIRST =
  /(?<!\d)(\d{4})(?:([-/.])\s?(\d{1,2})\2\s?(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?!\d)/gu;
// "07.05.2019", "7/5/2019", "07.05.19"
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/gu;

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
  return lang === null || lang === '' || /^en-us|^en$/i.test(lang);
}

/** Finds every full calendar date (day, month and year) written in a text, in text order. */
export function findDatesInText(text: string, lang: string | null, now: number): TextDate[] {
  const found: TextDate[] = [];
  const push = (
    index: number,
    length: number,
    year: number,
    month: number | undefined,
    day: number,
  ): void => {
    if (month === undefined) return;
    const parts: DateParts = { year, month, day };
    if (isPlausible(parts, now)) found.push({ parts, index, length });
  };
  const month = (name: string | undefined): number | undefined =>
    name === undefined ? undefined : MONTH_BY_NAME.get(name.toLowerCase());
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    push(m.index, m[0].length, Number(m[3]), month(m[2]), Number(m[1]));
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    push(m.index, m[0].length, Number(m[3]), month(m[1]), Number(m[2]));
  }
  for (const m of text.matchAll(YEAR_FIRST)) {
    const mo = m[3] ?? m[5];
    const d = m[4] ?? m[6];
    push(m.index, m[0].length, Number(m[1]), mo === undefined ? undefined : Number(mo), Number(d));
  }
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const yearText = m[4] ?? '';
    // Two-digit years are only read in the dotted European form, where they are common and unambiguous.
    if (yearText.length === 2 && m[2] !== '.') continue;
    const year = yearText.length === 2 ? twoDigitYear(Number(yearText), now) : Number(yearText);
    let dayFirst = m[2] === '.' || !monthFirst(lang);
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    push(m.index, m[0].length, year, dayFirst ? b : a, dayFirst ? a : b);
  }
  return found.sort((x, y) => x.index - y.index);
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
