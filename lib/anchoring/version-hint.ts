// Kept apart from version-map.ts, which holds the diff library: the content script needs these
// and must not carry jsdiff.

/** What became of a passage of a stored version in the page's text now. */
export type VersionMapping =
  /** The same text, at these offsets of the new text. */
  | { kind: 'kept'; start: number; end: number }
  /** Edited where it stood: the part of the new text that took its place. */
  | { kind: 'changed'; start: number; end: number }
  /** The same text, deleted here and inserted once elsewhere. */
  | { kind: 'moved'; start: number; end: number }
  /** Deleted, and nowhere else. */
  | { kind: 'deleted' }
  /** The diff cannot decide (the versions differ too much, or the text now stands twice). */
  | { kind: 'unknown' };

/** A note's passage followed to the page's text now, as the background sends it to the page. */
export type VersionHint = { id: string } & (
  { kind: 'kept' | 'changed' | 'moved'; start: number; end: number } | { kind: 'deleted' }
);

/** A diff that answers one passage: what the page is told for a note. */
export function hintDiff(hint: VersionHint): VersionDiff {
  const mapping: VersionMapping =
    hint.kind === 'deleted'
      ? { kind: 'deleted' }
      : { kind: hint.kind, start: hint.start, end: hint.end };
  return { map: () => mapping };
}

/** Maps passages of an old text to the new one. */
export interface VersionDiff {
  /** Where the old text's [start, end) is in the new text, and how it changed. */
  map(start: number, end: number): VersionMapping;
}

/**
 * True when an edited passage's new length is one an edit could give it: at most twice the old
 * and a sentence more. Used here and again where a page applies a hint it was sent.
 */
export function plausibleLength(oldLength: number, newLength: number): boolean {
  return newLength <= 2 * oldLength + 40;
}
