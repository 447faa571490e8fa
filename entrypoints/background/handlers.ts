import { analyzeText } from '@/lib/article/analyze';
import type { Handlers } from '@/lib/messaging/router';
import type { PageReport, StoredArticleFacts, TabState, TextAnalysis } from '@/lib/model';
import { articleKey } from '@/lib/page/article-key';
import { normalizeUrl } from '@/lib/page/normalize-url';
import type { TabStore } from '@/lib/tabs/tab-store';
import {
  getArticle,
  noteArticleSeen,
  saveArticle,
  updateArticleFacts,
} from '@/lib/storage/articles';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { describeStorageError } from '@/lib/storage/errors';
import { createAnnotationHandlers, type AnnotationDeps } from './annotation-handlers';

/** What the background's handlers work with; injected so they run in Node tests as they do in the browser. */
export interface BackgroundDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  /** Asks the tab's content script for the article body text; null when it has none. */
  requestBody: (tabId: number) => Promise<string | null>;
  /** Has the tab's page read itself again if it changed since its report; never rejects. */
  refreshTab?: (tabId: number) => Promise<void>;
  notifyTab?: AnnotationDeps['notifyTab'];
  listTabs?: AnnotationDeps['listTabs'];
  focusAndReveal?: AnnotationDeps['focusAndReveal'];
  openTab?: AnnotationDeps['openTab'];
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

/** Wraps every handler so storage failures (a full disk …) reach the reader as plain sentences. */
function withReadableErrors(handlers: Handlers<'background'>): Handlers<'background'> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const fn = handler as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = (...args: unknown[]) => withStorageErrors(() => fn(...args));
  }
  return wrapped as Handlers<'background'>;
}

/** The background's message handlers: reports stay in session memory until the reader saves. */
export function createHandlers({
  db,
  tabs,
  requestBody,
  refreshTab = () => Promise.resolve(),
  notifyTab = () => undefined,
  listTabs = () => Promise.resolve([]),
  focusAndReveal = () => Promise.resolve(false),
  openTab = () => Promise.reject(new Error('This browser cannot open tabs here.')),
  now = () => new Date(),
}: BackgroundDeps): Handlers<'background'> {
  // Analyses by tab, for the page address they were made for: memory only, like the reports.
  const analyses = new Map<number, { url: string; analysis: Promise<TextAnalysis | null> }>();
  // The address of each tab's page whose analysis the reader asked for: a body that changes
  // later is analysed again by itself, and a save keeps the names the reader was shown.
  const requestedFor = new Map<number, string>();

  /**
   * The tab's body analysis: made by itself for an article, for another page only once the
   * reader asked (`requested`), and kept for the page's address until it reports again.
   */
  function analyzeTab(
    tabId: number,
    report: PageReport,
    requested = false,
  ): Promise<TextAnalysis | null> {
    const article = report.article;
    const cached = analyses.get(tabId);
    if (cached?.url === report.url) return cached.analysis;
    if (requested) requestedFor.set(tabId, report.url);
    const asked = requested || requestedFor.get(tabId) === report.url;
    if (!article || (!article.detection.isArticle && !asked)) return Promise.resolve(null);
    const meta = article.metadata;
    const analysis = requestBody(tabId).then((body) =>
      body
        ? analyzeText(body, meta?.published ?? null, article.hints, meta?.language ?? null)
        : null,
    );
    analyses.set(tabId, { url: report.url, analysis });
    // A failed attempt (page navigated away, content script gone) may be retried later.
    analysis.catch(() => analyses.delete(tabId));
    return analysis;
  }

  async function factsFor(
    tabId: number,
    report: PageReport,
    requested = false,
  ): Promise<StoredArticleFacts> {
    const analysis = await analyzeTab(tabId, report, requested).catch(() => null);
    return {
      isArticle: report.article?.detection.isArticle ?? false,
      metadata: report.article?.metadata ?? null,
      analysis,
      analyzedAt: analysis ? now().toISOString() : null,
    };
  }

  async function refreshIfEdited(tabId: number, key: string, report: PageReport): Promise<void> {
    const stored = await getArticle(db, key);
    const modified = report.article?.metadata?.modified ?? null;
    if (!stored?.facts || !modified || stored.facts.metadata?.modified === modified) return;
    // Names the reader once asked for on a page that may not be a story are found again.
    const facts = await factsFor(tabId, report, stored.facts.analysis !== null);
    await updateArticleFacts(db, key, facts, now());
  }

  async function reportOf(tabId: number) {
    const report = await tabs.get(tabId);
    if (!report) throw new Error('This tab has not reported a web page; reload it and try again.');
    return {
      report,
      key: keyOrThrow(articleKey(report)),
      seenAt: keyOrThrow(normalizeUrl(report.url)),
    };
  }

  return withReadableErrors({
    ...createAnnotationHandlers({
      db,
      tabs,
      now,
      notifyTab,
      listTabs,
      focusAndReveal,
      openTab,
      // Analysis waits on the page, so it happens before the annotation's transaction, and
      // only for an article that is not in the library yet.
      prepareArticle: async (tabId) => {
        const known = await reportOf(tabId);
        if (await getArticle(db, known.key)) return known;
        // A story about to be saved is read again first: its body may have come late.
        await refreshTab(tabId);
        const { report, key, seenAt } = await reportOf(tabId);
        if (await getArticle(db, key)) return { report, key, seenAt };
        return { report, key, seenAt, facts: await factsFor(tabId, report) };
      },
    }),

    async 'page.report'(report, sender) {
      if (sender.origin !== 'content')
        throw new Error('page.report comes from content scripts only');
      // A new page, or a page whose article changed (a body rendered late), is analysed again
      // when next asked for; a report like the last one (an ad swapped) keeps the analysis.
      const last = await tabs.get(sender.tabId);
      if (!last || last.url !== report.url || !sameArticle(last, report))
        analyses.delete(sender.tabId);
      await tabs.set(sender.tabId, report);
      const key = articleKey(report);
      const seenAt = normalizeUrl(report.url);
      if (!key || !seenAt) return { saved: false };
      const saved = await noteArticleSeen(db, key, seenAt);
      // The publisher edited the story since it was saved: read it again, without holding up the page.
      if (saved) refreshIfEdited(sender.tabId, key, report).catch(() => undefined);
      return { saved };
    },

    async 'tab.state'({ tabId }): Promise<TabState | null> {
      await refreshTab(tabId);
      const report = await tabs.get(tabId);
      if (!report) return null;
      const key = keyOrThrow(articleKey(report));
      const saved = (await getArticle(db, key)) !== undefined;
      return { report, articleKey: key, saved };
    },

    async 'tab.analysis'({ tabId, requested = false }) {
      const report = await tabs.get(tabId);
      return report ? analyzeTab(tabId, report, requested) : null;
    },

    async 'article.save'({ tabId }) {
      await refreshTab(tabId);
      const report = await tabs.get(tabId);
      if (!report)
        throw new Error('This tab has not reported a web page; reload it and try again.');
      const key = keyOrThrow(articleKey(report));
      const seenAt = keyOrThrow(normalizeUrl(report.url));
      const facts = await factsFor(tabId, report);
      return saveArticle(db, key, report, seenAt, now(), facts);
    },
  });
}

/** True when two reports of a tab describe the same article: same verdict, reasons and metadata. */
function sameArticle(a: PageReport, b: PageReport): boolean {
  return JSON.stringify(a.article ?? null) === JSON.stringify(b.article ?? null);
}
