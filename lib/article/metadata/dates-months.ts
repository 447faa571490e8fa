// Month names of the page's language come from Intl, built on first need: any language the
// browser knows is read, and no lists of other languages' names ship with the extension.

// English is read on every page, so its names are written out: the first use of Intl in a tab
// costs some 20 ms (V8 and ICU set up their locale data), which pages whose dates are English
// or numeric are spared.
// prettier-ignore
const ENGLISH = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/**
 * Spellings pages use that Intl does not give: German "Mrz", Austrian "Jänner" and "Feber" on
 * pages tagged plain "de", Peruvian "setiembre".
 */
const EXTRA: readonly (readonly [string, number])[] = [
  ['mrz', 3],
  ['janner', 1],
  ['feber', 2],
  ['setiembre', 9],
];

// The forms a month takes in a date (Polish "listopada", Russian "ноября", Greek "Νοεμβρίου"),
// long and short: dates are written so. Each formatter costs a few tenths of a millisecond to
// build, paid on every page view that needs one.
const FORMS: readonly Intl.DateTimeFormatOptions[] = [
  { day: 'numeric', month: 'long' },
  { day: 'numeric', month: 'short' },
];

// A name written with digits or spaces ("11月", Vietnamese "tháng 11", Levantine Arabic "كانون
// الثاني") is not one word: such dates are read by their numeric patterns, or not at all.
const ONE_WORD = /^[\p{L}\p{M}]+$/u;

/**
 * A word as month names are compared: lower case, without Latin, Greek and Cyrillic accents or
 * Arabic vowel marks, dotless ı as i, and no final full stop ("Şubat" → "subat", "Févr." → "fevr").
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u0655]/g, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ς/g, 'σ')
    .replace(/\.$/, '');
}

/** Adds one locale's month names; a name two months share (after folding) is dropped. */
function addLocale(
  table: Map<string, number>,
  locale: string,
  taken: ReadonlySet<string> | ReadonlyMap<string, number>,
): void {
  let formats: Intl.DateTimeFormat[];
  try {
    formats = FORMS.map(
      (o) =>
        new Intl.DateTimeFormat(locale, {
          ...o,
          timeZone: 'UTC',
          calendar: 'gregory',
          numberingSystem: 'latn',
        }),
    );
  } catch {
    // Not a language tag Intl accepts: English alone is used.
    return;
  }
  const own = new Map<string, number>();
  const clashes = new Set<string>();
  for (let month = 1; month <= 12; month++) {
    const date = new Date(Date.UTC(2021, month - 1, 15));
    for (const format of formats) {
      let prefix = '';
      for (const part of format.formatToParts(date)) {
        if (part.type !== 'month') {
          // Hebrew writes "in" onto the month in a date ("30 בנובמבר").
          prefix = part.type === 'literal' ? (/\p{L}+$/u.exec(part.value)?.[0] ?? '') : '';
          continue;
        }
        for (const name of [foldWord(part.value), foldWord(prefix + part.value)]) {
          if (!ONE_WORD.test(name)) continue;
          const before = own.get(name);
          if (before !== undefined && before !== month) clashes.add(name);
          own.set(name, month);
        }
      }
    }
  }
  for (const [name, month] of own) {
    // A language read earlier (the page's own) keeps its meaning of a shared spelling.
    if (!clashes.has(name) && !taken.has(name)) table.set(name, month);
  }
}

const tables = new Map<string, ReadonlyMap<string, number>>();

/** Month numbers by folded name in one language (Serbian in both its scripts), built once. */
function languageMonths(lang: string): ReadonlyMap<string, number> {
  const cached = tables.get(lang);
  if (cached) return cached;
  const table = new Map<string, number>();
  addLocale(table, lang, ENGLISH);
  // Serbian is written in Latin letters as often as in Cyrillic.
  if (/^sr(?:-|$)/i.test(lang)) addLocale(table, 'sr-Latn', new Set(table.keys()));
  for (const [name, month] of EXTRA) if (!table.has(name)) table.set(name, month);
  tables.set(lang, table);
  return table;
}

// For a page that names no language: the languages most written on the web in Latin and Cyrillic
// letters, by how much (other scripts write their dates with numbers, or declare their language).
const WIDELY_WRITTEN = ['es', 'de', 'fr', 'pt', 'ru', 'it', 'nl', 'pl', 'tr'];
let wide: ReadonlyMap<string, number> | null = null;

function widelyWrittenMonths(): ReadonlyMap<string, number> {
  if (wide) return wide;
  const table = new Map<string, number>();
  for (const locale of WIDELY_WRITTEN)
    addLocale(table, locale, new Set([...ENGLISH.keys(), ...table.keys()]));
  for (const [name, month] of EXTRA) if (!table.has(name)) table.set(name, month);
  wide = table;
  return table;
}

/**
 * The month (1–12) a word names in English or in the page's language, compared without case and
 * accents; on a page that names no language, in the languages most written on the web. Intl's
 * tables are built only for a word English does not know.
 */
export function monthNumber(word: string, lang: string | null): number | undefined {
  const folded = foldWord(word);
  const english = ENGLISH.get(folded);
  if (english !== undefined || folded.length < 3) return english;
  if (!lang) return widelyWrittenMonths().get(folded);
  return /^en(?:-|$)/i.test(lang) ? undefined : languageMonths(lang).get(folded);
}
