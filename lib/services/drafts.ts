import type { AnnotationDraft } from '../model';

/** A selection held for the editor, with the tab it was made in. */
export interface HeldDraft {
  tabId: number;
  draft: AnnotationDraft;
}

/** Selections waiting for their editor to save them, by an id the page never sees inside. */
export interface DraftStore {
  /** Holds a selection made in a tab and returns the id its editor will name. */
  hold(tabId: number, draft: AnnotationDraft): string;
  /** The held selection, or an error a reader can act on when it expired. */
  get(draftId: string): HeldDraft;
  /** Forgets a selection once it was saved. */
  drop(draftId: string): void;
}

/** Drafts live in memory only: a background restart expires them, as a reload would. */
export function createDraftStore(newId: () => string = () => crypto.randomUUID()): DraftStore {
  const drafts = new Map<string, HeldDraft>();
  return {
    hold(tabId, draft) {
      const id = newId();
      drafts.set(id, { tabId, draft });
      return id;
    },
    get(draftId) {
      const held = drafts.get(draftId);
      if (!held) throw new Error('This selection has expired; select the passage again.');
      return held;
    },
    drop(draftId) {
      drafts.delete(draftId);
    },
  };
}
