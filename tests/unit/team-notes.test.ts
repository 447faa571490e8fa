import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/services/background-handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import { encodeEditorAddress } from '@/lib/messaging/editor-address';
import type { AnnotationAnchor, AnnotationRecord, EditorData, NoteConflict } from '@/lib/model';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { readNotes, writeNotes } from '@/lib/storage/notes';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';
import { countNotes, findNote } from './stored-notes';

// Issue 16: notes signed by their author, others' notes read-only but copyable, and the versions
// a simultaneous edit on another device lost, settled by the note's owner.

const page = {
  url: 'https://news.example.com/story',
  title: 'Story',
  canonicalUrl: null,
  article: null,
};
const content: Sender = { origin: 'content', tabId: 4, frameId: 0, url: page.url };
const popup: Sender = { origin: 'extension', url: 'chrome-extension://id/popup.html', tabId: null };
const options: Sender = {
  origin: 'extension',
  url: 'chrome-extension://id/options.html',
  tabId: null,
};
const draft = {
  kind: 'highlight' as const,
  quote: 'Trump will meet Putin',
  selectors: {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact: 'Trump will meet Putin',
      prefix: 'U.S. President ',
      suffix: ' in Budapest',
    },
  },
};
const fields = {
  kind: 'claim' as const,
  note: 'Check the readout',
  status: 'disputed' as const,
  evidence: ['https://evidence.example.org/readout'],
  tags: ['summit'],
  color: 'yellow' as const,
};
const NOW = '2026-01-02T03:04:05.000Z';
const opened: ClaimmarkDatabase[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setup(name: string | (() => Promise<string>) = 'Bea') {
  const db = new ClaimmarkDatabase(`team-${crypto.randomUUID()}`);
  opened.push(db);
  const notifyTab = vi.fn();
  const tabs = createTabStore(memoryArea());
  const me = typeof name === 'string' ? () => Promise.resolve(name) : name;
  const route = createRouter(
    'background',
    createHandlers({
      db,
      tabs,
      requestBody: () => Promise.resolve(null),
      notifyTab,
      listTabs: () => Promise.resolve([4]),
      now: () => new Date(NOW),
      me,
    }),
  );
  const call = async <T>(type: string, payload: unknown, sender: Sender): Promise<T> => {
    const result = await route({ type, payload }, sender);
    if (!result.ok) throw new Error(result.error);
    return result.value as T;
  };
  await call('page.report', page, content);
  /** A highlight made in the page, then changed on disk as sync would leave it. */
  const stored = async (change: Partial<AnnotationRecord> = {}) => {
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'green' },
      content,
    );
    const items = await readNotes(db, page.url);
    const record = { ...(items.find((a) => a.id === anchor.id) as AnnotationRecord), ...change };
    await writeNotes(db, page.url, [...items.filter((a) => a.id !== anchor.id), record]);
    return record;
  };
  /** An editor frame opened on a note, as the page opens one: it has loaded the note. */
  const editorFor = async (
    target: { id: string; articleUrl: string } | { draftId: string },
    token?: string,
  ): Promise<Sender> => {
    const granted =
      token ??
      (await call<{ token: string }>('editor.grant', { view: 'editor', note: target }, content))
        .token;
    const address = encodeEditorAddress({ view: 'editor', target, token: granted });
    const editor: Sender = {
      origin: 'extension',
      url: `chrome-extension://id/editor.html?${address}`,
      tabId: 4,
      frameId: 3,
    };
    await call('editor.load', target, editor);
    return editor;
  };
  return { db, call, notifyTab, stored, editorFor };
}

const refOf = (a: AnnotationRecord) => ({ id: a.id, articleUrl: a.articleUrl });

describe('notes are signed', () => {
  it('a highlight and a saved selection carry the reader’s name', async () => {
    const { db, call, stored, editorFor } = await setup('Bea');
    const highlight = await stored();
    expect(highlight.author).toBe('Bea');
    const held = await call<{ draftId: string; token: string }>('draft.create', { draft }, content);
    const target = { draftId: held.draftId };
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target, fields },
      await editorFor(target, held.token),
    );
    expect((await findNote(db, saved.id))?.author).toBe('Bea');
  });

  it('without a name (or with only spaces) a note is unsigned', async () => {
    for (const name of ['', '   ']) {
      const { stored } = await setup(name);
      expect('author' in (await stored())).toBe(false);
    }
  });

  it('asks for the name at each note, so a name set meanwhile signs the next one', async () => {
    let name = '';
    const { stored } = await setup(() => Promise.resolve(name));
    expect((await stored()).author).toBeUndefined();
    name = 'Bea';
    expect((await stored()).author).toBe('Bea');
  });
});

describe('another reader’s notes are read-only', () => {
  it('refuses saving and deleting from the popup and from the page’s editor, in plain words', async () => {
    const { db, call, stored, editorFor } = await setup('Bea');
    const theirs = await stored({ author: 'Ana' });
    const ref = refOf(theirs);
    const refusal = "This note is Ana's: copy it to your notes to change it.";
    await expect(call('annotation.save', { target: ref, fields }, popup)).rejects.toThrow(refusal);
    await expect(call('annotation.delete', ref, popup)).rejects.toThrow(refusal);
    const editor = await editorFor(ref);
    await expect(call('annotation.save', { target: ref, fields }, editor)).rejects.toThrow(refusal);
    await expect(call('annotation.delete', ref, editor)).rejects.toThrow(refusal);
    expect(await findNote(db, theirs.id)).toEqual(theirs);
  });

  it('the editor is told whose it is, and not handed its conflicts', async () => {
    const { call, stored } = await setup('Bea');
    const conflicts: NoteConflict[] = [
      { at: '2026-01-01T00:00:00.000Z', fields: { ...fields, note: 'other' } },
    ];
    const theirs = await stored({ author: 'Ana', conflicts });
    const data = await call<EditorData>('editor.load', refOf(theirs), popup);
    expect(data.author).toBe('Ana');
    expect(data.conflicts).toBeUndefined();
    const mine = await stored({ author: 'Bea' });
    const own = await call<EditorData>('editor.load', refOf(mine), popup);
    expect(own.author).toBeUndefined();
  });

  it('unsigned notes and notes signed with the reader’s name stay editable', async () => {
    const { call, stored } = await setup('Bea');
    for (const author of [undefined, 'Bea']) {
      const note = await stored(author === undefined ? {} : { author });
      const saved = await call<AnnotationRecord>(
        'annotation.save',
        { target: refOf(note), fields },
        popup,
      );
      expect(saved.note).toBe(fields.note);
      expect(await call('annotation.delete', refOf(note), popup)).toEqual({ deleted: true });
    }
  });
});

describe('copy to my notes', () => {
  it('makes a new note of the same passage and fields, signed by the reader, in one write', async () => {
    const { db, call, stored, notifyTab } = await setup('Bea');
    const theirs = await stored({
      author: 'Ana',
      note: 'Ana’s reading',
      tags: ['hungary'],
      createdAt: '2025-12-01T00:00:00.000Z',
      modifiedAt: '2025-12-02T00:00:00.000Z',
      conflicts: [{ at: '2025-12-01T12:00:00.000Z', fields: { ...fields } }],
    });
    notifyTab.mockClear();
    const copy = await call<AnnotationRecord>('annotation.copy', refOf(theirs), popup);
    const { id: _id, author: _a, conflicts: _c, createdAt: _ca, modifiedAt: _ma, ...same } = theirs;
    expect(copy).toMatchObject(same);
    expect(copy.id).not.toBe(theirs.id);
    expect(copy.author).toBe('Bea');
    expect(copy.conflicts).toBeUndefined();
    expect(copy.createdAt).toBe(NOW);
    expect(await findNote(db, copy.id)).toEqual(copy);
    // The original stays as it was; the page showing the article draws the copy.
    expect(await findNote(db, theirs.id)).toEqual(theirs);
    expect(notifyTab).toHaveBeenCalledWith(4, 'page.annotationsChanged', {});
    // The copy is the reader's own.
    await call('annotation.save', { target: refOf(copy), fields }, popup);
  });

  it('a reader without a name gets an unsigned copy', async () => {
    const { call, stored } = await setup('');
    const copy = await call<AnnotationRecord>(
      'annotation.copy',
      refOf(await stored({ author: 'Ana' })),
      popup,
    );
    expect('author' in copy).toBe(false);
  });

  it('only the popup may copy; a page’s editor frame or another extension page may not', async () => {
    const { db, call, stored, editorFor } = await setup('Bea');
    const theirs = await stored({ author: 'Ana' });
    await expect(
      call('annotation.copy', refOf(theirs), await editorFor(refOf(theirs))),
    ).rejects.toThrow(/library only/);
    await expect(call('annotation.copy', refOf(theirs), options)).rejects.toThrow(/did not open/);
    await expect(call('annotation.copy', refOf(theirs), content)).rejects.toThrow(/extension code/);
    expect(await countNotes(db)).toBe(1);
  });

  it('copying a note that is gone says so', async () => {
    const { call } = await setup();
    await expect(
      call('annotation.copy', { id: crypto.randomUUID(), articleUrl: page.url }, popup),
    ).rejects.toThrow(/no longer exists/);
  });
});

describe('conflicts', () => {
  const other: NoteConflict = {
    at: '2026-01-01T10:00:00.000Z',
    author: 'Bea',
    fields: { ...fields, note: 'from the laptop', tags: ['laptop'], color: 'blue' },
  };
  const third: NoteConflict = {
    at: '2026-01-01T11:00:00.000Z',
    fields: { ...fields, kind: 'highlight', status: null, note: 'from the phone' },
  };

  it('the owner’s editor gets the other versions', async () => {
    const { call, stored } = await setup('Bea');
    const note = await stored({ conflicts: [other, third] });
    const data = await call<EditorData>('editor.load', refOf(note), popup);
    expect(data.conflicts).toEqual([other, third]);
  });

  it('"keep" makes that version the note’s fields and drops it; modifiedAt is now', async () => {
    const { db, call, stored } = await setup('Bea');
    const note = await stored({
      conflicts: [other, third],
      modifiedAt: '2025-01-01T00:00:00.000Z',
    });
    const kept = await call<AnnotationRecord>(
      'annotation.settle',
      { ...refOf(note), at: other.at, choice: 'keep' },
      popup,
    );
    expect(kept).toMatchObject({ ...other.fields, modifiedAt: NOW, conflicts: [third] });
    expect(kept.quote).toBe(note.quote);
    expect(kept.createdAt).toBe(note.createdAt);
    expect(await findNote(db, note.id)).toEqual(kept);
    // The last one settled leaves no conflicts field at all.
    const done = await call<AnnotationRecord>(
      'annotation.settle',
      { ...refOf(note), at: third.at, choice: 'keep' },
      popup,
    );
    expect(done).toMatchObject({ kind: 'highlight', status: null, note: 'from the phone' });
    expect('conflicts' in done).toBe(false);
  });

  it('"dismiss" drops that version and keeps the note as it is', async () => {
    const { db, call, stored } = await setup('Bea');
    const note = await stored({ conflicts: [other] });
    const kept = await call<AnnotationRecord>(
      'annotation.settle',
      { ...refOf(note), at: other.at, choice: 'dismiss' },
      popup,
    );
    const { conflicts: _c, ...rest } = note;
    expect(kept).toEqual(rest);
    expect(await findNote(db, note.id)).toEqual(rest);
    await expect(
      call('annotation.settle', { ...refOf(note), at: other.at, choice: 'dismiss' }, popup),
    ).rejects.toThrow(/already settled/);
  });

  it('only the owner settles them, and only from the popup; the request is checked', async () => {
    const { db, call, stored, editorFor } = await setup('Bea');
    const theirs = await stored({ author: 'Ana', conflicts: [other] });
    const request = { ...refOf(theirs), at: other.at, choice: 'keep' };
    await expect(call('annotation.settle', request, popup)).rejects.toThrow(/Ana's/);
    const mine = await stored({ conflicts: [other] });
    const own = { ...refOf(mine), at: other.at, choice: 'keep' };
    await expect(call('annotation.settle', own, await editorFor(refOf(mine)))).rejects.toThrow(
      /library only/,
    );
    await expect(call('annotation.settle', { ...own, choice: 'merge' }, popup)).rejects.toThrow(
      /Rejected/,
    );
    await expect(call('annotation.settle', { ...own, at: 'yesterday' }, popup)).rejects.toThrow(
      /Rejected/,
    );
    expect((await findNote(db, theirs.id))?.conflicts).toEqual([other]);
    expect((await findNote(db, mine.id))?.conflicts).toEqual([other]);
  });
});
