import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/services/background-handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import type { TextAnalysis } from '@/lib/model';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';

const page = {
  url: 'https://www.example.com/news/story?utm_source=feed',
  title: 'Story',
  canonicalUrl: 'https://www.example.com/news/story',
  article: null,
};
const content: Sender = { origin: 'content', tabId: 7, frameId: 0, url: page.url };
const popup: Sender = {
  origin: 'extension',
  url: 'chrome-extension://id/popup.html',
  tabId: null,
};
const opened: ClaimmarkDatabase[] = [];

function setup(
  requestBody: (tabId: number) => Promise<string | null> = () => Promise.resolve(null),
  refreshTab: (tabId: number) => Promise<void> = () => Promise.resolve(),
) {
  const db = new ClaimmarkDatabase(`bg-${crypto.randomUUID()}`);
  opened.push(db);
  const tabs = createTabStore(memoryArea());
  const route = createRouter(
    'background',
    createHandlers({ db, tabs, requestBody, refreshTab, now: () => new Date(0) }),
  );
  return { db, tabs, route };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('background handlers', () => {
  it('keeps a report in session memory and writes nothing to the database', async () => {
    const { db, route } = setup();
    expect(await route({ type: 'page.report', payload: page }, content)).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(await db.articles.count()).toBe(0);
    expect(await route({ type: 'tab.state', payload: { tabId: 7 } }, popup)).toEqual({
      ok: true,
      value: { report: page, articleKey: 'https://www.example.com/news/story', saved: false },
    });
  });

  it('saves the reported article when the popup asks, and says so afterwards', async () => {
    const { db, route } = setup();
    await route({ type: 'page.report', payload: page }, content);
    const saved = await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect(saved).toEqual({
      ok: true,
      value: {
        url: 'https://www.example.com/news/story',
        title: 'Story',
        canonicalUrl: 'https://www.example.com/news/story',
        seenAt: ['https://www.example.com/news/story'],
        savedAt: '1970-01-01T00:00:00.000Z',
        updatedAt: '1970-01-01T00:00:00.000Z',
        facts: { isArticle: false, metadata: null, analysis: null, analyzedAt: null },
      },
    });
    expect(await db.articles.count()).toBe(1);
    const state = await route({ type: 'tab.state', payload: { tabId: 7 } }, popup);
    expect(state.ok && state.value).toMatchObject({ saved: true });
  });

  it('keys a page with no canonical link by its own normalised URL', async () => {
    const { db, route } = setup();
    const bare = {
      url: 'https://example.com/p?id=3#top',
      title: 'P',
      canonicalUrl: null,
      article: null,
    };
    await route({ type: 'page.report', payload: bare }, { ...content, url: bare.url });
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual(['https://example.com/p?id=3']);
  });

  it('refuses a report that names a site its tab does not show', async () => {
    const { db, tabs, route } = setup();
    // A compromised content script names another site's story as its page.
    const foreign = {
      url: 'https://bank.example.org/statement',
      title: 'P',
      canonicalUrl: 'https://bank.example.org/statement',
      article: null,
    };
    const shown = 'https://example.com/p?id=3';
    const refused = await route(
      { type: 'page.report', payload: foreign },
      { ...content, url: shown },
    );
    expect(refused).toMatchObject({ ok: false });
    expect(await tabs.get(7)).toBeNull();
    // After history.pushState the browser may still name the site's first address: the report's
    // address within the same site is the page's.
    const moved = { ...foreign, url: 'https://example.com/next-story', canonicalUrl: null };
    await route({ type: 'page.report', payload: moved }, { ...content, url: shown });
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([moved.url]);
    // A frame inside the page may not report for the tab at all.
    const framed = await route(
      { type: 'page.report', payload: { ...foreign, url: shown } },
      { ...content, frameId: 3, url: shown },
    );
    expect(framed).toMatchObject({ ok: false });
  });

  it('neither keeps nor opens a canonical link on another site', async () => {
    const openTab = vi.fn(() => Promise.resolve(9));
    const db = new ClaimmarkDatabase(`bg-${crypto.randomUUID()}`);
    opened.push(db);
    const route = createRouter(
      'background',
      createHandlers({
        db,
        tabs: createTabStore(memoryArea()),
        requestBody: () => Promise.resolve(null),
        openTab,
        now: () => new Date(0),
      }),
    );
    const lying = { ...page, canonicalUrl: 'https://phish.example.net/login' };
    await route({ type: 'page.report', payload: lying }, content);
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    const [stored] = await db.articles.toArray();
    expect(stored?.url).toBe('https://www.example.com/news/story');
    expect(stored?.canonicalUrl).toBeNull();
    // An article stored before canonicals had to be trusted, or imported from elsewhere.
    if (!stored) throw new Error('not saved');
    await db.articles.put({ ...stored, canonicalUrl: lying.canonicalUrl });
    const created = await route(
      {
        type: 'annotation.create',
        payload: {
          draft: {
            kind: 'highlight',
            quote: 'Story',
            selectors: {
              quote: { type: 'TextQuoteSelector', exact: 'Story', prefix: '', suffix: '' },
            },
          },
          color: 'yellow',
        },
      },
      content,
    );
    if (!created.ok) throw new Error(created.error);
    const { id } = created.value as { id: string };
    await route({ type: 'library.open', payload: { id, articleUrl: stored.url } }, popup);
    expect(openTab).toHaveBeenCalledWith(stored.seenAt[0]);
    expect(openTab).not.toHaveBeenCalledWith(lying.canonicalUrl);
    // An imported record whose addresses name another site: the article's own key is opened.
    await db.articles.put({ ...stored, seenAt: ['https://phish.example.net/x', ...stored.seenAt] });
    openTab.mockClear();
    await route({ type: 'library.open', payload: { id, articleUrl: stored.url } }, popup);
    expect(openTab.mock.calls).toEqual([[stored.seenAt[0]]]);
  });

  it('refuses to save a tab that never reported, and writes nothing', async () => {
    const { db, route } = setup();
    const result = await route({ type: 'article.save', payload: { tabId: 99 } }, popup);
    expect(result).toEqual({
      ok: false,
      error: 'This tab has not reported a web page; reload it and try again.',
    });
    expect(await db.articles.count()).toBe(0);
  });

  it('answers null for a tab with nothing reported (a non-http page)', async () => {
    const { route } = setup();
    expect(await route({ type: 'tab.state', payload: { tabId: 3 } }, popup)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('does not let a content script save an article', async () => {
    const { db, route } = setup();
    await route({ type: 'page.report', payload: page }, content);
    const result = await route({ type: 'article.save', payload: { tabId: 7 } }, content);
    expect(result.ok).toBe(false);
    expect(await db.articles.count()).toBe(0);
  });

  it('reports a database that fails to open as an error reply', async () => {
    const { db, route } = setup();
    await route({ type: 'page.report', payload: page }, content);
    db.close();
    // Dexie refuses a closed database: the popup must see an error, not an empty answer.
    const result = await route({ type: 'tab.state', payload: { tabId: 7 } }, popup);
    expect(result.ok).toBe(false);
  });
});

const metadata = {
  headline: 'Trump, Putin to meet in Budapest',
  byline: ['Tim Zadorozhnyy'],
  siteName: 'The Kyiv Independent',
  published: '2025-10-16T20:05:00+00:00',
  modified: '2025-10-16T21:40:00+00:00',
  language: 'en',
  canonicalUrl: 'https://www.example.com/news/story',
  description: null,
};
const articlePage = {
  ...page,
  article: { detection: { isArticle: true, reasons: ['test'] }, metadata, hints: [] },
};
const body =
  'U.S. President Donald Trump will meet Russian President Vladimir Putin in Budapest, ' +
  'Trump announced on Oct. 16. Putin and Trump last met in Alaska on Aug. 15.';

describe('article analysis in the background', () => {
  it('analyses the body of an article tab once, with dates resolved against publication', async () => {
    const requestBody = vi.fn(() => Promise.resolve(body));
    const { route } = setup(requestBody);
    await route({ type: 'page.report', payload: articlePage }, content);
    const result = await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    if (!result.ok) throw new Error(result.error);
    const analysis = result.value as TextAnalysis;
    expect(analysis.dates.map((d) => [d.text, d.value])).toEqual([
      ['Oct. 16', '2025-10-16'],
      ['Aug. 15', '2025-08-15'],
    ]);
    const trump = analysis.entities.find((e) => e.name === 'Donald Trump');
    expect(trump?.type).toBe('person');
    expect(trump?.mentions).toHaveLength(3);
    await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    expect(requestBody).toHaveBeenCalledTimes(1);
  });

  it('does not analyse a page that is not an article', async () => {
    const requestBody = vi.fn(() => Promise.resolve(body));
    const { route } = setup(requestBody);
    await route({ type: 'page.report', payload: page }, content);
    expect(await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup)).toEqual({
      ok: true,
      value: null,
    });
    expect(requestBody).not.toHaveBeenCalled();
  });

  it('analyses a page that may not be a story when the reader asks, and keeps that', async () => {
    const requestBody = vi.fn(() => Promise.resolve(body));
    const { route } = setup(requestBody);
    const maybe = {
      ...articlePage,
      article: { ...articlePage.article, detection: { isArticle: false, reasons: ['test'] } },
    };
    await route({ type: 'page.report', payload: maybe }, content);
    const asked = await route(
      { type: 'tab.analysis', payload: { tabId: 7, requested: true } },
      popup,
    );
    expect(asked.ok && (asked.value as TextAnalysis).entities.map((e) => e.name)).toContain(
      'Vladimir Putin',
    );
    // Asked once, it stays for the page: a reopened popup shows it without asking again.
    const again = await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    expect(again).toEqual(asked);
    expect(requestBody).toHaveBeenCalledTimes(1);
  });

  it('has the tab read itself again before showing or saving it, and analyses the new body', async () => {
    let text = 'Loading…';
    const requestBody = vi.fn(() => Promise.resolve(text));
    // The page's body arrived late: asked to refresh, the content script reports again, and
    // its detection now counts more prose.
    const grown = {
      ...articlePage,
      article: {
        ...articlePage.article,
        detection: { isArticle: true, reasons: ['prose: 2400 chars in one block'] },
      },
    };
    const refreshTab = vi.fn(async () => {
      text = body;
      await route({ type: 'page.report', payload: grown }, content);
    });
    const { route } = setup(requestBody, refreshTab);
    await route({ type: 'page.report', payload: articlePage }, content);
    const early = await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    expect(early.ok && (early.value as TextAnalysis).entities).toEqual([]);
    await route({ type: 'tab.state', payload: { tabId: 7 } }, popup);
    expect(refreshTab).toHaveBeenCalledWith(7);
    const late = await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    expect(late.ok && (late.value as TextAnalysis).entities.map((e) => e.name)).toContain(
      'Donald Trump',
    );
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect(refreshTab).toHaveBeenCalledTimes(2);
  });

  it('keeps the names the reader asked for when the page reports the same again and is saved', async () => {
    const requestBody = vi.fn(() => Promise.resolve(body));
    const maybe = {
      ...articlePage,
      article: { ...articlePage.article, detection: { isArticle: false, reasons: ['test'] } },
    };
    // An ad swapped on the page: the content script reports the same article again.
    const refreshTab = vi.fn(async () => {
      await route({ type: 'page.report', payload: maybe }, content);
    });
    const { db, route } = setup(requestBody, refreshTab);
    await route({ type: 'page.report', payload: maybe }, content);
    await route({ type: 'tab.analysis', payload: { tabId: 7, requested: true } }, popup);
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect(refreshTab).toHaveBeenCalledTimes(1);
    const [record] = await db.articles.toArray();
    expect(record?.facts?.analysis?.entities.map((e) => e.name)).toContain('Vladimir Putin');
    expect(requestBody).toHaveBeenCalledTimes(1);
    // The body then changes: the names asked for are found again, not dropped.
    const changed = {
      ...maybe,
      article: { ...maybe.article, detection: { isArticle: false, reasons: ['changed'] } },
    };
    await route({ type: 'page.report', payload: changed }, content);
    const again = await route({ type: 'tab.analysis', payload: { tabId: 7 } }, popup);
    expect(again.ok && (again.value as TextAnalysis).entities.length).toBeGreaterThan(0);
    expect(requestBody).toHaveBeenCalledTimes(2);
  });

  it('has an unsaved story read again before its first highlight, a saved one not', async () => {
    const refreshTab = vi.fn(() => Promise.resolve());
    const { db, route } = setup(() => Promise.resolve(body), refreshTab);
    await route({ type: 'page.report', payload: articlePage }, content);
    const highlight = {
      type: 'annotation.create',
      payload: {
        draft: {
          kind: 'highlight',
          quote: 'Donald Trump',
          selectors: {
            quote: {
              type: 'TextQuoteSelector',
              exact: 'Donald Trump',
              prefix: 'President ',
              suffix: ' will',
            },
            position: { type: 'TextPositionSelector', start: 15, end: 27 },
          },
        },
        color: 'yellow',
      },
    };
    expect((await route(highlight, content)).ok).toBe(true);
    expect(refreshTab).toHaveBeenCalledTimes(1);
    expect(await db.articles.count()).toBe(1);
    expect((await route(highlight, content)).ok).toBe(true);
    expect(refreshTab).toHaveBeenCalledTimes(1);
  });

  it('stores the metadata and analysis with the article when it is saved', async () => {
    const { db, route } = setup(() => Promise.resolve(body));
    await route({ type: 'page.report', payload: articlePage }, content);
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    const [record] = await db.articles.toArray();
    expect(record?.facts?.metadata).toEqual(metadata);
    expect(record?.facts?.analysis?.entities.map((e) => e.name)).toContain('Vladimir Putin');
    expect(record?.facts?.analyzedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('still saves when the body cannot be read, without an analysis', async () => {
    const { db, route } = setup(() => Promise.reject(new Error('tab closed')));
    await route({ type: 'page.report', payload: articlePage }, content);
    const result = await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect(result.ok).toBe(true);
    expect((await db.articles.toArray())[0]?.facts).toMatchObject({
      isArticle: true,
      analysis: null,
    });
  });

  it('refreshes a saved article when the page reports a new modified date', async () => {
    let text = body;
    const { db, route } = setup(() => Promise.resolve(text));
    await route({ type: 'page.report', payload: articlePage }, content);
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    text = `${body} Zelensky will visit Washington on Oct. 17.`;
    const edited = {
      ...articlePage,
      url: `${page.url}&v=2`,
      article: {
        ...articlePage.article,
        metadata: { ...metadata, modified: '2025-10-17T08:00:00+00:00' },
      },
    };
    await route({ type: 'page.report', payload: edited }, content);
    await vi.waitFor(async () => {
      const [record] = await db.articles.toArray();
      expect(record?.facts?.metadata?.modified).toBe('2025-10-17T08:00:00+00:00');
      expect(record?.facts?.analysis?.dates.map((d) => d.value)).toContain('2025-10-17');
    });
  });
});
