import { describe, expect, it, vi } from 'vitest';
import type { AnnotationDraft, AnnotationRecord, PageReport } from '@/lib/model';
import { createArticleTabs } from '@/lib/services/article-tabs';
import { createDraftStore } from '@/lib/services/drafts';
import { createRevealQueue } from '@/lib/services/reveal-queue';
import { createTagCache } from '@/lib/services/tag-cache';
import { createUndoStore } from '@/lib/services/undo';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';

const draft: AnnotationDraft = {
  kind: 'claim',
  quote: 'The vote passed.',
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: 'The vote passed.', prefix: '', suffix: '' },
  },
};

function note(id: string, articleUrl: string): AnnotationRecord {
  return {
    id,
    articleUrl,
    kind: 'highlight',
    selectors: draft.selectors,
    quote: draft.quote,
    note: '',
    status: null,
    evidence: [],
    tags: [],
    color: 'yellow',
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    articleModified: null,
    anchoring: null,
  };
}

describe('draft store', () => {
  const ID = (n: number) => `00000000-0000-4000-8000-00000000000${String(n)}`;

  it('holds one selection per tab under a fresh id, for that tab only, until dropped', async () => {
    let n = 0;
    const area = memoryArea();
    const drafts = createDraftStore(area, () => ID(++n));
    const id = await drafts.hold(7, draft);
    expect(id).toBe(ID(1));
    expect(await drafts.get(7, id)).toEqual({ tabId: 7, draft });
    // Another tab, or the popup (no tab), cannot name it.
    await expect(drafts.get(8, id)).rejects.toThrow(/expired; select the passage again/);
    await expect(drafts.get(null, id)).rejects.toThrow(/expired/);
    expect(await drafts.hold(8, draft)).toBe(ID(2));
    // A background started again over the same session memory still has it.
    expect((await createDraftStore(area).get(8, ID(2))).tabId).toBe(8);
    // A new selection in the tab replaces its last one.
    expect(await drafts.hold(7, draft)).toBe(ID(3));
    await expect(drafts.get(7, id)).rejects.toThrow(/expired/);
    await drafts.drop(7, ID(3));
    await expect(drafts.get(7, ID(3))).rejects.toThrow(/expired/);
    await drafts.forgetTab(8);
    await expect(drafts.get(8, ID(2))).rejects.toThrow(/expired/);
  });
});

describe('undo store', () => {
  it('keeps deleted notes by id until dropped or cleared', () => {
    const undo = createUndoStore();
    undo.keep({ tabId: 3, record: note('a', 'https://example.com/a') });
    undo.keep({ tabId: null, record: note('b', 'https://example.com/b') });
    expect(undo.get('a').tabId).toBe(3);
    undo.drop('a');
    expect(() => undo.get('a')).toThrow(/nothing to undo/);
    expect(undo.get('b').record.articleUrl).toBe('https://example.com/b');
    undo.clear();
    expect(() => undo.get('b')).toThrow(/nothing to undo/);
  });
});

describe('reveal queue', () => {
  it('reveals once, only for the article asked for and only in time', () => {
    const reveals = createRevealQueue();
    reveals.expect(1, { id: 'n1', articleUrl: 'https://example.com/a', until: 1000 });
    // Another page drawn first (a login page) ends the wait without a reveal.
    expect(reveals.due(1, 'https://example.com/login', 10)).toBeNull();
    expect(reveals.due(1, 'https://example.com/a', 20)).toBe('n1');
    expect(reveals.due(1, 'https://example.com/a', 30)).toBeNull();

    reveals.expect(2, { id: 'n2', articleUrl: 'https://example.com/b', until: 1000 });
    expect(reveals.due(2, 'https://example.com/b', 1001)).toBeNull();
    // Used up even when late: a later redraw does not scroll.
    expect(reveals.due(2, 'https://example.com/b', 500)).toBeNull();
  });
});

describe('tag cache', () => {
  it('reads once until invalidated, and retries a failed read', async () => {
    const read = vi
      .fn<() => Promise<string[]>>()
      .mockRejectedValueOnce(new Error('disk'))
      .mockResolvedValueOnce(['a'])
      .mockResolvedValueOnce(['a', 'b']);
    const cache = createTagCache(read);
    await expect(cache.get()).rejects.toThrow('disk');
    await Promise.resolve();
    expect(await cache.get()).toEqual(['a']);
    expect(await cache.get()).toEqual(['a']);
    expect(read).toHaveBeenCalledTimes(2);
    cache.invalidate();
    expect(await cache.get()).toEqual(['a', 'b']);
    expect(read).toHaveBeenCalledTimes(3);
  });
});

describe('article tabs', () => {
  const report = (url: string): PageReport => ({
    url,
    title: '',
    canonicalUrl: null,
    article: null,
  });

  async function setup(listTabs: () => Promise<number[]>) {
    const tabs = createTabStore(memoryArea());
    await tabs.set(1, report('https://example.com/a'));
    await tabs.set(2, report('https://example.com/b'));
    await tabs.set(3, report('https://example.com/a?utm_source=x'));
    const notify = vi.fn();
    return { articleTabs: createArticleTabs(tabs, listTabs, notify), notify };
  }

  it('finds the tabs showing an article, the hinted one first', async () => {
    const { articleTabs } = await setup(() => Promise.resolve([1, 2, 3, 4]));
    expect(await articleTabs.keyOf(4)).toBeNull();
    expect(await articleTabs.showing('https://example.com/a')).toEqual([1, 3]);
    expect(await articleTabs.showing('https://example.com/a', 3)).toEqual([3, 1]);
  });

  it('tells only the tabs showing the articles to redraw', async () => {
    const { articleTabs, notify } = await setup(() => Promise.resolve([1, 2, 3]));
    expect(await articleTabs.redraw(['https://example.com/b', 'https://example.com/c'])).toBe(1);
    expect(notify.mock.calls).toEqual([[2, 'page.annotationsChanged', {}]]);
  });

  it('still reaches the editor’s own tab when tabs cannot be listed', async () => {
    const { articleTabs, notify } = await setup(() => Promise.reject(new Error('closing')));
    expect(await articleTabs.redraw(['https://example.com/a'], 3)).toBe(1);
    expect(notify.mock.calls).toEqual([[3, 'page.annotationsChanged', {}]]);
    expect(await articleTabs.redraw(['https://example.com/a'])).toBe(0);
  });
});
