import type { AnnotationFields, EditorData } from '@/lib/model';
import type { NoteRef } from '@/lib/storage/notes';

/**
 * What the library does with a note. The popup wires each action to the background; the library
 * only says what the reader asked for, and shows the answer.
 */
export interface LibraryNotes {
  /** Shows the note in its article's tab: a tab already showing it ("focused") or a new one. */
  open: (note: NoteRef) => Promise<{ tab: 'focused' | 'opened'; revealed: boolean }>;
  /** Deletes the note; false when it was already gone. */
  remove: (note: NoteRef) => Promise<{ deleted: boolean }>;
  /** Brings a note deleted moments ago back. */
  restore: (id: string) => Promise<unknown>;
  /** The note's quote, anchoring, fields and the tags known so far, for the editor. */
  load: (note: NoteRef) => Promise<EditorData>;
  /** Saves the fields the reader edited. */
  save: (note: NoteRef, fields: AnnotationFields) => Promise<unknown>;
  /** Copies another reader's note to the reader's own notes; answers the copy's place. */
  copy: (note: NoteRef) => Promise<NoteRef>;
  /** Keeps another device's version (edited at `at`) of a note, or dismisses it. */
  settle: (note: NoteRef, at: string, choice: 'keep' | 'dismiss') => Promise<unknown>;
}
