/**
 * Where chrono-node can find anything at all. Running chrono over a whole long body costs
 * some thirty regex scans and, in a few of its parsers and refiners, a look at the whole text
 * before each hit; running it only on windows around the words its patterns need gives the
 * same results for a fraction of the time.
 *
 * Every match of every chrono-node (2.10, English, casual) pattern contains one of these
 * triggers: a digit, a month or weekday name, a casual word ("today", "noon") or a time unit
 * after a number word or a modifier ("two weeks", "last year", "in the m"). They are written
 * loosely, as chrono's own patterns are (no word boundary where chrono has none), so that the
 * set stays a superset: a trigger too many costs time, a trigger missing would lose a date.
 */

import { lowerAscii } from './chrono-parser';

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half(?:\\s{0,2}an?)?|an?\\b|few|several|couple|of';
const MODIFIER = 'this|last|past|next';
const LONG_UNIT =
  'secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|mos?|mon|months?|qtr|quarters?|yrs?|years?';
// A unit ends at a non-letter, before "ago"-like words, or glued to the next count ("the money"
// is "the m" + "one y" to chrono).
const AFTER_UNIT = `(?=[^a-z]|$|ago|before|earlier|later|after|from|henceforth|forward|out|and|the|couple|${NUMBER_WORD})`;
const ORDINAL_WORD =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt';
const MONTH =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const WEEKDAY =
  'sun|sunday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|weekend|weekday';
const CASUAL =
  'now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|night|morning|afternoon|evening|midnight|midday|noon';

const ORDINAL =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
// Words chrono lets stick to a number without a space ("inten minutes").
const GLUE = '(?:within|in|for|about|around|roughly|approximately|just|after|this|last|past|next)?';
const THE_UNIT = `the\\s{0,3}[smhdwy]${AFTER_UNIT}`;
const AROUND =
  '(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?(?:(?:about|around)\\s{0,3})?';

// Written for the text with A–Z lowered and without /i, and anchored at a word start where
// chrono's pattern allows: V8 scans that many times faster than a free-floating /i pattern.
export const TRIGGER = new RegExp(
  [
    // Digits make a mention only as a numeric date, a clock time, a count of units or a day
    // of a month.
    `(?<!\\d)\\d+(?:[/.\\-]\\d\\d?(?!\\d)|/\\d{4}|[:：]\\d|\\s*[ap]\\.?m|(?<=\\d{4})\\s\\d|\\s{0,3}(?:${LONG_UNIT}|[smhdwy])${AFTER_UNIT}|(?:st|nd|rd|th|\\s{0,2}(?:be|ad|bce?|ce))?(?:of)?(?:${MONTH})(?=[^a-z]|$|of|${ORDINAL_WORD}))`,
    `[+-]\\s*${AROUND}${THE_UNIT}`,
    `\\b(?:o?clock|(?:in|of|${ORDINAL})?(?:of)?(?:${MONTH})(?=[^a-z]|$|of|${ORDINAL_WORD})|(?:on)?(?:${MODIFIER})?(?:${WEEKDAY})(?=[^a-z]|$|of|${MODIFIER})|(?:this|last)?(?:${CASUAL})(?![a-z])|${GLUE}(?:${NUMBER_WORD}|the|${MODIFIER})\\s{0,3}(?:${LONG_UNIT})${AFTER_UNIT}|${GLUE}(?:${NUMBER_WORD}|${MODIFIER})\\s{0,3}[smhdwy]${AFTER_UNIT}|(?:within|in|for|after|${MODIFIER})\\s*${AROUND}${THE_UNIT}|(?:about|around)?the\\s{0,3}[smhdwy]\\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out))`,
  ].join('|'),
  'g',
);

/** Characters of context kept on each side of a trigger: more than any chrono match spans. */
const MARGIN = 80;

const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;

/** Moves back from `at` to the start of a word that follows white space (or to 0). */
function wordStartAtOrBefore(text: string, at: number): number {
  let i = Math.max(0, at);
  while (i > 0 && !(isSpace(text.charCodeAt(i - 1)) && !isSpace(text.charCodeAt(i)))) i--;
  return i;
}

/** Moves on from `at` to the next white space (or the end). */
function spaceAtOrAfter(text: string, at: number): number {
  let i = Math.min(text.length, at);
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The stretches of `text` worth giving to chrono, as [start, end) pairs in text order: every
 * trigger with MARGIN characters either side, widened to white space, overlapping ones merged.
 */
export function chronoWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  const lower = lowerAscii(text);
  TRIGGER.lastIndex = 0;
  let current: [number, number] | null = null;
  for (let m = TRIGGER.exec(lower); m !== null; m = TRIGGER.exec(lower)) {
    const start = wordStartAtOrBefore(text, m.index - MARGIN);
    const end = spaceAtOrAfter(text, m.index + m[0].length + MARGIN);
    if (current !== null && start <= current[1]) {
      if (end > current[1]) current[1] = end;
    } else {
      current = [start, end];
      windows.push(current);
    }
  }
  return windows;
}
