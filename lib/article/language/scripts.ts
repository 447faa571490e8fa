// Which writing system a text is in, from its letters. Languages written in their own script
// (Greek, Thai, Hangul …) are told apart by the script alone; the Latin, Cyrillic and Arabic
// scripts are shared, and need the words (function-words.ts) or the page's own hint.

/** A writing system Claimmark tells apart. */
export type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Arabic'
  | 'Hebrew'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Thai'
  | 'Devanagari'
  | 'Bengali'
  | 'Tamil'
  | 'Georgian'
  | 'Armenian'
  | 'Ethiopic'
  | 'Khmer'
  | 'Myanmar'
  | 'Sinhala'
  | 'Other';

// Code point ranges, lowest first; a code point in none of them that is a letter is 'Other'.
// Ranges rather than \p{Script=…} tests: one comparison chain per character on a 20,000-letter text.
// prettier-ignore
const RANGES: [number, number, Script][] = [
  [0x41, 0x5a, 'Latin'], [0x61, 0x7a, 'Latin'], [0xc0, 0x24f, 'Latin'],
  [0x370, 0x3ff, 'Greek'], [0x400, 0x52f, 'Cyrillic'], [0x530, 0x58f, 'Armenian'],
  [0x590, 0x5ff, 'Hebrew'], [0x600, 0x6ff, 'Arabic'], [0x750, 0x77f, 'Arabic'],
  [0x8a0, 0x8ff, 'Arabic'], [0x900, 0x97f, 'Devanagari'], [0x980, 0x9ff, 'Bengali'],
  [0xb80, 0xbff, 'Tamil'], [0xd80, 0xdff, 'Sinhala'], [0xe00, 0xe7f, 'Thai'],
  [0x1000, 0x109f, 'Myanmar'], [0x10a0, 0x10ff, 'Georgian'], [0x1100, 0x11ff, 'Hangul'],
  [0x1200, 0x139f, 'Ethiopic'], [0x1780, 0x17ff, 'Khmer'],
  [0x1e00, 0x1eff, 'Latin'], [0x1f00, 0x1fff, 'Greek'], [0x3040, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hangul'], [0x31f0, 0x31ff, 'Kana'], [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'], [0xac00, 0xd7af, 'Hangul'], [0xf900, 0xfaff, 'Han'],
  [0xfb50, 0xfdff, 'Arabic'], [0xfe70, 0xfeff, 'Arabic'], [0xff66, 0xff9f, 'Kana'],
  [0x20000, 0x3134f, 'Han'],
];
const LETTER = /\p{L}/u;

function scriptOf(code: number, ch: string): Script | null {
  for (const [from, to, script] of RANGES) {
    if (code < from) break;
    if (code <= to) return script;
  }
  // Digits, spaces and punctuation say nothing about the language.
  return code > 0x7f && LETTER.test(ch) ? 'Other' : null;
}

/** How many letters of each script a text has (the first `limit` letters only). */
export function scriptCounts(text: string, limit = 20_000): Map<Script, number> {
  const counts = new Map<Script, number>();
  let seen = 0;
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0) ?? 0, ch);
    if (!script) continue;
    counts.set(script, (counts.get(script) ?? 0) + 1);
    if (++seen >= limit) break;
  }
  return counts;
}

/** The script most of a text's letters are in, or null for a text without letters. */
export function dominantScript(counts: Map<Script, number>): Script | null {
  let best: Script | null = null;
  let most = 0;
  for (const [script, n] of counts) {
    if (n > most) [best, most] = [script, n];
  }
  return best;
}
