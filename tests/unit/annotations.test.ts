import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/lib/services/background-handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import type { AnnotationAnchor, AnnotationDraft, AnnotationRecord, EditorData } from '@/lib/model';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';
import { readAllNotes, readNotes, writeNotes } from '@/lib/storage/notes';
import { countNotes, findNote } from './stored-notes';

const page = {
  url: 'https://news.example.com/story',
  title: 'Story',
  canonicalUrl: null,
  article: null,
};
const content: Sender = { origin: 'content', tabId: 4, frameId: 0, url: page.url };
const editor: Sender = { origin: 'extension', url: 'chrome-extension://id/editor.html', tabId: 4 };
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
  return { db, tabs, route, call, notifyTab };
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
    const { db, call, notifyTab } = await setup();
    const { draftId } = await call<{ draftId: string }>('draft.create', { draft }, content);
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
    await call(
      'editor.close',
      {},
      { ...editor, url: `chrome-extension://id/editor.html?draft=${draftId}` },
    );
    expect(notifyTab).toHaveBeenCalledWith(4, 'page.closeEditor', {
      editor: { view: 'editor', target: { draftId } },
    });
    // An editor whose address names nothing closes nothing.
    notifyTab.mockClear();
    expect(
      await call('editor.close', {}, { ...editor, url: 'chrome-extension://id/editor.html?x=1' }),
    ).toEqual({ closed: false });
    expect(notifyTab).not.toHaveBeenCalled();
    // The draft is used up: saving it again would make a second annotation.
    await expect(call('annotation.save', { target: { draftId }, fields }, editor)).rejects.toThrow(
      /expired/,
    );
    const again = await call<EditorData>('editor.load', { id: saved.id }, editor);
    expect(again).toMatchObject({ isNew: false, value: fields, knownTags: ['hungary', 'summit'] });
  });

  it('edits, deletes and undoes a delete, restoring the record exactly', async () => {
    const { db, call } = await setup();
    const { draftId } = await call<{ draftId: string }>('draft.create', { draft }, content);
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target: { draftId }, fields },
      editor,
    );
    const edited = await call<AnnotationRecord>(
      'annotation.save',
      {
        target: { id: saved.id },
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
    const { db, call } = await setup();
    const tagsOf = async (target: object) =>
      (await call<EditorData>('editor.load', target, editor)).knownTags;
    const first = await call<{ draftId: string }>('draft.create', { draft }, content);
    expect(await tagsOf({ draftId: first.draftId })).toEqual([]);
    const saved = await call<AnnotationRecord>(
      'annotation.save',
      { target: { draftId: first.draftId }, fields: { ...fields, tags: ['summit'] } },
      editor,
    );
    expect(await tagsOf({ id: saved.id })).toEqual(['summit']);
    // A write the background did not make (the popup's import) shows once it is announced.
    await writeNotes(db, saved.articleUrl, [
      ...(await readNotes(db, saved.articleUrl)),
      { ...saved, id: crypto.randomUUID(), tags: ['imported'] },
    ]);
    expect(await tagsOf({ id: saved.id })).toEqual(['summit']);
    await call('library.imported', { urls: [saved.articleUrl] }, editor);
    expect(await tagsOf({ id: saved.id })).toEqual(['imported', 'summit']);
    await call(
      'annotation.save',
      { target: { id: saved.id }, fields: { ...fields, tags: ['vote'] } },
      editor,
    );
    expect(await tagsOf({ id: saved.id })).toEqual(['imported', 'vote']);
    await call('annotation.delete', { id: saved.id }, editor);
    const second = await call<{ draftId: string }>('draft.create', { draft }, content);
    expect(await tagsOf({ draftId: second.draftId })).toEqual(['imported']);
    await call('annotation.undoDelete', { id: saved.id }, editor);
    expect(await tagsOf({ draftId: second.draftId })).toEqual(['imported', 'vote']);
  });

  it('edits a note under the article the editor names, though its tab has moved on', async () => {
    const { db, call } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    // The page changed its address (or its report is gone): the tab shows another article.
    const moved = { ...page, url: 'https://news.example.com/next-story' };
    await call('page.report', moved, { ...content, url: moved.url });
    await expect(call('editor.load', { id: anchor.id }, editor)).rejects.toThrow(
      /no longer exists/,
    );
    const named = { id: anchor.id, articleUrl: anchor.articleUrl };
    expect(await call<EditorData>('editor.load', named, editor)).toMatchObject({ isNew: false });
    await call('annotation.save', { target: named, fields }, editor);
    expect((await findNote(db, anchor.id))?.note).toBe(fields.note);
    expect(await call('annotation.delete', named, editor)).toEqual({ deleted: true });
    expect(await countNotes(db)).toBe(0);
  });

  it('forgets the undo of a delete once an import may have brought the note back', async () => {
    const { db, call } = await setup();
    const anchor = await call<AnnotationAnchor>(
      'annotation.create',
      { draft, color: 'yellow' },
      content,
    );
    const note = (await findNote(db, anchor.id)) as AnnotationRecord;
    await call('annotation.delete', { id: anchor.id, articleUrl: anchor.articleUrl }, editor);
    // The popup imports a file holding the note under another article, and says so.
    const elsewhere = 'https://news.example.com/other';
    await writeNotes(db, elsewhere, [{ ...note, articleUrl: elsewhere }]);
    await call('library.imported', { urls: [elsewhere] }, editor);
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
    const { route, call } = await setup();
    const bad = [
      { draft: { ...draft, quote: '' }, color: 'yellow' },
      { draft, color: 'chartreuse' },
      { draft: { ...draft, selectors: { quote: { exact: 'x' } } }, color: 'yellow' },
    ];
    for (const payload of bad) {
      expect((await route({ type: 'annotation.create', payload }, content)).ok).toBe(false);
    }
    const { draftId } = await call<{ draftId: string }>('draft.create', { draft }, content);
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
