// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryView } from '@/components/library/LibraryView';
import { libraryNotes } from '@/entrypoints/popup/library-notes';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import type { CatalogEntry } from '@/lib/library/types';
import type { Client } from '@/lib/messaging/client';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import { highlightRecord } from '../support/records';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function article(n: number, headline: string): ArticleRecord {
  const time = new Date(Date.UTC(2025, 9, n)).toISOString();
  return {
    url: `https://news${n}.example.com/story`,
    title: headline,
    canonicalUrl: null,
    seenAt: [`https://news${n}.example.com/story`],
    savedAt: time,
    updatedAt: time,
  };
}

function note(
  articleUrl: string,
  quote: string,
  extra: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  const time = '2025-10-20T10:00:00.000Z';
  return highlightRecord(articleUrl, quote, time, extra);
}

function library() {
  const a = article(1, 'Trump and Putin to meet in Budapest');
  const b = article(2, 'Hungary’s budget vote');
  const claim = note(a.url, 'Trump will meet Putin in Budapest', {
    kind: 'claim',
    status: 'disputed',
    note: 'Kremlin readout <b>differs</b>',
    tags: ['summit'],
  });
  const plain = note(a.url, 'The call lasted two hours');
  const other = note(b.url, 'Orbán’s government passed the budget', {
    kind: 'claim',
    status: 'supported',
    tags: ['hungary'],
  });
  const entries: CatalogEntry[] = [
    buildCatalogEntry(a.url, a, [claim, plain]),
    buildCatalogEntry(b.url, b, [other]),
  ];
  return { entries, claim, plain, other };
}

function mount(entries: CatalogEntry[], request: Client) {
  root = document.createElement('div');
  document.body.append(root);
  render(
    <LibraryView
      catalog={{ status: 'ready', value: entries }}
      preview={null}
      notes={libraryNotes(request)}
    />,
    root,
  );
}

function type(value: string) {
  const input = root.querySelector<HTMLInputElement>('input[type=search]');
  if (!input) throw new Error('no search box');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(label: string, value: string) {
  const select = [...root.querySelectorAll<HTMLElement>('.filter')]
    .find((f) => f.querySelector('label')?.textContent === label)
    ?.querySelector('select');
  if (!select) throw new Error(`no ${label} filter`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const quotes = () => [...root.querySelectorAll('.lib-note__quote')].map((q) => q.textContent);
const summary = () => root.querySelector('.library__summary')?.textContent;

describe('the library view', () => {
  it('lists articles folded, newest first, with their counts; Enter unfolds one', async () => {
    const { entries } = library();
    mount(entries, vi.fn());
    await vi.waitFor(() => expect(summary()).toBe('2 articles, 3 notes'));
    const headlines = [...root.querySelectorAll('.lib-article__headline')].map(
      (h) => h.textContent,
    );
    expect(headlines).toEqual(['Hungary’s budget vote', 'Trump and Putin to meet in Budapest']);
    expect(root.querySelector('.lib-article__meta')?.textContent).toMatch(
      /news2\.example\.com.*1 claim/,
    );
    expect(quotes()).toEqual([]);
    const first = root.querySelector<HTMLElement>('[data-row="0"]');
    first?.focus();
    first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(quotes()).toEqual(['“Orbán’s government passed the budget”']));
  });

  it('walks the list with the keyboard from the search box to the end and stays there', async () => {
    const { entries } = library();
    mount(entries, vi.fn());
    await vi.waitFor(() => expect(summary()).toBe('2 articles, 3 notes'));
    const key = (target: Element | null, name: string) =>
      target?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    // Only one row is in the tab order.
    expect(root.querySelectorAll('[data-row][tabindex="0"]')).toHaveLength(1);
    key(root.querySelector('input[type=search]'), 'ArrowDown');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('0'));
    key(document.activeElement, 'End');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('1'));
    key(document.activeElement, 'ArrowDown');
    key(document.activeElement, 'ArrowRight');
    await vi.waitFor(() => expect(quotes()).toHaveLength(2));
    expect(document.activeElement?.getAttribute('data-row')).toBe('1');
    expect(root.querySelectorAll('[data-row][tabindex="0"]')).toHaveLength(1);
  });

  it('searches as you type, accent- and case-free, and shows markup as text', async () => {
    const { entries } = library();
    mount(entries, vi.fn());
    await vi.waitFor(() => expect(summary()).toBe('2 articles, 3 notes'));
    type('ORBAN gov');
    await vi.waitFor(() => expect(quotes()).toEqual(['“Orbán’s government passed the budget”']));
    expect(summary()).toBe('1 note in 1 article');
    type('kreml');
    await vi.waitFor(() => expect(quotes()).toEqual(['“Trump will meet Putin in Budapest”']));
    expect(root.querySelector('.lib-note__note')?.textContent).toBe(
      'Kremlin readout <b>differs</b>',
    );
    expect(root.querySelector('.vlist b')).toBeNull();
    type('zzzz');
    await vi.waitFor(() => expect(root.textContent).toMatch(/Nothing matches/));
  });

  it('combines filters and clears them', async () => {
    const { entries } = library();
    mount(entries, vi.fn());
    await vi.waitFor(() => expect(summary()).toBe('2 articles, 3 notes'));
    choose('Kind', 'claim');
    await vi.waitFor(() => expect(summary()).toBe('2 notes in 2 articles'));
    choose('Status', 'disputed');
    await vi.waitFor(() => expect(quotes()).toEqual(['“Trump will meet Putin in Budapest”']));
    choose('Tag', 'hungary');
    await vi.waitFor(() => expect(root.textContent).toMatch(/Nothing matches/));
    root.querySelector<HTMLButtonElement>('button.link')?.click();
    await vi.waitFor(() => expect(summary()).toBe('2 articles, 3 notes'));
  });

  it('opens, deletes and restores a note through the background', async () => {
    const { entries, claim } = library();
    const calls: [string, unknown][] = [];
    const request = ((type: string, payload: unknown) => {
      calls.push([type, payload]);
      if (type === 'library.open') return Promise.resolve({ tab: 'focused', revealed: true });
      if (type === 'annotation.delete') return Promise.resolve({ deleted: true });
      return Promise.resolve(claim);
    }) as Client;
    mount(entries, request);
    type('kremlin');
    await vi.waitFor(() => expect(quotes()).toHaveLength(1));
    const row = root.querySelector<HTMLElement>('[data-row="1"]');
    row?.focus();
    row?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    row?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('.undo-bar')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('.undo-bar button')?.click();
    await vi.waitFor(() => expect(root.textContent).toMatch(/Note restored/));
    expect(calls).toEqual([
      ['library.open', { id: claim.id, articleUrl: claim.articleUrl }],
      ['annotation.delete', { id: claim.id, articleUrl: claim.articleUrl }],
      ['annotation.undoDelete', { id: claim.id }],
    ]);
  });

  it('says when the library is empty, loading or broken', async () => {
    mount([], vi.fn());
    await vi.waitFor(() => expect(root.textContent).toMatch(/library is empty/));
    render(
      <LibraryView catalog={{ status: 'loading' }} preview={null} notes={libraryNotes(vi.fn())} />,
      root,
    );
    expect(root.textContent).toMatch(/Opening your library/);
    render(
      <LibraryView
        catalog={{ status: 'error', error: 'Your disk is full' }}
        preview={null}
        notes={libraryNotes(vi.fn())}
      />,
      root,
    );
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Your disk is full');
  });
});
