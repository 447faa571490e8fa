import { analyzeText } from '../article/analyze';
import type {
  ArticleRecord,
  PageReport,
  StoredArticleFacts,
  TabState,
  TextAnalysis,
} from '../model';
import { articleKey, isTrustedCanonical } from '../page/article-key';
import { normalizeUrl } from '../page/normalize-url';
import type { ArticleInput } from '../storage/annotations';
import { getArticle, noteArticleSeen, saveArticle, updateArticleFacts } from '../storage/articles';
import type { ClaimmarkDatabase } from '../storage/database';
import type { TabStore } from '../tabs/tab-store';

/** What the articles service needs from the browser, injected so it runs in Node tests. */
export interface ArticlesDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  /** Asks the tab's content script for the article body text; null when it has none. */
  requestBody: (tabId: number) => Promise<string | null>;
  /** Has the tab's page read itself again if it changed since its report; never rejects. */
  refreshTab: (tabId: number) => Promise<void>;
  now: () => Date;
}

/** Pages as tabs report them, their analysis, and the articles the reader saved. */
export interface ArticlesService {
  /** Takes a tab's page report; returns whether its article is in the library. */
  reported(tabId: number, report: PageReport): Promise<{ saved: boolean }>;
  /** What the popup shows for a tab, read afresh when the page changed; null before a report. */
  state(tabId: number): Promise<TabState | null>;
  /** The tab's body analysis (for a page that is not a story, only once `requested`). */
  analysis(tabId: number, requested: boolean): Promise<TextAnalysis | null>;
  /** Saves the tab's article with what Claimmark understood of it. */
  save(tabId: number): Promise<ArticleRecord>;
  /** What is needed to store the tab's article along with a note (analysis only when new). */
  prepare(tabId: number): Promise<ArticleInput>;
  /** The address to open a saved article at: its canonical address, else where it was seen. */
  addressOf(articleUrl: string): Promise<string>;
}

function keyOrThrow(url: string | null): string {
  if (!url) throw new Error('This page has no web address Claimmark can save.');
  return url;
}

/** True when two reports of a tab describe the same article: same verdict, reasons and metadata. */
function sameArticle(a: PageReport, b: PageReport): boolean {
  return JSON.stringify(a.article ?? null) === JSON.stringify(b.article ?? null);
}

/** Reports stay in session memory until the reader saves; analyses are made once per page. */
export function createArticlesService({
  db,
  tabs,
  requestBody,
  refreshTab,
  now,
}: ArticlesDeps): ArticlesService {
  // Analyses by tab, for the page address they were made for: memory only, like the reports.
  const analyses = new Map<number, { url: string; analysis: Promise<TextAnalysis | null> }>();
  // The address of each tab's page whose analysis the reader asked for: a body that changes
  // later is analysed again by itself, and a save keeps the names the reader was shown.
  const requestedFor = new Map<number, string>();

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

  return {
    async reported(tabId, report) {
      // A new page, or a page whose article changed (a body rendered late), is analysed again
      // when next asked for; a report like the last one (an ad swapped) keeps the analysis.
      const last = await tabs.get(tabId);
      if (!last || last.url !== report.url || !sameArticle(last, report)) analyses.delete(tabId);
      await tabs.set(tabId, report);
      const key = articleKey(report);
      const seenAt = normalizeUrl(report.url);
      if (!key || !seenAt) return { saved: false };
      const saved = await noteArticleSeen(db, key, seenAt);
      // The publisher edited the story since it was saved: read it again, without holding up the page.
      if (saved) refreshIfEdited(tabId, key, report).catch(() => undefined);
      return { saved };
    },

    async state(tabId) {
      await refreshTab(tabId);
      const report = await tabs.get(tabId);
      if (!report) return null;
      const key = keyOrThrow(articleKey(report));
      const saved = (await getArticle(db, key)) !== undefined;
      return { report, articleKey: key, saved };
    },

    async analysis(tabId, requested) {
      const report = await tabs.get(tabId);
      return report ? analyzeTab(tabId, report, requested) : null;
    },

    async save(tabId) {
      await refreshTab(tabId);
      const { report, key, seenAt } = await reportOf(tabId);
      const facts = await factsFor(tabId, report);
      return saveArticle(db, key, report, seenAt, now(), facts);
    },

    // Analysis waits on the page, so it happens before the note's transaction, and only for
    // an article that is not in the library yet.
    async prepare(tabId) {
      const known = await reportOf(tabId);
      if (await getArticle(db, known.key)) return known;
      // A story about to be saved is read again first: its body may have come late.
      await refreshTab(tabId);
      const { report, key, seenAt } = await reportOf(tabId);
      if (await getArticle(db, key)) return { report, key, seenAt };
      return { report, key, seenAt, facts: await factsFor(tabId, report) };
    },

    async addressOf(articleUrl) {
      const article = await getArticle(db, articleUrl);
      if (!article) return articleUrl;
      // Only an address on the article's own site is opened: a canonical stored before it had to
      // be trusted, or an imported record's addresses, could name any site.
      const onSite = (url: string | null) => url !== null && isTrustedCanonical(article.url, url);
      if (onSite(article.canonicalUrl)) return article.canonicalUrl as string;
      return article.seenAt.find(onSite) ?? article.url;
    },
  };
}
