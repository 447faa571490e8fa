/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2009\u202f]+/g, ' ').trim();
}

/** Normalises text for comparison: NFKC, lower case, straight quotes and dashes, collapsed space. */
export function comparable(text: string): string {
  return collapse(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-'),
  );
}

/** Splits text into lower-case word tokens (letters and digits of any script). */
export function tokens(text: string): string[] {
  return comparable(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words F1 of two token lists, 0 when either is empty. */
export function bagF1(ta: readonly string[], tb: readonly string[]): number {
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** Token F1 of two texts (bag of words), 0 when either is empty. */
export function tokenF1(a: string, b: string): number {
  return bagF1(tokens(a), tokens(b));
}

/** Text content of an element, collapsed; "" for null. */
export function textOf(el: Element | null | undefined): string {
  return el ? collapse(el.textContent) : '';
}
