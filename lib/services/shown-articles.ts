import * as v from 'valibot';
import { HttpUrl } from '../model/fields';
import type { SessionArea } from '../tabs/tab-store';

/** How many articles a tab remembers being shown (a single-page site moves between stories). */
const SHOWN_PER_TAB = 20;

/**
 * The articles whose anchors each tab's page was given: its highlights may still be drawn for
 * one it no longer reports (history.pushState, the back/forward cache). An editor may be opened
 * on a note of one of these only.
 */
export interface ShownArticles {
  /** Remembers that a tab's page was given an article's anchors. */
  show(tabId: number, articleUrl: string): Promise<void>;
  /** True when the tab's page was given this article's anchors. */
  wasShown(tabId: number, articleUrl: string): Promise<boolean>;
  /** Forgets a tab (it closed). */
  forgetTab(tabId: number): Promise<void>;
}

const ListSchema = v.array(HttpUrl);
const keyOf = (tabId: number) => `shown:${tabId}`;

/** Kept in session memory, so a stopped MV3 service worker does not forget a tab's articles. */
export function createShownArticles(area: SessionArea): ShownArticles {
  async function read(tabId: number): Promise<string[]> {
    const key = keyOf(tabId);
    const parsed = v.safeParse(ListSchema, (await area.get(key))[key]);
    return parsed.success ? parsed.output : [];
  }
  return {
    async show(tabId, articleUrl) {
      const list = await read(tabId);
      if (list[0] === articleUrl) return;
      const next = [articleUrl, ...list.filter((url) => url !== articleUrl)];
      await area.set({ [keyOf(tabId)]: next.slice(0, SHOWN_PER_TAB) });
    },
    wasShown: async (tabId, articleUrl) => (await read(tabId)).includes(articleUrl),
    forgetTab: (tabId) => area.remove(keyOf(tabId)),
  };
}
