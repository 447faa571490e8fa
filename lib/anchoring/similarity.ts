/**
 * How well a stored context string agrees with the page text next to a candidate match.
 * Context is compared by edit distance rather than equality so that a typo fixed or a word
 * changed near the passage costs a little instead of everything.
 */

// Reused between calls: anchoring compares thousands of short contexts per pass.
let row = new Uint16Array(64);
let prev = new Uint16Array(64);

/**
 * Edit distance between `pattern` and the best-aligned end of `window`: the pattern must end
 * where the window ends, but may start anywhere in it (leading window characters are free).
 */
function endAlignedDistance(pattern: string, window: string): number {
  const n = window.length;
  if (row.length <= n) {
    row = new Uint16Array(n * 2 + 1);
    prev = new Uint16Array(n * 2 + 1);
  }
  // prev[j]: distance of pattern[0..i) against window[..j) starting anywhere (free start).
  prev.fill(0, 0, n + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const pc = pattern.charCodeAt(i - 1);
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (window.charCodeAt(j - 1) === pc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (row[j - 1] as number) + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[n] as number;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i] as string;
  return out;
}

/**
 * Similarity in [0, 1] of a stored prefix with the folded text that ends at `at`. An empty
 * prefix is evidence only when the page text before `at` is empty too (start of the page).
 */
export function prefixSimilarity(text: string, at: number, prefix: string): number {
  if (prefix.length === 0) return at === 0 ? 1 : 0;
  // A little slack lets a few inserted characters shift the prefix without costing all of it.
  const slack = (prefix.length >> 2) + 2;
  const window = text.slice(Math.max(0, at - prefix.length - slack), at);
  return 1 - Math.min(prefix.length, endAlignedDistance(prefix, window)) / prefix.length;
}

/** Similarity in [0, 1] of a stored suffix with the folded text that starts at `at`. */
export function suffixSimilarity(text: string, at: number, suffix: string): number {
  if (suffix.length === 0) return at === text.length ? 1 : 0;
  const slack = (suffix.length >> 2) + 2;
  const window = text.slice(at, at + suffix.length + slack);
  const distance = endAlignedDistance(reverse(suffix), reverse(window));
  return 1 - Math.min(suffix.length, distance) / suffix.length;
}
