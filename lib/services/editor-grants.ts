import * as v from 'valibot';
import type { EditorAddress, EditorTarget } from '../messaging/editor-address';
import { HttpUrl, Uuid } from '../model/fields';
import type { SessionArea } from '../tabs/tab-store';

/** A note an editor may show, with the article it is stored under (resolved when granted). */
export interface GrantedNote {
  id: string;
  articleUrl: string;
}

/** What a grant lets its frame work on: a held selection, or one stored note. */
export type GrantedTarget = { draftId: string } | GrantedNote;

/** The editor frame asking, as the browser's sender record and the frame's own address say. */
export interface EditorCaller {
  tabId: number;
  /**
   * The document the browser says the message came from: Chromium's `documentId` (new for each
   * page the frame loads), else the frame's id.
   */
  frame: string;
  address: EditorAddress;
}

/** What ending a frame's grant did: ended it, found none, or found another frame's. */
export type GrantClosed = 'closed' | 'none' | 'another frame';

/** What an editor frame may do: show its note once, then change it (the editor view only). */
export type GrantUse = 'load' | 'change';

/**
 * Single-use permissions for the editor and peek frames a page opens. The page's content script
 * asks for one; the background issues a token bound to the tab, the view and the note (or held
 * selection); the frame's address carries it. The first `editor.load` redeems it for that frame,
 * and every later save, delete or undo must come from that frame, in that tab, about that note.
 */
export interface EditorGrants {
  /**
   * Issues a token for a tab's next editor or peek; an older one of that view stops working.
   * `target` is resolved in turn with other grants, so the last request is the live one.
   */
  issue(
    tabId: number,
    view: EditorAddress['view'],
    target: () => Promise<GrantedTarget>,
  ): Promise<string>;
  /** Checks a frame's request against its grant and returns the target it may act on. */
  use(caller: EditorCaller, use: GrantUse, asked: EditorTarget): Promise<GrantedTarget>;
  /** After a selection was saved, the editor's grant covers the note it became. */
  rebind(caller: EditorCaller, note: GrantedNote): Promise<void>;
  /** Ends a frame's grant (the editor closed). */
  close(caller: EditorCaller): Promise<GrantClosed>;
  /** Forgets a tab's grants (the tab closed). */
  forgetTab(tabId: number): Promise<void>;
}

/**
 * How long a token waits for its frame to load. A frame loads in seconds; the margin covers a
 * machine that slept meanwhile. A token nobody spent is useless after this, even if it leaked.
 */
export const UNUSED_GRANT_MS = 10 * 60 * 1000;

/**
 * How long an editor stays usable after its last request: a reader may keep it open while they
 * research. Each request renews it.
 */
export const GRANT_LIFETIME_MS = 12 * 60 * 60 * 1000;

const GrantSchema = v.object({
  token: Uuid,
  target: v.union([v.object({ draftId: Uuid }), v.object({ id: Uuid, articleUrl: HttpUrl })]),
  /** The document that spent the token; null until then. */
  frame: v.nullable(v.string()),
  expires: v.number(),
});
type Grant = v.InferOutput<typeof GrantSchema>;

const VIEWS = ['editor', 'peek'] as const;
const keyOf = (tabId: number, view: EditorAddress['view']) => `editor-grant:${tabId}:${view}`;

const REFUSED =
  'Claimmark did not open this editor for this page. Click the highlight to open it again.';

function sameTarget(granted: GrantedTarget, asked: EditorTarget): boolean {
  if ('draftId' in granted) return 'draftId' in asked && asked.draftId === granted.draftId;
  if (!('id' in asked) || asked.id !== granted.id) return false;
  return asked.articleUrl === undefined || asked.articleUrl === granted.articleUrl;
}

/**
 * Grants live in session memory (`storage.session`), so they survive the MV3 service worker
 * being stopped while the reader types, and never reach the disk.
 */
export function createEditorGrants(
  area: SessionArea,
  now: () => Date = () => new Date(),
  newToken: () => string = () => crypto.randomUUID(),
): EditorGrants {
  // One step at a time: two frames redeeming one token at once must not both succeed.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  async function read(tabId: number, view: EditorAddress['view']): Promise<Grant | null> {
    const key = keyOf(tabId, view);
    const parsed = v.safeParse(GrantSchema, (await area.get(key))[key]);
    return parsed.success ? parsed.output : null;
  }
  const write = (tabId: number, view: EditorAddress['view'], grant: Grant) =>
    area.set({ [keyOf(tabId, view)]: grant });

  /** The caller's live grant, or an error the editor shows. */
  async function held(caller: EditorCaller): Promise<Grant> {
    const grant = await read(caller.tabId, caller.address.view);
    if (!grant || grant.token !== caller.address.token) throw new Error(REFUSED);
    if (grant.expires < now().getTime()) {
      throw new Error('This editor has expired. Click the highlight to open it again.');
    }
    return grant;
  }
  const renewed = () => now().getTime() + GRANT_LIFETIME_MS;

  return {
    issue: (tabId, view, resolve) =>
      serial(async () => {
        const target = await resolve();
        const token = newToken();
        const expires = now().getTime() + UNUSED_GRANT_MS;
        await write(tabId, view, { token, target, frame: null, expires });
        return token;
      }),

    use: (caller, use, asked) =>
      serial(async () => {
        const grant = await held(caller);
        if (!sameTarget(grant.target, asked)) throw new Error(REFUSED);
        const { view } = caller.address;
        if (use === 'load') {
          // Single use: a second frame opened on the same address (a page that learned it) is
          // refused, whichever frame loads first.
          if (grant.frame !== null) throw new Error(REFUSED);
          await write(caller.tabId, view, { ...grant, frame: caller.frame, expires: renewed() });
          return grant.target;
        }
        if (view !== 'editor' || grant.frame !== caller.frame) throw new Error(REFUSED);
        await write(caller.tabId, view, { ...grant, expires: renewed() });
        return grant.target;
      }),

    rebind: (caller, note) =>
      serial(async () => {
        const grant = await held(caller);
        await write(caller.tabId, caller.address.view, { ...grant, target: note });
      }),

    close: (caller) =>
      serial(async () => {
        const grant = await held(caller).catch(() => null);
        if (!grant) return 'none';
        // A copy of the frame (a page that learned the address) may not close the reader's.
        if (grant.frame !== caller.frame) return 'another frame';
        await area.remove(keyOf(caller.tabId, caller.address.view));
        return 'closed';
      }),

    forgetTab: (tabId) =>
      serial(async () => {
        for (const view of VIEWS) await area.remove(keyOf(tabId, view));
      }),
  };
}
