// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportRequest } from '@/components/library/library-exchange';
import { LibraryView } from '@/components/library/LibraryView';
import type { LibraryNotes } from '@/components/library/library-notes';
import { summaryText } from '@/components/library/library-summary';
import { rowKeyAction } from '@/components/library/row-keys';
import { hasFilters, previewResult } from '@/components/library/useLibrarySearch';
import { UNDO_MS, useUndoDelete, type UndoDelete } from '@/components/library/useUndoDelete';
import type { LibraryRow } from '@/lib/library/rows';
import { NO_FILTERS, type CatalogEntry, type CatalogItem } from '@/lib/library/types';

const noteItem: CatalogItem = {
  id: 'n1',
  kind: 'claim',
  status: 'disputed',
  tags: [],
  color: 'yellow',
  createdAt: '2026-01-01T12:00:00.000Z',
  modifiedAt: '2026-01-01T12:00:00.000Z',
  anchoring: 'anchored',
  quote: 'Wages rose',
  note: '',
  text: 'wages rose',
};
const entry: CatalogEntry = {
  url: 'https://example.com/a',
  headline: 'A',
  site: 'example.com',
  savedAt: '2026-01-01T00:00:00.000Z',
  published: null,
  byline: [],
  entities: [],
  text: 'a',
  items: [noteItem],
};
const hit = { url: entry.url, score: 0, items: ['n1'] };

describe('rowKeyAction', () => {
  const article = (expanded: boolean): LibraryRow => ({ kind: 'article', entry, hit, expanded });
  const annotation: LibraryRow = { kind: 'annotation', entry, item: noteItem };
  const note = { id: 'n1', articleUrl: entry.url };

  it('folds and unfolds an article with Enter, Space and the arrow towards the change', () => {
    const toggle = { do: 'toggle', url: entry.url };
    expect(rowKeyAction(article(false), 'Enter')).toEqual(toggle);
    expect(rowKeyAction(article(true), ' ')).toEqual(toggle);
    expect(rowKeyAction(article(false), 'ArrowRight')).toEqual(toggle);
    expect(rowKeyAction(article(true), 'ArrowLeft')).toEqual(toggle);
    expect(rowKeyAction(article(true), 'ArrowRight')).toBeNull();
    expect(rowKeyAction(article(false), 'ArrowLeft')).toBeNull();
    expect(rowKeyAction(article(false), 'Delete')).toBeNull();
  });

  it('opens, edits, deletes a note, or goes up to its article', () => {
    expect(rowKeyAction(annotation, 'Enter')).toEqual({ do: 'open', note });
    expect(rowKeyAction(annotation, 'e')).toEqual({ do: 'edit', note });
    expect(rowKeyAction(annotation, 'E')).toEqual({ do: 'edit', note });
    const remove = { do: 'delete', note, quote: 'Wages rose' };
    expect(rowKeyAction(annotation, 'Delete')).toEqual(remove);
    expect(rowKeyAction(annotation, 'Backspace')).toEqual(remove);
    expect(rowKeyAction(annotation, 'ArrowLeft')).toEqual({ do: 'parent', url: entry.url });
    expect(rowKeyAction(annotation, 'ArrowRight')).toBeNull();
    expect(rowKeyAction(annotation, ' ')).toBeNull();
  });
});

describe('summaryText', () => {
  const result = (notes: number, articles: number) => ({
    hits: Array.from({ length: articles }, () => hit),
    annotationCount: notes,
  });

  it('counts articles first when browsing, notes first when narrowed, in the singular for one', () => {
    expect(summaryText(result(3, 2), false, true)).toBe('2 articles, 3 notes');
    expect(summaryText(result(1, 1), false, true)).toBe('1 article, 1 note');
    expect(summaryText(result(3, 2), true, true)).toBe('3 notes in 2 articles');
    expect(summaryText(result(0, 0), true, true)).toBe('0 notes in 0 articles');
  });

  it('says the library is being read until it is indexed', () => {
    expect(summaryText(result(3, 2), false, false)).toBe('Reading the whole library…');
  });
});

describe('exportRequest', () => {
  const shown = { hits: [hit], annotationCount: 1 };
  const query = { text: 'wages', filters: { ...NO_FILTERS, kinds: ['claim' as const] } };

  it('exports the popup’s article, and falls back to everything when there is none', () => {
    expect(exportRequest('article', entry.url, shown, query)).toEqual({
      selection: { kind: 'article', url: entry.url },
      described: { kind: 'article', url: entry.url },
    });
    expect(exportRequest('article', null, shown, query)).toEqual({
      selection: { kind: 'all' },
      described: { kind: 'all' },
    });
  });

  it('exports the listed notes, described by the query that listed them', () => {
    expect(exportRequest('result', null, shown, query)).toEqual({
      selection: { kind: 'annotations', hits: [{ url: entry.url, ids: ['n1'] }] },
      described: { kind: 'filter', query },
    });
    expect(exportRequest('all', entry.url, shown, query).selection).toEqual({ kind: 'all' });
  });
});

describe('the search state’s helpers', () => {
  it('tells whether any filter is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, to: '2026-01-01' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, tags: ['x'] })).toBe(true);
  });

  it('lists the preview’s articles with all their notes before the index exists', () => {
    expect(previewResult([entry, { ...entry, url: 'b', items: [] }])).toEqual({
      hits: [hit, { url: 'b', score: 0, items: [] }],
      annotationCount: 1,
    });
  });
});

describe('useUndoDelete', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  /** Runs `work`, then lets the promises it started settle and the renders they cause happen. */
  async function settled(work: () => void): Promise<void> {
    await act(async () => {
      work();
      for (let i = 0; i < 3; i++) await Promise.resolve();
    });
  }

  const unused = () => Promise.reject(new Error('not expected in this test'));

  /** Mounts the hook; `state()` is its latest answer. */
  async function mount(actions: Partial<LibraryNotes>, say: (notice: string | null) => void) {
    const notes: LibraryNotes = {
      open: unused,
      remove: unused,
      restore: unused,
      load: unused,
      save: unused,
      copy: unused,
      settle: unused,
      ...actions,
    };
    let latest: UndoDelete | null = null;
    function Probe() {
      latest = useUndoDelete(notes, say);
      return <input />;
    }
    root = document.createElement('div');
    document.body.append(root);
    await settled(() => render(<Probe />, root));
    return () => {
      if (!latest) throw new Error('not mounted');
      return latest;
    };
  }

  const note = { id: 'n1', articleUrl: entry.url };
  const ctrlZ = (target: EventTarget) => {
    const event = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, cancelable: true });
    Object.defineProperty(event, 'target', { value: target });
    return event;
  };

  it('offers the undo for UNDO_MS after a delete, then withdraws it', async () => {
    vi.useFakeTimers();
    const state = await mount({ remove: () => Promise.resolve({ deleted: true }) }, vi.fn());
    await settled(() => state().remove(note, 'Wages rose'));
    expect(state().undo).toEqual({ id: 'n1', quote: 'Wages rose' });
    await settled(() => vi.advanceTimersByTime(UNDO_MS - 1));
    expect(state().undo).not.toBeNull();
    await settled(() => vi.advanceTimersByTime(1));
    expect(state().undo).toBeNull();
  });

  it('restores on Ctrl+Z outside a field, but not while typing in one', async () => {
    const restore = vi.fn(() => Promise.resolve({}));
    const say = vi.fn();
    const state = await mount({ remove: () => Promise.resolve({ deleted: true }), restore }, say);
    await settled(() => state().remove(note, 'Wages rose'));
    const inField = ctrlZ(root.querySelector('input') ?? root);
    await settled(() => state().onKeyDown(inField));
    expect(restore).not.toHaveBeenCalled();
    expect(inField.defaultPrevented).toBe(false);
    const outside = ctrlZ(root);
    await settled(() => state().onKeyDown(outside));
    expect(outside.defaultPrevented).toBe(true);
    expect(restore).toHaveBeenCalledWith('n1');
    expect(state().undo).toBeNull();
    expect(say).toHaveBeenLastCalledWith('Note restored.');
  });

  it('says when the note was already gone or the delete failed, and offers no undo', async () => {
    const say = vi.fn();
    const gone = await mount({ remove: () => Promise.resolve({ deleted: false }) }, say);
    await settled(() => gone().remove(note, ''));
    expect(gone().undo).toBeNull();
    expect(say).toHaveBeenLastCalledWith('This note was already deleted.');
    render(null, root);
    root.remove();
    const failing = await mount({ remove: () => Promise.reject(new Error('Disk full')) }, say);
    await settled(() => failing().remove(note, ''));
    expect(failing().undo).toBeNull();
    expect(say).toHaveBeenLastCalledWith('Could not delete the note: Disk full');
  });
});

describe('the library view’s export wiring', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('exports the notes listed now, described by the search that listed them', async () => {
    const exportAs = vi.fn(() => Promise.resolve('claimmark.json'));
    const other: CatalogEntry = {
      ...entry,
      url: 'https://example.com/b',
      items: [{ ...noteItem, id: 'n2', quote: 'Prices fell', text: 'prices fell' }],
    };
    const unused = () => Promise.reject(new Error('not expected in this test'));
    root = document.createElement('div');
    document.body.append(root);
    render(
      <LibraryView
        catalog={{ status: 'ready', value: [entry, other] }}
        preview={null}
        notes={{
          open: unused,
          remove: unused,
          restore: unused,
          load: unused,
          save: unused,
          copy: unused,
          settle: unused,
        }}
        exchange={{
          exportAs,
          previewImport: unused,
          applyImport: unused,
          openOptions: () => undefined,
          preferredFormat: () => Promise.resolve('claimmark' as const),
        }}
      />,
      root,
    );
    const box = () => root.querySelector<HTMLInputElement>('input[type=search]');
    await vi.waitFor(() => expect(box()?.disabled).toBe(false));
    const input = box();
    if (!input) throw new Error('no search box');
    input.value = 'wages';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('.library__summary')?.textContent).toBe('1 note in 1 article'),
    );
    const scope = root.querySelector<HTMLSelectElement>('.exchange select');
    if (!scope) throw new Error('no scope choice');
    scope.value = 'result';
    scope.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(scope.value).toBe('result'));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Claimmark JSON')?.click();
    await vi.waitFor(() => expect(exportAs).toHaveBeenCalledTimes(1));
    expect(exportAs).toHaveBeenCalledWith(
      { kind: 'annotations', hits: [{ url: entry.url, ids: ['n1'] }] },
      { kind: 'filter', query: { text: 'wages', filters: NO_FILTERS } },
      'claimmark',
      { versions: false },
    );
  });
});
