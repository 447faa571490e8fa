import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';

const page = {
  url: 'https://www.example.com/news/story?utm_source=feed',
  title: 'Story',
  canonicalUrl: 'https://www.example.com/news/story',
};
const content: Sender = { origin: 'content', tabId: 7, frameId: 0, url: page.url };
const popup: Sender = { origin: 'extension', url: 'chrome-extension://id/popup.html' };
const opened: ClaimmarkDatabase[] = [];

function setup() {
  const db = new ClaimmarkDatabase(`bg-${crypto.randomUUID()}`);
  opened.push(db);
  const tabs = createTabStore(memoryArea());
  const route = createRouter(createHandlers({ db, tabs, now: () => new Date(0) }));
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
      },
    });
    expect(await db.articles.count()).toBe(1);
    const state = await route({ type: 'tab.state', payload: { tabId: 7 } }, popup);
    expect(state.ok && state.value).toMatchObject({ saved: true });
  });

  it('keys a page with no canonical link by its own normalised URL', async () => {
    const { db, route } = setup();
    const bare = { url: 'https://example.com/p?id=3#top', title: 'P', canonicalUrl: null };
    await route({ type: 'page.report', payload: bare }, content);
    await route({ type: 'article.save', payload: { tabId: 7 } }, popup);
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual(['https://example.com/p?id=3']);
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
