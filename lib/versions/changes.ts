import type { AnnotationRecord } from '../model';

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
 * Whether the story changed since the reader marked it: its newest stored version is newer
 * than one a note was made on. Null when it did not, or nothing says so (notes without a version).
 */
export function changeSinceMarked(
  notes: readonly AnnotationRecord[],
  newest: number | null,
): StoryChange | null {
  if (newest === null) return null;
  const older = notes.filter((n) => n.version !== undefined && n.version < newest);
  if (older.length === 0) return null;
  const markedOn = Math.min(...older.map((n) => n.version as number));
  const affected = older.filter((n) => n.anchoring && n.anchoring.status !== 'anchored').length;
  return { newest, markedOn, affected };
}
