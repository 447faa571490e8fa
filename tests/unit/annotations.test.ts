import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/lib/services/background-handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import { encodeEditorAddress, type EditorAddress } from '@/lib/messaging/editor-address';
import type { AnnotationAnchor, AnnotationDraft, AnnotationRecord, EditorData } from '@/lib/model';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';
import { readAllNotes, readNotes, writeNotes } from '@/lib/storage/notes';
import { GRANT_LIFETIME_MS, UNUSED_GRANT_MS } from '@/lib/services/editor-grants';
import { countNotes, findNote } from './stored-notes';

const page = {
  url: 'https://news.example.com/story',
  title: 'Story',
  canonicalUrl: null,
  article: null,
};
const content: Sender = { origin: 'content', tabId: 4, frameId: 0, url: page.url };
const popup: Sender = { origin: 'extension', url: 'chrome-extension://id/popup.html', tabId: null };

/** An editor frame in a tab, as the browser's sender record shows it: its address holds the token. */
function editorAt(address: EditorAddress, tabId = 4, frameId = 11): Sender {
  const url = `chrome-extension://id/editor.html?${encodeEditorAddress(address)}`;
  return { origin: 'extension', url, tabId, frameId };
}
const draft: AnnotationDraft = {
  kind: 'claim',
  quote: 'Trump will meet Putin',
  selectors: {
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Trump will meet Putin',
      prefix: 'U.S. President ',
      suffix: ' in Budapest',
    },
    position: { type: 'TextPositionSelector', start: 120, end: 141 },
  },
};
const fields = {
  kind: 'claim' as const,
  note: 'Check <img src=x onerror=alert(1)> against the Kremlin readout',
  status: 'disputed' as const,
  evidence: ['https://evidence.example.org/readout'],
  tags: ['summit', 'hungary'],
  color: 'yellow' as const,
};
const opened: ClaimmarkDatabase[] = [];

/** The background's handlers over a fresh database, with the page reported from tab 4. */
async function setup(extra: Pick<BackgroundDeps, 'listTabs' | 'focusAndReveal' | 'openTab'> = {}) {
  const db = new ClaimmarkDatabase(`ann-${crypto.randomUUID()}`);
  opened.push(db);
  const notifyTab = vi.fn();
  const tabs = createTabStore(memoryArea());
  const route = createRouter(
    'background',
    createHandlers({
      db,
      tabs,
      requestBody: () => Promise.resolve(null),
      notifyTab,
      now: () => new Date('2026-01-02T03:04:05Z'),
      ...extra,
    }),
  );
  const call = async <T>(type: string, payload: unknown, sender: Sender): Promise<T> => {
    const result = await route({ type, payload }, sender);
    if (!result.ok) throw new Error(result.error);
    return result.value as T;
  };
  await call('page.report', page, content);
  /** What the content script does for a claim: holds the selection, and the editor it opens. */
  const openDraft = async (selection: AnnotationDraft = draft, from: Sender = content) => {
    const held = await call<{ draftId: string; token: string }>(
      'draft.create',
      { draft: selection },
      from,
    );
    const target = { draftId: held.draftId };
    return { ...held, editor: editorAt({ view: 'editor', target, token: held.token }) };
  };
  /** What the content script does on a click on a highlight: the editor frame it opens. */
  const openNote = async (note: { id: string; articleUrl?: string }, from: Sender = content) => {
    const { token } = await call<{ token: string }>('editor.grant', { view: 'editor', note }, from);
    return editorAt({ view: 'editor', target: note, token });
  };
  return { db, tabs, route, call, notifyTab, openDraft, openNote };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('annotations in the background', () => {
  it('a highlight saves its article and itself, and the page gets anchors without notes', async () => {
    const { db, call } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft: { ...draft, kind: 'highlight' }, color: 'green' },
      content,
    );
    expect(anchor).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      articleUrl: page.url,
      kind: 'highlight',
      status: null,
      color: 'green',
      selectors: draft.selectors,
    });
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([page.url]);
    const forPage = await call<AnnotationAnchor[]>('annotations.forPage', {}, content);
    expect(forPage).toEqual([anchor]);
    expect(Object.keys(forPage[0] ?? {})).not.toContain('note');
  });

  it('a highlight is drawn by its own page; other tabs showing the article are told to redraw', async () => {
    const { tabs, call, notifyTab } = await setup({ listTabs: () => Promise.resolve([4, 7, 9]) });
    await tabs.set(7, page);
    await tabs.set(9, { ...page, url: 'https://news.example.com/other' });
    await call(
      'annotation.create',
      { draft: { ...draft, kind: 'highlight' }, color: 'green' },
      content,
    );
    expect(notifyTab.mock.calls).toEqual([[7, 'page.annotationsChanged', {}]]);
  });

  it('a claim goes through a draft and the editor, and the tab is told to redraw', async () => {
    const { db, call, notifyTab, openDraft, openNote } = await setup();
    const { draftId, token, editor } = await openDraft();
    expect(await countNotes(db)).toBe(0);
    const loaded = await call<EditorData>('editor.load', { draftId }, editor);
    expect(loaded).toMatchObject({
      quote: draft.quote,
      isNew: true,
      value: { kind: 'claim', status: 'unverified' },
    });
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target: { draftId }, fields },
      editor,
    );
    expect(saved).toMatchObject({
      ...fields,
      quote: draft.quote,
      articleUrl: page.url,
      selectors: draft.selectors,
    });
    expect(saved.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(notifyTab).toHaveBeenCalledWith(4, 'page.annotationsChanged', {});
    // Closing names the editor that asked, so a late request cannot close a newer editor.
    await call('editor.close', {}, editor);
    expect(notifyTab).toHaveBeenCalledWith(4, 'page.closeEditor', {
      editor: { view: 'editor', target: { draftId }, token },
    });
    // An editor whose address names nothing closes nothing.
    notifyTab.mockClear();
    const unnamed: Sender = {
      origin: 'extension',
      url: 'chrome-extension://id/editor.html?x=1',
      tabId: 4,
    };
    await expect(call('editor.close', {}, unnamed)).rejects.toThrow(/did not open/);
    expect(notifyTab).not.toHaveBeenCalled();
    // The editor closed, so its token is spent.
    await expect(call('annotation.save', { target: { draftId }, fields }, editor)).rejects.toThrow(
      /did not open/,
    );
    // The draft is used up: saving it again would make a second annotation.
    await expect(call('annotation.save', { target: { draftId }, fields }, popup)).rejects.toThrow(
      /expired/,
    );
    const again = await call<EditorData>(
      'editor.load',
      { id: saved.id },
      await openNote({ id: saved.id, articleUrl: saved.articleUrl }),
    );
    expect(again).toMatchObject({ isNew: false, value: fields, knownTags: ['hungary', 'summit'] });
  });

  it('edits, deletes and undoes a delete, restoring the record exactly', async () => {
    const { db, call, openDraft } = await setup();
    const { draftId, editor } = await openDraft();
    await call('editor.load', { draftId }, editor);
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target: { draftId }, fields },
      editor,
    );
    // The same frame goes on with the note its selection became.
    const edited = await call<AnnotationRecord>(
      'annotation.save',
      {
        target: { id: saved.id, articleUrl: saved.articleUrl },
        fields: { ...fields, kind: 'highlight', note: 'just a highlight' },
      },
      editor,
    );
    expect(edited).toMatchObject({ kind: 'highlight', status: null, note: 'just a highlight' });
    expect(await call('annotation.delete', { id: saved.id }, editor)).toEqual({ deleted: true });
    expect(await countNotes(db)).toBe(0);
    await call('annotation.undoDelete', { id: saved.id }, editor);
    expect(await findNote(db, saved.id)).toEqual(edited);
  });

  it('keeps the tags in use for the editor until a write could change them', async () => {
    const { db, call, openDraft } = await setup();
    // The popup's editor asks as often as it likes; an editor frame's token loads once.
    const tagsOf = async (target: object) =>
      (await call<EditorData>('editor.load', target, popup)).knownTags;
    const first = await openDraft();
    const editor = first.editor;
    expect(
      (await call<EditorData>('editor.load', { draftId: first.draftId }, editor)).knownTags,
    ).toEqual([]);
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target: { draftId: first.draftId }, fields: { ...fields, tags: ['summit'] } },
      editor,
    );
    const note = { id: saved.id, articleUrl: saved.articleUrl };
    expect(await tagsOf(note)).toEqual(['summit']);
    // A write the background did not make (the popup's import) shows once it is announced.
    await writeNotes(db, saved.articleUrl, [
      ...(await readNotes(db, saved.articleUrl)),
      { ...saved, id: crypto.randomUUID(), tags: ['imported'] },
    ]);
    expect(await tagsOf(note)).toEqual(['summit']);
    await call('library.imported', { urls: [saved.articleUrl] }, popup);
    expect(await tagsOf(note)).toEqual(['imported', 'summit']);
    await call('annotation.save', { target: note, fields: { ...fields, tags: ['vote'] } }, editor);
    expect(await tagsOf(note)).toEqual(['imported', 'vote']);
    await call('annotation.delete', note, editor);
    // A new selection's editor takes the tab's editor token; the popup's Undo brings the note back.
    const second = await openDraft();
    const loaded = await call<EditorData>(
      'editor.load',
      { draftId: second.draftId },
      second.editor,
    );
    expect(loaded.knownTags).toEqual(['imported']);
    await call('annotation.undoDelete', { id: saved.id }, popup);
    expect(await tagsOf(note)).toEqual(['imported', 'vote']);
  });

  it('edits a note under the article the editor names, though its tab has moved on', async () => {
    const { db, call, openNote } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    // The page changed its address (or its report is gone): the tab shows another article.
    const moved = { ...page, url: 'https://news.example.com/next-story' };
    await call('page.report', moved, { ...content, url: moved.url });
    await expect(openNote({ id: anchor.id })).rejects.toThrow(/no longer exists/);
    const named = { id: anchor.id, articleUrl: anchor.articleUrl };
    const editor = await openNote(named);
    expect(await call<EditorData>('editor.load', named, editor)).toMatchObject({ isNew: false });
    await call('annotation.save', { target: named, fields }, editor);
    expect((await findNote(db, anchor.id))?.note).toBe(fields.note);
    expect(await call('annotation.delete', named, editor)).toEqual({ deleted: true });
    expect(await countNotes(db)).toBe(0);
  });

  it('forgets the undo of a delete once an import may have brought the note back', async () => {
    const { db, call, openNote } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    const note = (await findNote(db, anchor.id)) as AnnotationRecord;
    const named = { id: anchor.id, articleUrl: anchor.articleUrl };
    const editor = await openNote(named);
    await call('editor.load', named, editor);
    await call('annotation.delete', named, editor);
    // The popup imports a file holding the note under another article, and says so.
    const elsewhere = 'https://news.example.com/other';
    await writeNotes(db, elsewhere, [{ ...note, articleUrl: elsewhere }]);
    await call('library.imported', { urls: [elsewhere] }, popup);
    await expect(call('annotation.undoDelete', { id: anchor.id }, editor)).rejects.toThrow(
      /nothing to undo/,
    );
    expect((await readAllNotes(db)).map((a) => a.articleUrl)).toEqual([elsewhere]);
  });

  it('records anchoring results only for the annotations of the page that reports them', async () => {
    const { db, call } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    const stranger = crypto.randomUUID();
    const result = await call<{ recorded: number }>(
      'annotations.anchored',
      {
        results: [
          { id: anchor.id, status: 'changed', text: 'Trump will meet Putin soon' },
          { id: stranger, status: 'orphan', text: null },
        ],
      },
      content,
    );
    expect(result).toEqual({ recorded: 1 });
    expect((await findNote(db, anchor.id))?.anchoring).toEqual({
      status: 'changed',
      text: 'Trump will meet Putin soon',
      checkedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('keeps notes away from content scripts', async () => {
    const { route, call } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    expect((await route({ type: 'editor.load', payload: { id: anchor.id } }, content)).ok).toBe(
      false,
    );
    expect(
      (
        await route(
          { type: 'annotation.save', payload: { target: { id: anchor.id }, fields } },
          content,
        )
      ).ok,
    ).toBe(false);
  });

  it('writes nothing, not even the article, when the disk is full', async () => {
    const { db, route } = await setup();
    db.notes.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const result = await route(
      { type: 'annotation.create', payload: { draft, color: 'yellow' } },
      content,
    );
    expect(result).toEqual({
      ok: false,
      error:
        'Your disk is full: Claimmark could not save. Nothing was changed; free some space and try again.',
    });
    expect(await db.articles.count()).toBe(0);
    expect(await countNotes(db)).toBe(0);
  });

  it('refuses malformed drafts and fields at the boundary', async () => {
    const { route, call, openDraft } = await setup();
    const bad = [
      { draft: { ...draft, quote: '' }, color: 'yellow' },
      { draft, color: 'chartreuse' },
      { draft: { ...draft, selectors: { quote: { exact: 'x' } } }, color: 'yellow' },
    ];
    for (const payload of bad) {
      expect((await route({ type: 'annotation.create', payload }, content)).ok).toBe(false);
    }
    const { draftId, editor } = await openDraft();
    await call('editor.load', { draftId }, editor);
    const badFields = { ...fields, evidence: ['javascript:alert(1)'] };
    const saved = await route(
      { type: 'annotation.save', payload: { target: { draftId }, fields: badFields } },
      editor,
    );
    expect(saved).toMatchObject({
      ok: false,
      error: expect.stringContaining('evidence') as string,
    });
  });

  it('opens a note from the library: focuses a tab showing it, or opens the article and reveals it once anchored', async () => {
    const focusAndReveal = vi.fn(() => Promise.resolve(true));
    const openTab = vi.fn(() => Promise.resolve(9));
    let open = [4];
    const { tabs, call, notifyTab } = await setup({
      listTabs: () => Promise.resolve(open),
      focusAndReveal,
      openTab,
    });
    const popup: Sender = {
      origin: 'extension',
      url: 'chrome-extension://id/popup.html',
      tabId: null,
    };
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );

    expect(await call('library.open', { id: anchor.id, articleUrl: page.url }, popup)).toEqual({
      tab: 'focused',
      revealed: true,
    });
    expect(focusAndReveal).toHaveBeenCalledWith(4, anchor.id);

    // The tab was closed: a new one opens the article, and reveals the note after anchoring.
    open = [];
    await tabs.remove(4);
    expect(await call('library.open', { id: anchor.id, articleUrl: page.url }, popup)).toEqual({
      tab: 'opened',
      revealed: false,
    });
    expect(openTab).toHaveBeenCalledWith(page.url);
    // A sign-in page first: no reveal there, and the note waits for its own article.
    const signIn = { ...page, url: 'https://login.example.com/' };
    const detour: Sender = { origin: 'content', tabId: 9, frameId: 0, url: signIn.url };
    await call('page.report', signIn, detour);
    await call('annotations.anchored', { results: [] }, detour);
    expect(notifyTab).not.toHaveBeenCalledWith(9, 'page.reveal', expect.anything());
    const newTab: Sender = { origin: 'content', tabId: 9, frameId: 0, url: page.url };
    await call('page.report', page, newTab);
    await call(
      'annotations.anchored',
      { results: [{ id: anchor.id, status: 'anchored', text: null }] },
      newTab,
    );
    expect(notifyTab).toHaveBeenCalledWith(9, 'page.reveal', { id: anchor.id });

    await expect(
      call('library.open', { id: crypto.randomUUID(), articleUrl: page.url }, popup),
    ).rejects.toThrow(/no longer exists/);
  });

  it('tells every tab showing the article when the popup edits one of its notes', async () => {
    const { route, notifyTab } = await setup({ listTabs: () => Promise.resolve([4, 6, 8]) });
    const other = { ...page, url: 'https://elsewhere.example.com/' };
    for (const [tabId, report] of [
      [4, page],
      [6, page],
      [8, other],
    ] as const) {
      await route({ type: 'page.report', payload: report }, { ...content, tabId, url: report.url });
    }
    const created = await route(
      { type: 'annotation.create', payload: { draft, color: 'yellow' } },
      content,
    );
    if (!created.ok) throw new Error(created.error);
    const { id } = created.value as AnnotationAnchor;
    notifyTab.mockClear();
    const popup: Sender = {
      origin: 'extension',
      url: 'chrome-extension://id/popup.html',
      tabId: null,
    };
    // The popup names the note's article; without it, it could not say where the note is.
    const unnamed = await route({ type: 'annotation.delete', payload: { id } }, popup);
    expect(unnamed).toMatchObject({ ok: false });
    const deleted = await route(
      { type: 'annotation.delete', payload: { id, articleUrl: page.url } },
      popup,
    );
    expect(deleted).toEqual({ ok: true, value: { deleted: true } });
    expect(notifyTab.mock.calls).toEqual([
      [4, 'page.annotationsChanged', {}],
      [6, 'page.annotationsChanged', {}],
    ]);
  });

  it('after an import, tells the tabs showing the imported articles to redraw, and no others', async () => {
    const { route, notifyTab } = await setup({ listTabs: () => Promise.resolve([4, 6]) });
    const other = { ...page, url: 'https://elsewhere.example.com/' };
    await route({ type: 'page.report', payload: page }, content);
    await route({ type: 'page.report', payload: other }, { ...content, tabId: 6, url: other.url });
    const popup: Sender = {
      origin: 'extension',
      url: 'chrome-extension://id/popup.html',
      tabId: null,
    };
    const answer = await route({ type: 'library.imported', payload: { urls: [page.url] } }, popup);
    expect(answer).toEqual({ ok: true, value: { notified: 1 } });
    expect(notifyTab.mock.calls).toEqual([[4, 'page.annotationsChanged', {}]]);
    // A page may not announce imports.
    expect((await route({ type: 'library.imported', payload: { urls: [] } }, content)).ok).toBe(
      false,
    );
  });
});

describe('editor frames act only with the token the background issued for them', () => {
  const claim = async () => {
    const s = await setup();
    const anchor = await s.call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    return { ...s, note: { id: anchor.id, articleUrl: anchor.articleUrl } };
  };
  const unchanged = async (db: ClaimmarkDatabase, id: string) =>
    expect((await findNote(db, id))?.note).toBe('');

  it('refuses an editor a page framed itself: no token, a forged one, or another tab', async () => {
    const { db, call, note, openNote } = await claim();
    const real = await openNote(note);
    const forged: Sender[] = [
      { origin: 'extension', url: `chrome-extension://id/editor.html?id=${note.id}`, tabId: 4 },
      editorAt({ view: 'editor', target: note, token: crypto.randomUUID() }),
      // The real token, in a frame in another tab.
      { ...real, tabId: 5 } as Sender,
      // Framed with no tab at all.
      { ...real, tabId: null } as Sender,
    ];
    for (const sender of forged) {
      await expect(call('editor.load', note, sender)).rejects.toThrow(/did not open/);
      await expect(call('annotation.save', { target: note, fields }, sender)).rejects.toThrow(
        /did not open/,
      );
      await expect(call('annotation.delete', note, sender)).rejects.toThrow(/did not open/);
    }
    await unchanged(db, note.id);
  });

  it('is single use: a second frame on the same address is refused, and cannot change the note', async () => {
    const { db, call, note, openNote } = await claim();
    const first = await openNote(note);
    expect(await call<EditorData>('editor.load', note, first)).toMatchObject({ isNew: false });
    // A page that learned the address frames it again (the same URL, another frame).
    const copy = { ...first, frameId: 99 } as Sender;
    await expect(call('editor.load', note, copy)).rejects.toThrow(/did not open/);
    await expect(call('annotation.save', { target: note, fields }, copy)).rejects.toThrow(
      /did not open/,
    );
    await expect(call('annotation.delete', note, copy)).rejects.toThrow(/did not open/);
    await unchanged(db, note.id);
    // Nor can a frame change a note before it loaded it (the reader never saw it).
    const unopened = await openNote(note);
    await expect(call('annotation.delete', note, unopened)).rejects.toThrow(/did not open/);
    await unchanged(db, note.id);
  });

  it('is bound to its note: another note of the same article cannot be changed through it', async () => {
    const { db, call, note, openNote } = await claim();
    const other = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'green' },
      content,
    );
    const editor = await openNote(note);
    await call('editor.load', note, editor);
    const otherNote = { id: other.id, articleUrl: other.articleUrl };
    await expect(call('annotation.save', { target: otherNote, fields }, editor)).rejects.toThrow(
      /did not open/,
    );
    await expect(call('annotation.delete', otherNote, editor)).rejects.toThrow(/did not open/);
    expect(await findNote(db, other.id)).toBeDefined();
    // Its own note it may change, until it closes.
    await call('annotation.save', { target: note, fields }, editor);
    expect((await findNote(db, note.id))?.note).toBe(fields.note);
    await call('editor.close', {}, editor);
    await expect(call('annotation.delete', note, editor)).rejects.toThrow(/did not open/);
    expect(await countNotes(db)).toBe(2);
  });

  it('a peek only shows; a newer editor in the tab ends the older one', async () => {
    const { db, call, note, openNote } = await claim();
    const { token } = await call<{ token: string }>(
      'editor.grant',
      { view: 'peek', note },
      content,
    );
    const peek = editorAt({ view: 'peek', note, token });
    expect(await call<EditorData>('editor.load', note, peek)).toMatchObject({ isNew: false });
    await expect(call('annotation.delete', note, peek)).rejects.toThrow(/did not open/);
    const older = await openNote(note);
    await call('editor.load', note, older);
    const newer = await openNote(note);
    await expect(call('annotation.save', { target: note, fields }, older)).rejects.toThrow(
      /did not open/,
    );
    await call('editor.load', note, newer);
    await call('annotation.save', { target: note, fields }, newer);
    expect((await findNote(db, note.id))?.note).toBe(fields.note);
  });

  it('is issued only for notes of an article the tab was shown', async () => {
    const { call, route, note } = await claim();
    // Another article's note, in the library but never shown in tab 6.
    const elsewhere = { ...page, url: 'https://other.example.org/story' };
    const tab6: Sender = { origin: 'content', tabId: 6, frameId: 0, url: elsewhere.url };
    await call('page.report', elsewhere, tab6);
    for (const view of ['editor', 'peek'] as const) {
      await expect(call('editor.grant', { view, note }, tab6)).rejects.toThrow(/not on this page/);
      await expect(call('editor.grant', { view, note: { id: note.id } }, tab6)).rejects.toThrow(
        /no longer exists/,
      );
    }
    // Only a page's own content script may ask: an extension page (an editor) may not.
    const asked = await route(
      { type: 'editor.grant', payload: { view: 'editor', note } },
      editorAt({ view: 'editor', target: note, token: crypto.randomUUID() }),
    );
    expect(asked).toMatchObject({ ok: false });
  });

  it('outlives a stopped service worker, and expires', async () => {
    const area = memoryArea();
    let now = new Date('2026-01-02T03:04:05Z');
    const db = new ClaimmarkDatabase(`ann-${crypto.randomUUID()}`);
    opened.push(db);
    const tabs = createTabStore(area);
    // Two backgrounds over the same session area: the second is the worker started again.
    const start = () =>
      createRouter(
        'background',
        createHandlers({
          db,
          tabs,
          requestBody: () => Promise.resolve(null),
          now: () => now,
          session: area,
        }),
      );
    const call = async <T>(
      route: ReturnType<typeof start>,
      type: string,
      payload: unknown,
      sender: Sender,
    ) => {
      const result = await route({ type, payload }, sender);
      if (!result.ok) throw new Error(result.error);
      return result.value as T;
    };
    const before = start();
    await call(before, 'page.report', page, content);
    const held = await call<{ draftId: string; token: string }>(
      before,
      'draft.create',
      { draft },
      content,
    );
    const target = { draftId: held.draftId };
    const editor = editorAt({ view: 'editor', target, token: held.token });
    await call(before, 'editor.load', target, editor);
    // The reader types for a while; the worker is stopped and started again before they save.
    const after = start();
    const saved = await call<AnnotationRecord>(
      after,
      'annotation.save',
      { target, fields },
      editor,
    );
    const note = { id: saved.id, articleUrl: saved.articleUrl };
    // The tab moves on to another story (or its report is gone) and the worker restarts: the
    // reader's highlight, still drawn (the back/forward cache), still opens.
    await call(after, 'page.report', { ...page, url: `${page.url}-next` }, content);
    const again = start();
    const { token } = await call<{ token: string }>(
      again,
      'editor.grant',
      { view: 'editor', note },
      content,
    );
    const reopened = editorAt({ view: 'editor', target: note, token }, 4, 12);
    await call(again, 'editor.load', note, reopened);
    // Each change renews the editor: a reader may keep it open all day.
    for (let hour = 0; hour < 3; hour++) {
      now = new Date(now.getTime() + GRANT_LIFETIME_MS - 1000);
      await call(
        again,
        'annotation.save',
        { target: note, fields: { ...fields, note: 'later' } },
        reopened,
      );
    }
    expect((await findNote(db, saved.id))?.note).toBe('later');
    // A token nobody spent is useless after ten minutes, leaked or not.
    const unused = await call<{ token: string }>(
      again,
      'editor.grant',
      { view: 'peek', note },
      content,
    );
    now = new Date(now.getTime() + UNUSED_GRANT_MS + 1);
    const late = editorAt({ view: 'peek', note, token: unused.token });
    await expect(call(again, 'editor.load', note, late)).rejects.toThrow(/expired/);
    now = new Date(now.getTime() + GRANT_LIFETIME_MS + 1);
    await expect(call(again, 'annotation.delete', note, reopened)).rejects.toThrow(/expired/);
  });

  it('binds the token to the document the browser names, and refuses one it does not name', async () => {
    const { db, call, note, openNote, notifyTab } = await claim();
    const editor = await openNote(note);
    const { frameId: _omitted, ...unnamed } = editor as Sender & { frameId?: number };
    await expect(call('editor.load', note, unnamed as Sender)).rejects.toThrow(/did not open/);
    // Chromium names the document itself: a new page in the same frame is another document.
    const doc = { ...editor, documentId: 'DOC-1' } as Sender;
    await call('editor.load', note, doc);
    await expect(
      call('annotation.delete', note, { ...editor, documentId: 'DOC-2' } as Sender),
    ).rejects.toThrow(/did not open/);
    // A copy of the reader's editor cannot close it either.
    notifyTab.mockClear();
    expect(await call('editor.close', {}, { ...doc, documentId: 'DOC-2' } as Sender)).toEqual({
      closed: false,
    });
    expect(notifyTab).not.toHaveBeenCalled();
    await unchanged(db, note.id);
    expect(await call('editor.close', {}, doc)).toEqual({ closed: true });
    expect(notifyTab).toHaveBeenCalledWith(4, 'page.closeEditor', expect.anything());
  });

  it('keeps the last of two quick requests for the tab’s editor live', async () => {
    const { call, note } = await claim();
    const tab = content;
    const other = await call<AnnotationAnchor>('annotation.create', { draft, color: 'green' }, tab);
    const second = { id: other.id, articleUrl: other.articleUrl };
    const [first, last] = await Promise.all(
      [note, second].map((n) =>
        call<{ token: string }>('editor.grant', { view: 'editor', note: n }, tab),
      ),
    );
    const stale = editorAt({ view: 'editor', target: note, token: first?.token ?? '' });
    const live = editorAt({ view: 'editor', target: second, token: last?.token ?? '' }, 4, 12);
    await expect(call('editor.load', note, stale)).rejects.toThrow(/did not open/);
    expect(await call<EditorData>('editor.load', second, live)).toMatchObject({ isNew: false });
  });
});
