import type { Handlers } from '@/lib/messaging/router';
import type { TabState } from '@/lib/model';
import { articleKey } from '@/lib/page/article-key';
import { normalizeUrl } from '@/lib/page/normalize-url';
import type { TabStore } from '@/lib/tabs/tab-store';
import { getArticle, noteArticleSeen, saveArticle } from '@/lib/storage/articles';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { describeStorageError } from '@/lib/storage/errors';

/** What the background's handlers work with; injected so they run in Node tests as they do in the browser. */
export interface BackgroundDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  now?: () => Date;
}

function keyOrThrow(url: string | null): string {
  if (!url) throw new Error('This page has no web address Claimmark can save.');
  return url;
}

async function withStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(describeStorageError(error));
  }
}

/** The background's message handlers: reports stay in session memory until the reader saves. */
export function createHandlers({ db, tabs, now = () => new Date() }: BackgroundDeps): Handlers {
  return {
    async 'page.report'(report, sender) {
      if (sender.origin !== 'content')
        throw new Error('page.report comes from content scripts only');
      await tabs.set(sender.tabId, report);
      const key = articleKey(report);
      const seenAt = normalizeUrl(report.url);
      if (!key || !seenAt) return { saved: false };
      return { saved: await withStorageErrors(() => noteArticleSeen(db, key, seenAt)) };
    },

    async 'tab.state'({ tabId }): Promise<TabState | null> {
      const report = await tabs.get(tabId);
      if (!report) return null;
      const key = keyOrThrow(articleKey(report));
      const saved = (await withStorageErrors(() => getArticle(db, key))) !== undefined;
      return { report, articleKey: key, saved };
    },

    async 'article.save'({ tabId }) {
      const report = await tabs.get(tabId);
      if (!report)
        throw new Error('This tab has not reported a web page; reload it and try again.');
      const key = keyOrThrow(articleKey(report));
      const seenAt = keyOrThrow(normalizeUrl(report.url));
      return withStorageErrors(() => saveArticle(db, key, report, seenAt, now()));
    },
  };
}
