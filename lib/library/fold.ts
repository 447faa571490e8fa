// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/**
 * Text as search compares it: lower case, accents and apostrophes dropped, every run of other
 * characters one space, trimmed ("Orbán's  Fidesz" → "orbans fidesz").
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text as search compares them. */
export function foldWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}
