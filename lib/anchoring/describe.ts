import { buildTextModel, offsetsFromRange, type TextModel } from './text-model';
import type { Selectors, TextModelOptions } from './types';

/** How many characters of context are kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

const SPACE = /[\s\u00a0]/;

/**
 * Up to `n` characters of text before `offset`, white space runs collapsed. Collapsing first
 * means indentation in the HTML source does not eat the context: 32 characters of words.
 */
export function contextBefore(text: string, offset: number, n = CONTEXT_LENGTH): string {
  const out: string[] = [];
  for (let i = offset - 1; i >= 0 && out.length < n; i--) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      if (out[out.length - 1] !== ' ') out.push(' ');
    } else out.push(ch);
  }
  return out.reverse().join('');
}

/** Up to `n` characters of text from `offset` on, white space runs collapsed. */
export function contextAfter(text: string, offset: number, n = CONTEXT_LENGTH): string {
  let out = '';
  for (let i = offset; i < text.length && out.length < n; i++) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out;
}

/** Selectors for the text [start, end) of a text model. */
export function describeOffsets(model: TextModel, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: model.text.slice(start, end),
      prefix: contextBefore(model.text, start),
      suffix: contextAfter(model.text, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Selectors for a Range, given a text model of the root it lies in. */
export function describeInModel(model: TextModel, range: Range): Selectors {
  const [start, end] = offsetsFromRange(model, range);
  return describeOffsets(model, start, end);
}

/** W3C selectors (quote with 32-character context, and position) for a Range inside `root`. */
export function describe(root: Element, range: Range, options?: TextModelOptions): Selectors {
  return describeInModel(buildTextModel(root, options), range);
}
