import * as v from 'valibot';
import { AnnotationDraftSchema, type AnnotationDraft } from '../model';
import { Uuid } from '../model/fields';
import type { SessionArea } from '../tabs/tab-store';

/** A selection held for the editor, with the tab it was made in. */
export interface HeldDraft {
  tabId: number;
  draft: AnnotationDraft;
}

/**
 * Selections waiting for their editor to save them, by an id the page never sees inside. A tab
 * holds one at a time: its editor shows one selection.
 */
export interface DraftStore {
  /** Holds a selection made in a tab (replacing the tab's last one); returns its id. */
  hold(tabId: number, draft: AnnotationDraft): Promise<string>;
  /** The selection a tab holds under this id, or an error a reader can act on. */
  get(tabId: number | null, draftId: string): Promise<HeldDraft>;
  /** Forgets a selection once it was saved. */
  drop(tabId: number, draftId: string): Promise<void>;
  /** Forgets a tab's selection (the tab closed). */
  forgetTab(tabId: number): Promise<void>;
}

const HeldSchema = v.object({ draftId: Uuid, draft: AnnotationDraftSchema });
const keyOf = (tabId: number) => `draft:${tabId}`;
const EXPIRED = 'This selection has expired; select the passage again.';

/**
 * Drafts live in session memory (`storage.session`): the MV3 service worker may be stopped while
 * the reader types a claim's note, and the selection must still be there when they save.
 */
export function createDraftStore(
  area: SessionArea,
  newId: () => string = () => crypto.randomUUID(),
): DraftStore {
  async function read(tabId: number) {
    const key = keyOf(tabId);
    const parsed = v.safeParse(HeldSchema, (await area.get(key))[key]);
    return parsed.success ? parsed.output : null;
  }
  return {
    async hold(tabId, draft) {
      const draftId = newId();
      await area.set({ [keyOf(tabId)]: { draftId, draft } });
      return draftId;
    },
    async get(tabId, draftId) {
      // Only an editor in the tab that made the selection can name it.
      const held = tabId === null ? null : await read(tabId);
      if (!held || held.draftId !== draftId) throw new Error(EXPIRED);
      return { tabId: tabId as number, draft: held.draft };
    },
    async drop(tabId, draftId) {
      if ((await read(tabId))?.draftId === draftId) await area.remove(keyOf(tabId));
    },
    forgetTab: (tabId) => area.remove(keyOf(tabId)),
  };
}
