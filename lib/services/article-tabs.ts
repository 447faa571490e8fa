import type { EditorAddress } from '../messaging/editor-address';
import { articleKey } from '../page/article-key';
import type { TabStore } from '../tabs/tab-store';

/** What the background may tell a tab's content script; failures (tab gone) are ignored. */
export type TabNotice =
  | ['page.annotationsChanged', Record<string, never>]
  | ['page.closeEditor', { editor: EditorAddress }]
  | ['page.reveal', { id: string }];

/** Sends one notice to a tab; never throws. */
export type NotifyTab = (tabId: number, ...notice: TabNotice) => void;

/** The open tabs seen by the article each shows. */
export interface ArticleTabs {
  /** The article key of the page a tab last reported, or null. */
  keyOf(tabId: number): Promise<string | null>;
  /** Every open tab showing the article; the hinted one (an editor's tab) first. */
  showing(articleUrl: string, hint?: number | null): Promise<number[]>;
  /**
   * Tells every tab showing one of the articles to redraw its highlights, the hinted one first
   * and except `skip` (a tab that drew the change itself); returns how many were told.
   */
  redraw(
    articleUrls: readonly string[],
    hint?: number | null,
    skip?: number | null,
  ): Promise<number>;
}

/** Finds tabs by article from the tabs' last reports (session memory), not from their pages. */
export function createArticleTabs(
  tabs: TabStore,
  listTabs: () => Promise<number[]>,
  notifyTab: NotifyTab,
): ArticleTabs {
  const keyOf = async (tabId: number) => {
    const report = await tabs.get(tabId);
    return report ? articleKey(report) : null;
  };

  async function showingAny(urls: ReadonlySet<string>, hint: number | null): Promise<number[]> {
    // Listing tabs can fail while the browser shuts a window: the editor's own tab still counts.
    const ids = await listTabs().catch(() => (hint === null ? [] : [hint]));
    const ordered = hint === null ? ids : [hint, ...ids.filter((id) => id !== hint)];
    const showing: number[] = [];
    for (const id of ordered) {
      const key = await keyOf(id);
      if (key !== null && urls.has(key)) showing.push(id);
    }
    return showing;
  }

  return {
    keyOf,
    showing: (articleUrl, hint = null) => showingAny(new Set([articleUrl]), hint),
    async redraw(articleUrls, hint = null, skip = null) {
      const showing = (await showingAny(new Set(articleUrls), hint)).filter((id) => id !== skip);
      for (const tab of showing) notifyTab(tab, 'page.annotationsChanged', {});
      return showing.length;
    },
  };
}
