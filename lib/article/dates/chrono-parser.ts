/**
 * chrono-node's English casual parser, made cheap to start. Its patterns are case-insensitive
 * (`/i`) alternations of many words, repeated up to ten times ("2 days, 3 hours and …"); V8
 * takes hundreds of milliseconds to compile those to machine code the first time they run,
 * which a background page that is often restarted pays again and again. The same patterns
 * written in lower case without `/i`, run on the text with A–Z lowered, compile several times
 * faster and match exactly the same spans: without the `u` flag, `/i` only ever pairs ASCII
 * letters with their other case. Each match is handed to chrono's own parser with its groups
 * cut from the original text, so nothing downstream sees a difference.
 */
// The English entry point alone: the package root would also pull every other locale's parsers.
import { casual, type Chrono, type Parser } from 'chrono-node/en';

type Context = Parameters<Parser['pattern']>[0];

const UPPER = /[A-Z]+/g;
/** Lower-cases A–Z only: same length, same positions, nothing else touched. */
export const lowerAscii = (s: string): string => s.replace(UPPER, (m) => m.toLowerCase());

// The lowered form of the text being parsed: every wrapped parser reads the same one.
let lastText = '';
let lastLowered = '';
function lowered(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLowered = lowerAscii(text);
  }
  return lastLowered;
}

/**
 * The pattern's source with its letters lowered, or null where that would not be the same
 * pattern: letters in a class ("[A-Z]") or named groups and back-references.
 */
function lowerSource(source: string): string | null {
  if (/\(\?<[A-Za-z]|\\k</.test(source)) return null;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      // Escapes keep their case: \W is not \w.
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (/[A-Za-z]/.test(c)) return null;
      if (c === ']') inClass = false;
      out += c;
    } else {
      if (c === '[') inClass = true;
      out += c.toLowerCase();
    }
  }
  return out;
}

/**
 * A case-insensitive chrono pattern as a lower-case one. chrono calls only `exec`, always on
 * the text being parsed or a suffix of it; `^` must keep meaning the start of that suffix.
 */
class LoweredPattern extends RegExp {
  full = '';
  fullLowered = '';

  bind(text: string): this {
    this.full = text;
    this.fullLowered = lowered(text);
    return this;
  }

  override exec(s: string): RegExpExecArray | null {
    // chrono passes the text or `text.substring(i)`: a length and a character tell which.
    const offset = this.full.length - s.length;
    const sameText =
      offset >= 0 && (s.length === 0 || s.charCodeAt(0) === this.full.charCodeAt(offset));
    const subject = sameText
      ? offset === 0
        ? this.fullLowered
        : this.fullLowered.slice(offset)
      : lowerAscii(s);
    const match = super.exec(subject);
    if (match === null) return null;
    // Give the parser the original text of every group, as the /i pattern would have.
    const indices = match.indices;
    for (let g = 0; g < match.length; g++) {
      const at = indices?.[g];
      if (at) match[g] = s.slice(at[0], at[1]);
    }
    match.input = s;
    return match;
  }
}

/** Wraps a chrono parser so that its `/i` pattern runs as a lower-case one. */
function withLoweredPattern(parser: Parser): Parser {
  const cache = new Map<RegExp, LoweredPattern | null>();
  return {
    pattern(context: Context): RegExp {
      const original = parser.pattern(context);
      let fast = cache.get(original);
      if (fast === undefined) {
        const source = original.flags.includes('i') ? lowerSource(original.source) : null;
        fast =
          source === null
            ? null
            : new LoweredPattern(source, original.flags.replace('i', '') + 'd');
        cache.set(original, fast);
      }
      return fast === null ? original : fast.bind(context.text);
    },
    extract: (context, match) => parser.extract(context, match),
  };
}

/** chrono's English casual configuration with every parser's pattern lowered. */
export const chrono: Chrono = (() => {
  const c = casual.clone();
  c.parsers = c.parsers.map(withLoweredPattern);
  return c;
})();
