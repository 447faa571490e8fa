/** A token with its [start, end) character offsets into the source text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that keep their period, so "Mr." or "Corp." stays one token as in the
// newswire the model was trained on, and "St. Louis" is not split into two sentences.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'bros',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'prof',
  'rev',
  'mt',
  'ft',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'calif',
  'fla',
  'mass',
  'wash',
  'ariz',
  'conn',
  'penn',
  'tenn',
  'ave',
  'blvd',
  'dept',
  'est',
  'approx',
  'fig',
]);

// Order matters: dotted initialisms and numbers before plain words, the possessive and
// "n't" as their own tokens (CoNLL splits them, and entity spans exclude them).
const TOKEN_RE = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}\p{N}]))?`, // U.S. / U.S / p.m.
    String.raw`\p{N}+(?:[.,:/-]\p{N}+)*(?:-\p{L}+)*`, // 1,500.5 / 1996-08-22 / 10-year
    String.raw`['’](?:s|S)(?![\p{L}\p{N}])`, // possessive
    String.raw`[\p{L}\p{N}\p{M}]+(?:[-'’&][\p{L}\p{N}\p{M}]+)*`, // words, O'Neill, al-Kabariti
    String.raw`\S`,
  ].join('|'),
  'gu',
);

const CLITIC_RE = /^(.*\p{L})([nN]['’][tT]|['’][sS])$/u;

function hasApostrophe(w: string): boolean {
  return w.includes("'") || w.includes('’');
}

/** Splits text into word and punctuation tokens, keeping offsets so spans map back to the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let word = m[0];
    let start = m.index;
    // "don't" -> "do" + "n't", "Germany's" -> "Germany" + "'s", as CoNLL tokenises them.
    const clitic = hasApostrophe(word) ? CLITIC_RE.exec(word) : null;
    if (clitic?.[1] !== undefined && clitic[2] !== undefined && !/['’]/u.test(clitic[1])) {
      tokens.push({ text: clitic[1], start, end: start + clitic[1].length });
      start += clitic[1].length;
      word = clitic[2];
    }
    let end = start + word.length;
    if (
      text[end] === '.' &&
      ((/^\p{Lu}$/u.test(word) && !/\p{L}/u.test(text[end + 1] ?? '')) ||
        ABBREVIATIONS.has(word.toLowerCase()))
    ) {
      end += 1;
      word += '.';
      TOKEN_RE.lastIndex = end;
    }
    tokens.push({ text: word, start, end });
  }
  return tokens;
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']']);

/** Sentences, as the model was trained per sentence and capitals mean less at a start. */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === undefined) continue;
    const prev = current[current.length - 1];
    if (prev !== undefined && hasNewline(text, prev.end, tok.start)) flush();
    current.push(tok);
    const next = tokens[i + 1];
    if (next === undefined) continue;
    const ends = SENTENCE_END.has(tok.text) || (CLOSERS.has(tok.text) && prevEnds(current));
    if (ends && !CLOSERS.has(next.text) && /^[\p{Lu}\p{N}"“'‘(]/u.test(next.text)) flush();
  }
  flush();
  return sentences;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function prevEnds(current: Token[]): boolean {
  const before = current[current.length - 2];
  return before !== undefined && SENTENCE_END.has(before.text);
}
