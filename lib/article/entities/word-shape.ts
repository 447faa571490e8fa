// A word's shape (capitals, small letters and digits as X, x and d) is what lets the tagger
// generalise to names it never saw. Most words of an article are plain ASCII: those are
// shaped in one pass without Unicode regexes.

/** A word's shape and short shape, and the case facts read along the way. */
export interface WordShape {
  /** Runs capped at 3: "Zelensky" -> "Xxxx", "1996-08-22" -> "ddd-dd-dd". */
  shape: string;
  /** Every run collapsed: "Zelensky" -> "Xx", "U.S." -> "X.X.". */
  short: string;
  hasLetter: boolean;
  /** No lower-case letter: w === w.toUpperCase(). */
  allUpper: boolean;
}

const HAS_LETTER = /\p{L}/u;
const CODES: number[] = [];
const SHORT_CODES: number[] = [];

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

function unicodeShape(w: string): WordShape {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = charClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 3) shape += c;
  }
  return {
    shape,
    short: collapseShape(shape),
    hasLetter: HAS_LETTER.test(w),
    allUpper: w === w.toUpperCase(),
  };
}

/** Shape, short shape and case facts of a word. */
export function wordShape(w: string): WordShape {
  CODES.length = 0;
  SHORT_CODES.length = 0;
  let last = -1;
  let run = 0;
  let letter = false;
  let lower = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return unicodeShape(w);
    let k = c;
    if (c >= 65 && c <= 90) {
      k = 88;
      letter = true;
    } else if (c >= 97 && c <= 122) {
      k = 120;
      letter = true;
      lower = true;
    } else if (c >= 48 && c <= 57) k = 100;
    run = k === last ? run + 1 : 1;
    if (run <= 3) CODES.push(k);
    if (k !== last) SHORT_CODES.push(k);
    last = k;
  }
  return {
    shape: String.fromCharCode(...CODES),
    short: String.fromCharCode(...SHORT_CODES),
    hasLetter: letter,
    allUpper: !lower,
  };
}

/** Word shape with runs capped at 3: "Zelensky" -> "Xxxx", "1996-08-22" -> "ddd-dd-dd". */
export function shape(w: string): string {
  return wordShape(w).shape;
}

/** Shape with every run collapsed: "Zelensky" -> "Xx", "U.S." -> "X.X.". */
export function shortShape(w: string): string {
  return wordShape(w).short;
}

/** A shape with every run collapsed: shortShape(w) = collapseShape(shape(w)). */
export function collapseShape(s: string): string {
  let out = '';
  for (const c of s) if (c !== out[out.length - 1]) out += c;
  return out;
}
