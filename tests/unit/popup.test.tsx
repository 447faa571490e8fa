// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import type { Client } from '@/lib/messaging/client';
import type { TabState, TextAnalysis } from '@/lib/model';
import { saveArticle } from '@/lib/storage/articles';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { failingIndexedDB } from './failing-indexeddb';

const state: TabState = {
  report: { url: 'https://example.com/a', title: 'A story', canonicalUrl: null, article: null },
  articleKey: 'https://example.com/a',
  saved: false,
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const markInTab = vi.fn((_tabId: number, terms: string[]) => Promise.resolve(terms.length));

function mount(db: ClaimmarkDatabase, request: Client, tabId: number | null = 5) {
  root = document.createElement('div');
  document.body.append(root);
  render(
    <App
      db={db}
      request={request}
      resolveTabId={() => Promise.resolve(tabId)}
      markInTab={markInTab}
      revealInTab={() => Promise.resolve(true)}
    />,
    root,
  );
}

function fakeClient(handlers: Partial<Record<string, (payload: unknown) => unknown>>): Client {
  return ((type: string, payload: unknown) => {
    const handler = handlers[type];
    return handler ? Promise.resolve(handler(payload)) : Promise.reject(new Error(`no ${type}`));
  }) as Client;
}

function clickTab(name: string) {
  const tab = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')].find(
    (t) => t.textContent === name,
  );
  tab?.click();
}

describe('popup', () => {
  it('says so when the library cannot be opened', async () => {
    const db = new ClaimmarkDatabase('broken', { indexedDB: failingIndexedDB(), IDBKeyRange });
    mount(
      db,
      fakeClient({
        'tab.state': () => Promise.reject(new Error('Your library could not be opened (x).')),
      }),
    );
    await vi.waitFor(() => {
      expect(root.querySelector('[role=alert]')?.textContent).toMatch(/could not read this tab/);
    });
    clickTab('Library');
    await vi.waitFor(() => {
      expect(root.querySelector('[role=alert]')?.textContent).toMatch(
        /^Your library could not be opened/,
      );
    });
  });

  it('shows the page, saves it, and lists it live in the Library', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    const save = vi.fn(() => saveArticle(db, state.articleKey, state.report, state.articleKey));
    mount(db, fakeClient({ 'tab.state': () => state, 'article.save': save }));
    const button = await vi.waitFor(() => {
      const b = root.querySelector<HTMLButtonElement>('button.primary');
      expect(b?.textContent).toBe('Save to library');
      return b as HTMLButtonElement;
    });
    expect(root.querySelector('h2')?.textContent).toBe('A story');
    button.click();
    await vi.waitFor(() => {
      expect(button.textContent).toBe('Saved');
    });
    expect(button.disabled).toBe(true);
    expect(save).toHaveBeenCalledWith({ tabId: 5 });
    clickTab('Library');
    await vi.waitFor(() => {
      expect(root.querySelector('.lib-article__headline')?.textContent).toBe('A story');
    });
    await db.delete();
  });

  it('shows an empty library and a tab with nothing to show', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    mount(db, fakeClient({ 'tab.state': () => null }));
    await vi.waitFor(() => {
      expect(root.querySelector('[role=status]')?.textContent).toMatch(
        /Nothing to show for this tab/,
      );
    });
    clickTab('Library');
    await vi.waitFor(() => {
      expect(root.querySelector('[role=status]')?.textContent).toMatch(/library is empty/);
    });
    await db.delete();
  });

  it('shows a save failure without losing the page', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    mount(
      db,
      fakeClient({
        'tab.state': () => state,
        'article.save': () => Promise.reject(new Error('Your disk is full')),
      }),
    );
    const button = await vi.waitFor(() => {
      const b = root.querySelector<HTMLButtonElement>('button.primary');
      expect(b).not.toBeNull();
      return b as HTMLButtonElement;
    });
    button.click();
    await vi.waitFor(() => {
      expect(root.querySelector('[role=alert]')?.textContent).toBe(
        'Could not save: Your disk is full',
      );
    });
    expect(button.textContent).toBe('Save to library');
    await db.delete();
  });

  it('shows the card of a page that may not be a story, and reads its body when asked', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    const thin: TabState = {
      ...state,
      report: {
        ...state.report,
        article: {
          detection: { isArticle: false, reasons: ['score 1', 'little prose: 120 chars'] },
          metadata: {
            headline: 'Council approves the new bridge',
            byline: ['Jane Doe'],
            siteName: 'The Daily Example',
            published: '2025-10-16T20:05:00+00:00',
            modified: null,
            language: 'en',
            canonicalUrl: null,
            description: null,
          },
          hints: [],
        },
      },
    };
    const analysis: TextAnalysis = {
      entities: [
        { type: 'person', name: 'Jane Roe', aliases: [], mentions: [{ start: 0, end: 8 }] },
      ],
      dates: [],
      length: 400,
      language: 'en',
    };
    // The background analyses such a page only once the reader asked for it.
    const asked = vi.fn((payload: unknown) =>
      (payload as { requested?: boolean }).requested ? analysis : null,
    );
    mount(db, fakeClient({ 'tab.state': () => thin, 'tab.analysis': asked }));
    await vi.waitFor(() => {
      expect(root.querySelector('.article-card__headline')?.textContent).toBe(
        'Council approves the new bridge',
      );
    });
    expect(root.querySelector('.notice')?.textContent).toMatch(/may not be a news story/);
    expect(root.querySelector('.article-card__byline')?.textContent).toBe('Jane Doe');
    expect(root.querySelector('.article-card__published')?.textContent).toBe(
      '16 Oct 2025, 20:05 UTC',
    );
    // Nothing is read from the body until the reader asks.
    await vi.waitFor(() => expect(asked).toHaveBeenCalledWith({ tabId: 5 }));
    expect(root.querySelector('.chip__name')).toBeNull();
    const find = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Find names and dates',
    );
    find?.click();
    await vi.waitFor(() => {
      expect(root.querySelector('.chip__name')?.textContent).toBe('Jane Roe');
    });
    expect(asked).toHaveBeenCalledWith({ tabId: 5, requested: true });
    await db.delete();
  });

  it('shows names asked for before at once, and the button on a page with no card', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    const bare: TabState = {
      ...state,
      report: {
        ...state.report,
        title: 'Opening hours',
        article: {
          detection: { isArticle: false, reasons: ['score 0'] },
          metadata: {
            headline: null,
            byline: [],
            siteName: null,
            published: null,
            modified: null,
            language: null,
            canonicalUrl: null,
            description: null,
          },
          hints: [],
        },
      },
    };
    mount(db, fakeClient({ 'tab.state': () => bare, 'tab.analysis': () => null }));
    await vi.waitFor(() => {
      expect(root.querySelector('.page-card__title')?.textContent).toBe('Opening hours');
    });
    await vi.waitFor(() => {
      expect(
        [...root.querySelectorAll('button')].some((b) => b.textContent === 'Find names and dates'),
      ).toBe(true);
    });
    const earlier: TextAnalysis = {
      entities: [],
      dates: [],
      length: 300,
      language: 'und',
    };
    render(null, root);
    mount(db, fakeClient({ 'tab.state': () => bare, 'tab.analysis': () => earlier }));
    await vi.waitFor(() => {
      expect(root.querySelector('.notice--language')?.textContent).toBe(
        'Claimmark could not tell what language this text is in. Names are recognised in English stories for now, and so are dates in the text.',
      );
    });
    await db.delete();
  });

  it('says that names are recognised in English stories only', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    const story: TabState = {
      ...state,
      report: {
        ...state.report,
        article: {
          detection: { isArticle: true, reasons: ['score 4'] },
          metadata: {
            headline: 'Câmara aprova a nova ponte',
            byline: [],
            siteName: null,
            published: '2020-11-30',
            modified: null,
            language: 'pt-BR',
            canonicalUrl: null,
            description: null,
          },
          hints: [],
        },
      },
    };
    const none: TextAnalysis = { entities: [], dates: [], length: 900, language: 'pt' };
    mount(db, fakeClient({ 'tab.state': () => story, 'tab.analysis': () => none }));
    await vi.waitFor(() => {
      expect(root.querySelector('.notice--language')?.textContent).toBe(
        'This story seems to be in Portuguese. Names are recognised in English stories for now, and so are dates in the text.',
      );
    });
    expect(root.querySelector('.article-card__published')?.textContent).toBe('30 Nov 2020');
    expect(root.querySelector('.notice')?.textContent).not.toMatch(/may not be/);
    await db.delete();
  });

  it('moves between views with the arrow keys', async () => {
    const db = new ClaimmarkDatabase(`popup-${crypto.randomUUID()}`);
    mount(db, fakeClient({ 'tab.state': () => null }));
    const first = root.querySelector<HTMLButtonElement>('[role=tab]');
    first?.focus();
    first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await vi.waitFor(() => {
      expect(root.querySelector('[aria-selected=true]')?.textContent).toBe('Library');
    });
    expect(document.activeElement?.textContent).toBe('Library');
    await db.delete();
  });
});
