/**
 * Word boundaries. Matching ignores white space, so "al" would match the end of "general";
 * a quote that started (or ended) between words on the original page must do so again.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a character is part of a word (letters and digits of any script). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Whether the point between two characters is not inside a word. */
export function isBoundary(before: string | undefined, after: string | undefined): boolean {
  return !(isWordChar(before) && isWordChar(after));
}

/** Whether raw text [start, end) begins and ends where the original quote did (between words or not). */
export function boundariesAgree(
  text: string,
  start: number,
  end: number,
  wordStart: boolean,
  wordEnd: boolean,
): boolean {
  if (wordStart && !isBoundary(text[start - 1], text[start])) return false;
  if (wordEnd && !isBoundary(text[end - 1], text[end])) return false;
  return true;
}
