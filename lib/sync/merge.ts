import { keepSeenAt, RECORD_LIMITS } from '../model';
import type { AnnotationFields, ArticleRecord, NoteConflict } from '../model';
import type { SyncedNote } from './docs';

// Conflicts never lose a note (issue 16). Each device remembers, per note, a fingerprint of
// every field as the server last had it (the base). When both sides changed a note since, a
// field only one side changed takes that side's value; a field both changed to different values
// takes the later edit's, and the earlier edit's reader fields are kept on the note as a
// conflict for the reader to settle. A delete never beats an edit (lib/sync/replicate.ts).

/** A short hash of each field of a note, as the server last had it. */
export type Fingerprints = Record<string, string>;

/** The fields a reader edits: the ones a conflict keeps. */
export const READER_FIELDS = ['kind', 'note', 'status', 'evidence', 'tags', 'color'] as const;

// Merged apart: the time is the later one's, and both sides' kept conflicts are kept.
const OWN_RULES = new Set(['id', 'modifiedAt', 'conflicts']);

/** cyrb53: a fast 53-bit string hash; collisions only cost a needless push or merge. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Each field's fingerprint; an absent field has none. */
export function fingerprint(record: object): Fingerprints {
  const out: Fingerprints = {};
  for (const [key, value] of Object.entries(record))
    if (value !== undefined) out[key] = hash(JSON.stringify(value));
  return out;
}

/** Whether two fingerprints say the same record. */
export function sameFingerprints(a: Fingerprints, b: Fingerprints): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function readerFields(note: SyncedNote): AnnotationFields {
  const { kind, note: text, status, evidence, tags, color } = note;
  return { kind, note: text, status, evidence, tags, color };
}

function conflictKey(c: NoteConflict): string {
  return `${c.at}\u0000${JSON.stringify(c.fields)}`;
}

/** Both sides' kept conflicts and the new one, each once, the latest kept within the limit. */
function keptConflicts(lists: readonly (readonly NoteConflict[])[]): NoteConflict[] {
  const byKey = new Map<string, NoteConflict>();
  for (const list of lists) for (const c of list) byKey.set(conflictKey(c), c);
  return [...byKey.values()]
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-RECORD_LIMITS.conflicts);
}

/** Which of two edits is the later: by modification time, then by a stable tie-break. */
function laterOf(a: SyncedNote, b: SyncedNote): 'a' | 'b' {
  if (a.modifiedAt !== b.modifiedAt) return a.modifiedAt > b.modifiedAt ? 'a' : 'b';
  return JSON.stringify(a) >= JSON.stringify(b) ? 'a' : 'b';
}

/** The result of merging two edits of a note. */
export interface NoteMerge {
  note: SyncedNote;
  /** Whether an edit's reader fields were kept as a conflict. */
  conflicted: boolean;
}

/**
 * Merges the local and the remote edit of a note, field by field against the base both started
 * from (null when unknown: every differing field was then changed by both).
 */
export function mergeNotes(
  base: Fingerprints | null,
  local: SyncedNote,
  remote: SyncedNote,
): NoteMerge {
  const later = laterOf(local, remote);
  const [winner, loser] = later === 'a' ? [local, remote] : [remote, local];
  const lf = fingerprint(local);
  const rf = fingerprint(remote);
  const merged: Record<string, unknown> = { ...winner };
  let clash = false;
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    if (OWN_RULES.has(key) || lf[key] === rf[key]) continue;
    const localChanged = base === null || lf[key] !== base[key];
    const remoteChanged = base === null || rf[key] !== base[key];
    const from = localChanged && !remoteChanged ? local : !localChanged ? remote : winner;
    merged[key] = (from as Record<string, unknown>)[key];
    if (localChanged && remoteChanged && (READER_FIELDS as readonly string[]).includes(key))
      clash = true;
  }
  const lost: NoteConflict[] = clash
    ? [
        {
          at: loser.modifiedAt,
          ...(loser.author ? { author: loser.author } : {}),
          fields: readerFields(loser),
        },
      ]
    : [];
  // A conflict the reader settled on one side stays settled: only when both sides changed the
  // list are both kept.
  const localListChanged = base === null || lf.conflicts !== base.conflicts;
  const remoteListChanged = base === null || rf.conflicts !== base.conflicts;
  const lists =
    localListChanged && remoteListChanged
      ? [local.conflicts ?? [], remote.conflicts ?? []]
      : [(localListChanged ? local : remote).conflicts ?? []];
  const conflicts = keptConflicts([...lists, lost]);
  const note = {
    ...(merged as SyncedNote),
    modifiedAt: winner.modifiedAt,
  };
  if (conflicts.length > 0) note.conflicts = conflicts;
  else delete note.conflicts;
  return { note, conflicted: clash };
}

/** Two devices' records of one article: the later change's, with every address either saw. */
export function mergeArticles(local: ArticleRecord, remote: ArticleRecord): ArticleRecord {
  const [later, earlier] = remote.updatedAt > local.updatedAt ? [remote, local] : [local, remote];
  const seenAt = [...earlier.seenAt];
  for (const url of later.seenAt) if (!seenAt.includes(url)) seenAt.push(url);
  return {
    ...later,
    savedAt: earlier.savedAt < later.savedAt ? earlier.savedAt : later.savedAt,
    seenAt: keepSeenAt(seenAt),
  };
}
