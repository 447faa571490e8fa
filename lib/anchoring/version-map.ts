import { diffArrays } from 'diff';
import { foldString } from './fold';

import { plausibleLength, type VersionDiff, type VersionMapping } from './version-hint';

export type { VersionDiff, VersionHint, VersionMapping } from './version-hint';

/**
 * Words and single other characters (white space is left out: pages re-render it between
 * versions, and a diff that counts it aligns a punctuation mark with the wrong twin).
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}\s]/gu;

/** Tokens on each side of a passage that tell whether its place survived an edit. */
const AROUND = 6;

/** A token that is a word or a number, not punctuation. */
const WORD = /[\p{L}\p{N}]/u;

/** Inserted words beyond those replaced that a changed passage may take in at each end. */
const REPLACED_SLACK = 3;

/** Most token edits the diff looks for before it gives up (then the search decides). */
const MAX_EDIT_TOKENS = 4000;

interface Tokens {
  /** Each token folded for comparison: typography does not count as an edit. */
  keys: string[];
  /** Each token's offset in the text. */
  starts: number[];
  /** Each token's end in the text. */
  ends: number[];
}

function tokenize(text: string): Tokens {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    keys.push(foldString(m[0]));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { keys, starts, ends };
}

/** The index of the first token ending after `offset` (tokens.length when none does). */
function firstEndingAfter(ends: readonly number[], offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last token starting before `offset` (-1 when none does). */
function lastStartingBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** True when `needle` stands exactly once in `haystack`. */
function once(haystack: string, needle: string): boolean {
  const first = haystack.indexOf(needle);
  return first !== -1 && haystack.indexOf(needle, first + 1) === -1;
}

/** The folded, white-space-free form of a text, for finding a moved passage. */
const squeeze = (s: string) => foldString(s).replace(/\s+/g, '');

/**
 * Diffs two versions of a page's text word by word (jsdiff), so that every position of the old
 * text can be followed to the new one: kept text keeps its place, edited text maps to what
 * replaced it (ending on word boundaries), deleted text is gone, and moved text is found once.
 * Returns null when the texts cannot be diffed within the budget.
 */
export function diffVersions(oldText: string, newText: string): VersionDiff | null {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  const changes = diffArrays(a.keys, b.keys, { maxEditLength: MAX_EDIT_TOKENS });
  if (!changes) return null;
  // For each old token, the new token it is the same as (-1: removed); each new token's likewise.
  const toNew = new Int32Array(a.keys.length).fill(-1);
  const added = new Uint8Array(b.keys.length);
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count;
    if (change.added) {
      added.fill(1, j, j + n);
      j += n;
    } else if (change.removed) {
      i += n;
    } else {
      for (let k = 0; k < n; k++) toNew[i + k] = j + k;
      i += n;
      j += n;
    }
  }
  const newStart = (t: number) => b.starts[t] as number;
  const newEnd = (t: number) => b.ends[t] as number;
  const squeezedNew = squeeze(newText);
  const squeezedOld = squeeze(oldText);

  /** The one place in new tokens [from, to] where these token keys stand in a row; -1 if none or several. */
  function locate(keys: readonly string[], from: number, to: number): number {
    let found = -1;
    for (let t = from; t + keys.length - 1 <= to; t++) {
      if (keys.every((k, x) => b.keys[t + x] === k)) {
        if (found !== -1) return -1;
        found = t;
      }
    }
    return found;
  }

  /** The passage deleted here, if it was inserted once elsewhere (a moved paragraph). */
  function moved(keys: readonly string[]): VersionMapping {
    const needle = keys.join('');
    if (needle.length === 0) return { kind: 'deleted' };
    const first = squeezedNew.indexOf(needle);
    if (first === -1) return { kind: 'deleted' };
    if (squeezedNew.indexOf(needle, first + 1) !== -1) return { kind: 'unknown' };
    const at = locate(keys, 0, b.keys.length - 1);
    if (at === -1 || !added[at]) return { kind: 'unknown' };
    return { kind: 'moved', start: newStart(at), end: newEnd(at + keys.length - 1) };
  }

  /**
   * True when the old text's token `neighbour` (just outside a passage) is kept and stands in
   * the new text about as far from the passage's kept token `kept` as it did.
   */
  function besideNeighbour(neighbour: number, kept: number): boolean {
    if (neighbour < 0 || neighbour >= a.keys.length) return false;
    const there = toNew[neighbour] as number;
    if (there === -1) return false;
    return Math.abs((toNew[kept] as number) - there) <= Math.abs(kept - neighbour) + REPLACED_SLACK;
  }

  /** True when most of the words just around a passage are kept: its place survived the edit. */
  function mostlyKeptAround(first: number, last: number): boolean {
    let words = 0;
    let kept = 0;
    const from = Math.max(0, first - AROUND);
    const to = Math.min(a.keys.length - 1, last + AROUND);
    for (let t = from; t <= to; t++) {
      if ((t >= first && t <= last) || !WORD.test(a.keys[t] as string)) continue;
      words++;
      if ((toNew[t] as number) !== -1) kept++;
    }
    return words > 0 && kept * 2 >= words;
  }

  return {
    map(start, end) {
      if (end <= start || end > oldText.length) return { kind: 'unknown' };
      const first = firstEndingAfter(a.ends, start);
      const last = lastStartingBefore(a.starts, end);
      if (first > last) return { kind: 'unknown' };
      const keys = a.keys.slice(first, last + 1);
      const inFirst = Math.max(0, start - (a.starts[first] as number));
      const endGap = Math.max(0, (a.ends[last] as number) - end);
      // A passage that stood once in the old text and stands once in the new is that passage,
      // wherever the diff aligned its words (a quote mark can pair with a twin nearby).
      const needle = keys.join('');
      if (needle.length > 0 && once(squeezedOld, needle) && once(squeezedNew, needle)) {
        const at = locate(keys, 0, b.keys.length - 1);
        if (at !== -1) {
          const kind = at === toNew[first] ? 'kept' : 'moved';
          return {
            kind,
            start: newStart(at) + inFirst,
            end: newEnd(at + keys.length - 1) - endGap,
          };
        }
      }
      let firstKept = -1;
      let lastKept = -1;
      let keptChars = 0;
      let keptTokens = 0;
      let keptWords = 0;
      for (let t = first; t <= last; t++) {
        if ((toNew[t] as number) === -1) continue;
        if (firstKept === -1) firstKept = t;
        lastKept = t;
        keptChars += (a.keys[t] as string).length;
        keptTokens++;
        if (WORD.test(a.keys[t] as string)) keptWords++;
      }
      if (firstKept === -1) return moved(keys);
      // A few common words left where a passage was rewritten ("the", "said") may have been
      // matched anywhere: under half the passage kept is for the search to judge. So is a
      // passage of one word kept (a one-word quote too) unless a neighbour stands beside it and
      // most words around it are kept: the diff pairs a lone common word ("für", "GmbH") with
      // its twin wherever one stands, even across a deleted paragraph.
      const total = keys.join('').length;
      const island =
        keptWords < 2 &&
        ((!besideNeighbour(first - 1, firstKept) && !besideNeighbour(last + 1, lastKept)) ||
          !mostlyKeptAround(first, last));
      if (keptChars < total / 2 || island) {
        const elsewhere = moved(keys);
        return elsewhere.kind === 'moved' ? elsewhere : { kind: 'unknown' };
      }
      let from = toNew[firstKept] as number;
      let to = toNew[lastKept] as number;
      // Every word kept, and nothing inserted between them.
      const allKept = keptTokens === last - first + 1 && to - from === last - first;
      if (allKept) {
        return { kind: 'kept', start: newStart(from) + inFirst, end: newEnd(to) - endGap };
      }
      // The diff may have matched one of the passage's words with a twin in inserted text (a
      // new paragraph that starts with the same word): the passage whole, once, wins.
      const whole = locate(keys, from, to);
      if (whole !== -1) {
        const lastTok = whole + keys.length - 1;
        return { kind: 'kept', start: newStart(whole) + inFirst, end: newEnd(lastTok) - endGap };
      }
      // Words that replaced the passage's first or last words belong to it now: as many as
      // were replaced, and a few more, never a whole paragraph inserted next to it.
      let reach = firstKept - first + REPLACED_SLACK;
      if (firstKept > first) while (from > 0 && added[from - 1] && reach-- > 0) from--;
      reach = last - lastKept + REPLACED_SLACK;
      if (lastKept < last) while (to + 1 < b.keys.length && added[to + 1] && reach-- > 0) to++;
      const mappedStart = newStart(from) + (firstKept === first ? inFirst : 0);
      const mappedEnd = Math.max(newEnd(to) - (lastKept === last ? endGap : 0), mappedStart);
      // A long insertion inside the passage is not the passage: the search decides.
      if (!plausibleLength(end - start, mappedEnd - mappedStart)) return { kind: 'unknown' };
      return { kind: 'changed', start: mappedStart, end: mappedEnd };
    },
  };
}
