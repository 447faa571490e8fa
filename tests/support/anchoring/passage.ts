import { rangeFromOffsets, type TextModel } from '../../../lib/anchoring/text-model';

/** A text with white space runs collapsed to one space, and where each character came from. */
interface Collapsed {
  text: string;
  /** raw[i]: raw offset of collapsed character i; raw[text.length] === raw text length. */
  raw: number[];
}

const SPACE = /[\s\u00a0]/;

/** Collapse white space runs in a raw text, keeping the mapping back to raw offsets. */
export function collapseWithOffsets(rawText: string): Collapsed {
  let text = '';
  const raw: number[] = [];
  for (let i = 0; i < rawText.length; i++) {
    const ch = rawText[i] as string;
    if (SPACE.test(ch)) {
      if (text.endsWith(' ')) continue;
      text += ' ';
    } else text += ch;
    raw.push(i);
  }
  raw.push(rawText.length);
  return { text, raw };
}

/** Collapse white space runs to one space and trim, as the fixtures compare text. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Raw offsets [start, end) in a text model of a passage given as a quote (white space
 * insensitive) and, to pick among several occurrences, text that stands right before it.
 * @returns null when the page has no such passage.
 */
export function findPassage(
  model: TextModel,
  quote: string,
  before?: string,
): [number, number] | null {
  const page = collapseWithOffsets(model.text);
  const needle = collapse(quote);
  const lead = before === undefined ? '' : before.replace(/[\s\u00a0]+/g, ' ');
  if (needle === '') return null;
  for (let at = page.text.indexOf(needle); at !== -1; at = page.text.indexOf(needle, at + 1)) {
    if (lead !== '' && !page.text.slice(0, at).endsWith(lead)) continue;
    const start = page.raw[at] as number;
    // End just after the last character of the needle (not after the white space that follows).
    const end = (page.raw[at + needle.length - 1] as number) + 1;
    return [start, end];
  }
  return null;
}

/** A Range over a passage found with findPassage, or null. */
export function passageRange(model: TextModel, quote: string, before?: string): Range | null {
  const span = findPassage(model, quote, before);
  return span ? rangeFromOffsets(model, span[0], span[1]) : null;
}
