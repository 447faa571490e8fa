import { asciiDigits } from './dates';
import type { ZoneText } from './zone';

// A piece this long is running text, where a year and a small number meet by chance.
const SHORT_PIECE = 100;
// How far from the year the day may be written: "18 Şubat 2020", "2020. 11. 30.", "Nov 30, 2020 3:45 PM".
const REACH = 30;
// Thai pages count years in the Buddhist era.
const BUDDHIST_OFFSET = 543;

/**
 * True when a short line by the headline writes a day's numbers, its day of the month and its
 * year, close together: the page shows that day, even in a form no date pattern reads ("13. 1.
 * 2020", "30.XI.2020", a month name of a language the browser does not know).
 */
export function showsDayNumbers(
  zones: { before: ZoneText; after: ZoneText },
  isoDay: string,
): boolean {
  const year = isoDay.slice(0, 4);
  const buddhist = String(Number(year) + BUDDHIST_OFFSET);
  const day = String(Number(isoDay.slice(8, 10)));
  const pieces = [...zones.before.pieces, ...zones.after.pieces];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece || piece.text.length > SHORT_PIECE) continue;
    const text = asciiDigits(piece.text);
    if (!text.includes(year) && !text.includes(buddhist)) continue;
    // The day may sit in the neighbouring element ("<span>18</span> <span>Şubat 2020</span>").
    const around = asciiDigits(
      [pieces[i - 1]?.text ?? '', text, pieces[i + 1]?.text ?? '']
        .map((t) => (t.length > SHORT_PIECE ? '' : t))
        .join(' '),
    );
    for (const m of around.matchAll(/\d+/g)) {
      if (m[0] !== year && m[0] !== buddhist) continue;
      const window = around.slice(Math.max(0, m.index - REACH), m.index + m[0].length + REACH);
      // Not the minutes or hours of a time ("10:30").
      for (const n of window.matchAll(/(?<![\d:])\d{1,2}(?![\d:])/g)) {
        if (String(Number(n[0])) === day) return true;
      }
    }
  }
  return false;
}
