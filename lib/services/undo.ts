import type { AnnotationRecord } from '../model';

/** A deleted note kept for undo, with the tab whose editor deleted it (null: the popup). */
export interface DeletedNote {
  tabId: number | null;
  record: AnnotationRecord;
}

/** Deleted notes the reader may still bring back. */
export interface UndoStore {
  /** Keeps a deleted note for undo. */
  keep(deleted: DeletedNote): void;
  /** The deleted note with this id, or an error when there is nothing to undo. */
  get(id: string): DeletedNote;
  /** Forgets one deleted note, once it is back. */
  drop(id: string): void;
  /** Forgets every deleted note: an import may have brought some back already. */
  clear(): void;
}

/** Kept in memory until the background restarts: undo is for the moment, not a trash can. */
export function createUndoStore(): UndoStore {
  const deleted = new Map<string, DeletedNote>();
  return {
    keep(note) {
      deleted.set(note.record.id, note);
    },
    get(id) {
      const held = deleted.get(id);
      if (!held) throw new Error('There is nothing to undo for this note any more.');
      return held;
    },
    drop(id) {
      deleted.delete(id);
    },
    clear() {
      deleted.clear();
    },
  };
}
