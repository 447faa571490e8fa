// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryView } from '@/components/library/LibraryView';
import { NoteEditor } from '@/components/editor/NoteEditor';
import type { NoteSource } from '@/components/editor/use-note-editor';
import { libraryNotes } from '@/entrypoints/popup/library-notes';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import type { Client } from '@/lib/messaging/client';
import type { AnnotationRecord, ArticleRecord, EditorData, NoteConflict } from '@/lib/model';
import { highlightRecord } from '../support/records';

// Issue 16 in the popup's library: whose each note is, others' notes read-only and copyable,
// and versions edited on two devices settled by the reader.

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const time = '2025-10-20T10:00:00.000Z';
const story: ArticleRecord = {
  url: 'https://news.example.com/story',
  title: 'Budget vote',
  canonicalUrl: null,
  seenAt: ['https://news.example.com/story'],
  savedAt: time,
  updatedAt: time,
};

function note(quote: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return highlightRecord(story.url, quote, time, extra);
}

const other: NoteConflict = {
  at: '2025-10-21T09:00:00.000Z',
  author: 'Bea',
  fields: {
    kind: 'claim',
    note: 'from the laptop',
    status: 'false',
    evidence: [],
    tags: ['laptop'],
    color: 'yellow',
  },
};
const mine = note('My own passage', { note: 'from the phone', conflicts: [other] });
const signed = note('Signed by me', { author: 'Bea' });
const anas = note('Ana’s passage', { author: 'Ana', note: 'Ana thinks so' });
const copyOfAnas = { ...anas, id: crypto.randomUUID(), author: 'Bea' };

function editorData(record: AnnotationRecord, mineToo: boolean): EditorData {
  const { kind, note: text, status, evidence, tags, color } = record;
  return {
    quote: record.quote,
    anchoring: null,
    value: { kind, note: text, status, evidence, tags, color },
    isNew: false,
    knownTags: [],
    ...(mineToo ? {} : { author: record.author }),
    ...(mineToo && record.conflicts ? { conflicts: record.conflicts } : {}),
  };
}

function mount() {
  const calls: [string, unknown][] = [];
  let settled = false;
  const request = ((type: string, payload: unknown) => {
    calls.push([type, payload]);
    const id = (payload as { id?: string }).id;
    if (type === 'annotation.copy') return Promise.resolve(copyOfAnas);
    if (type === 'annotation.settle') {
      settled = true;
      return Promise.resolve(mine);
    }
    if (type === 'editor.load') {
      if (id === anas.id) return Promise.resolve(editorData(anas, false));
      if (id === copyOfAnas.id) return Promise.resolve(editorData(copyOfAnas, true));
      const now = settled ? { ...mine, ...other.fields, conflicts: undefined } : mine;
      return Promise.resolve(editorData(now, true));
    }
    return Promise.reject(new Error(`unexpected ${type}`));
  }) as Client;
  root = document.createElement('div');
  document.body.append(root);
  render(
    <LibraryView
      catalog={{
        status: 'ready',
        value: [buildCatalogEntry(story.url, story, [mine, signed, anas])],
      }}
      preview={null}
      notes={libraryNotes(request)}
      me="Bea"
    />,
    root,
  );
  return calls;
}

function choose(label: string, value: string) {
  const select = [...root.querySelectorAll<HTMLElement>('.filter')]
    .find((f) => f.querySelector('label')?.textContent === label)
    ?.querySelector('select');
  if (!select) throw new Error(`no ${label} filter`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const rowOf = (quote: string) =>
  [...root.querySelectorAll<HTMLElement>('.lib-note')].find((r) =>
    r.querySelector('.lib-note__quote')?.textContent.includes(quote),
  );
const quotes = () => [...root.querySelectorAll('.lib-note__quote')].map((q) => q.textContent);
const button = (name: string, within: ParentNode = root) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent === name || b.getAttribute('aria-label') === name,
  );

describe('a shared library in the popup', () => {
  it('filters by author: the reader’s unsigned and signed notes are "me"', async () => {
    mount();
    await vi.waitFor(() => expect(root.querySelector('.library__summary')).not.toBeNull());
    const select = document.getElementById(authorSelectId());
    const options = [...(select?.querySelectorAll('option') ?? [])];
    expect(options.map((o) => o.textContent)).toEqual(['Any', 'Bea (me)', 'Ana']);
    choose('Author', 'author:Ana');
    await vi.waitFor(() => expect(quotes()).toEqual(['“Ana’s passage”']));
    choose('Author', 'me');
    await vi.waitFor(() => expect(quotes()).toHaveLength(2));
    expect(quotes()).not.toContain('“Ana’s passage”');
  });

  it('shows whose a note is, and offers only reading and copying another reader’s', async () => {
    const calls = mount();
    choose('Author', '');
    root.querySelector<HTMLButtonElement>('.lib-article__toggle')?.click();
    await vi.waitFor(() => expect(quotes()).toHaveLength(3));
    const theirs = rowOf('Ana’s passage');
    expect(theirs?.textContent).toMatch(/by Ana/);
    expect(rowOf('Signed by me')?.querySelector('.lib-note__author')).toBeNull();
    expect(theirs && button('Edit note', theirs)).toBeUndefined();
    expect(theirs && button('Delete note', theirs)).toBeUndefined();
    // Delete from the keyboard does nothing on it either.
    const row = theirs?.closest<HTMLElement>('[data-row]');
    row?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    if (theirs) button('Copy to my notes', theirs)?.click();
    await vi.waitFor(() => expect(root.textContent).toMatch(/Copied to your notes/));
    expect(calls).toEqual([['annotation.copy', { id: anas.id, articleUrl: story.url }]]);
  });

  it('opens another reader’s note read-only; "Copy to my notes" opens the copy to edit', async () => {
    const calls = mount();
    root.querySelector<HTMLButtonElement>('.lib-article__toggle')?.click();
    await vi.waitFor(() => expect(rowOf('Ana’s passage')).toBeDefined());
    const theirs = rowOf('Ana’s passage');
    if (theirs) button("Read Ana's note", theirs)?.click();
    await vi.waitFor(() =>
      expect(root.textContent).toMatch(/This note is Ana's: copy it to your notes to change it\./),
    );
    expect(root.querySelector('textarea')).toBeNull();
    expect(button('Save')).toBeUndefined();
    expect(button('Delete')).toBeUndefined();
    expect(root.textContent).toMatch(/Ana thinks so/);
    button('Copy to my notes')?.click();
    await vi.waitFor(() => expect(root.querySelector('textarea')?.value).toBe('Ana thinks so'));
    expect(calls.map(([type]) => type)).toEqual(['editor.load', 'annotation.copy', 'editor.load']);
    expect(calls[2]?.[1]).toEqual({ id: copyOfAnas.id, articleUrl: story.url });
  });

  it('marks a note edited on two devices; "Keep this version" settles it and shows the result', async () => {
    const calls = mount();
    const box = [...root.querySelectorAll<HTMLElement>('.filter')].find(
      (f) => f.textContent === 'Has conflicts',
    );
    box?.querySelector('input')?.click();
    await vi.waitFor(() => expect(quotes()).toEqual(['“My own passage”']));
    const row = rowOf('My own passage');
    expect(row?.textContent).toMatch(/Edited on two devices/);
    if (row) button('Edit note', row)?.click();
    await vi.waitFor(() => expect(root.querySelector('.conflicts')).not.toBeNull());
    const sides = [...root.querySelectorAll('.conflict__side')].map((s) => s.textContent);
    expect(sides[0]).toMatch(/Current version.*from the phone/);
    expect(sides[1]).toMatch(/Other version.*by Bea.*False.*from the laptop.*#laptop/);
    button('Keep this version')?.click();
    await vi.waitFor(() => expect(root.querySelector('.conflicts')).toBeNull());
    await vi.waitFor(() => expect(root.querySelector('textarea')?.value).toBe('from the laptop'));
    expect(calls.filter(([type]) => type === 'annotation.settle')).toEqual([
      ['annotation.settle', { id: mine.id, articleUrl: story.url, at: other.at, choice: 'keep' }],
    ]);
  });

  it('"Dismiss" settles the other version and keeps the note', async () => {
    const calls = mount();
    root.querySelector<HTMLButtonElement>('.lib-article__toggle')?.click();
    await vi.waitFor(() => expect(rowOf('My own passage')).toBeDefined());
    const row = rowOf('My own passage');
    if (row) button('Edit note', row)?.click();
    await vi.waitFor(() => expect(button('Dismiss')).toBeDefined());
    button('Dismiss')?.click();
    await vi.waitFor(() =>
      expect(calls.at(-2)).toEqual([
        'annotation.settle',
        { id: mine.id, articleUrl: story.url, at: other.at, choice: 'dismiss' },
      ]),
    );
  });
});

describe('the page’s editor frame on another reader’s note', () => {
  it('shows it read-only and sends the reader to the library to copy it', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const source: NoteSource = {
      load: () => Promise.resolve(editorData(anas, false)),
      save: () => Promise.reject(new Error('not expected')),
      remove: () => Promise.reject(new Error('not expected')),
      restore: () => Promise.reject(new Error('not expected')),
    };
    const onClose = vi.fn();
    render(<NoteEditor source={source} onClose={onClose} closeLabel="Close" />, root);
    await vi.waitFor(() => expect(root.textContent).toMatch(/from the library to change it/));
    expect(root.querySelector('textarea')).toBeNull();
    expect(button('Copy to my notes')).toBeUndefined();
    button('Close')?.click();
    expect(onClose).toHaveBeenCalled();
  });
});

function authorSelectId(): string {
  const label = [...root.querySelectorAll('.filter label')].find((l) => l.textContent === 'Author');
  return label?.getAttribute('for') ?? '';
}
