import type { AnnotationRecord } from '../model';

/** What the library knows of an article's versions without their texts. */
export interface VersionMarks {
  /** The newest version's number. */
  newest: number;
  /** Each version's story hash, where it is known (see lib/versions/story.ts). */
  stories: ReadonlyMap<number, string>;
}

/** The marks of an article's versions (oldest first), or null when none is stored. */
export function marksOf(
  versions: readonly { n: number; story?: string | undefined }[],
): VersionMarks | null {
  const newest = versions.at(-1);
  if (!newest) return null;
  const stories = new Map<number, string>();
  for (const v of versions) if (v.story !== undefined) stories.set(v.n, v.story);
  return { newest: newest.n, stories };
}

/**
 * True when the story changed since a note made on version `n`: a newer version is stored and
 * its story differs (or either story is unknown, so only the whole page's text can tell). A
 * page that changed only around the story (a feed, a clock) did not change it.
 */
export function changedSince(n: number | undefined, marks: VersionMarks | null): boolean {
  if (n === undefined || marks === null || n >= marks.newest) return false;
  const then = marks.stories.get(n);
  return then === undefined || then !== marks.stories.get(marks.newest);
}

/** How a story changed since the reader marked it. */
export interface StoryChange {
  /** The version the story is at now. */
  newest: number;
  /** The oldest version a note was made on. */
  markedOn: number;
  /** Notes made on an older version whose passage changed or is gone now. */
  affected: number;
}

/**
 * Whether the story changed since the reader marked it (changedSince, for any note). Null when
 * it did not, or nothing says so (notes without a version).
 */
export function changeSinceMarked(
  notes: readonly AnnotationRecord[],
  marks: VersionMarks | null,
): StoryChange | null {
  if (marks === null) return null;
  const older = notes.filter((n) => changedSince(n.version, marks));
  if (older.length === 0) return null;
  const markedOn = Math.min(...older.map((n) => n.version as number));
  const affected = older.filter((n) => n.anchoring && n.anchoring.status !== 'anchored').length;
  return { newest: marks.newest, markedOn, affected };
}
