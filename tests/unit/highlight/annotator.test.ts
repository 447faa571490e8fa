// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '@/lib/highlight/annotator';
import { HighlightLayer } from '@/lib/highlight/highlight-layer';
import { createClient } from '@/lib/messaging/client';
import type { AnnotationAnchor } from '@/lib/model';
import { passage } from './passage';

const ARTICLE = 'https://news.example.com/story';
const NOTE_ID = '0b0f6d8e-58c5-4a3f-9f43-3a7c3f1f2a10';
const DRAFT_ID = '6f1c2a9e-7f3b-4d6e-8a4c-2b9d1e0f3c21';
const TOKEN = '9d2c7b1e-3f4a-4b5c-8d6e-7f8091a2b3c4';

function select(quote: string): void {
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(passage(quote));
}

/** The reader's own selection: made, then ended by a gesture the annotator hears. */
function readerSelects(annotator: Annotator, quote: string): void {
  select(quote);
  annotator.rememberSelection();
}

function setup(
  hooks: { duringCreate?: () => void; fail?: string; showToolbar?: () => () => void } = {},
) {
  document.body.replaceChildren();
  // Claimmark's UI hangs off <html>: an editor a failed test left open must not linger.
  for (const host of document.querySelectorAll('claimmark-ui')) host.remove();
  const p = document.createElement('p');
  p.textContent = 'The minister said the bridge would open in spring.';
  document.body.append(p);
  // Every message the content script sends, as the runtime would carry it.
  const sent: string[] = [];
  const created: AnnotationAnchor[] = [];
  const request = createClient((message) => {
    const { type, payload } = message as { type: string; payload: { draft?: unknown } };
    sent.push(type);
    if (hooks.fail !== undefined) return Promise.resolve({ ok: false, error: hooks.fail });
    const anchor: AnnotationAnchor | null =
      type === 'annotation.create'
        ? {
            id: NOTE_ID,
            articleUrl: ARTICLE,
            kind: 'highlight',
            status: null,
            color: 'yellow',
            selectors: (payload.draft as { selectors: AnnotationAnchor['selectors'] }).selectors,
          }
        : null;
    if (anchor) {
      created.push(anchor);
      hooks.duringCreate?.();
    }
    const value =
      anchor ??
      (type === 'draft.create'
        ? { draftId: DRAFT_ID, token: TOKEN }
        : type === 'editor.grant'
          ? { token: TOKEN }
          : []);
    return Promise.resolve({ ok: true, value });
  });
  const fetchAnchors = vi.fn(() => request('annotations.forPage', {}));
  const report = vi.fn(() => Promise.resolve());
  const layer = new HighlightLayer(document, fetchAnchors, report);
  const opened: string[] = [];
  const notices: string[] = [];
  const annotator = new Annotator({
    doc: document,
    request,
    layer,
    editorUrl: (query) => {
      opened.push(query);
      return `chrome-extension://claimmark/editor.html?${query}`;
    },
    showToolbar: hooks.showToolbar ?? (() => () => undefined),
    notify: (message: string) => notices.push(message),
  });
  return { sent, created, fetchAnchors, report, layer, annotator, opened, notices };
}

// jsdom lays nothing out; the annotator only places its toolbar and editor by these.
if (!('getBoundingClientRect' in Range.prototype)) {
  Object.assign(Range.prototype, {
    getBoundingClientRect: () => new DOMRect(),
    getClientRects: () => [],
  });
}

describe('Annotator', () => {
  beforeEach(() => document.getSelection()?.removeAllRanges());

  it('draws a new highlight from the selection with one message to the background', async () => {
    const { sent, created, fetchAnchors, report, layer, annotator } = setup();
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('highlight')).toBe(true);
    expect(sent).toEqual(['annotation.create']);
    expect(fetchAnchors).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
    expect(layer.drawnCount).toBe(1);
    expect(layer.articleOf(NOTE_ID)).toBe(ARTICLE);
    // jsdom cannot paint highlights, so the passage is wrapped: the reader sees it marked.
    expect(document.querySelector('p')?.textContent).toContain('the bridge would open');
    expect(document.querySelectorAll('p *').length).toBeGreaterThan(0);
    expect(document.getSelection()?.isCollapsed ?? true).toBe(true);

    // A later refresh finds it drawn where it is, and neither re-anchors nor reports it.
    sent.length = 0;
    fetchAnchors.mockResolvedValueOnce(created);
    await layer.refresh();
    expect(report).not.toHaveBeenCalled();
    expect(layer.drawnCount).toBe(1);
  });

  it('anchors a new highlight from its selectors when the page rewrote it meanwhile', async () => {
    const { sent, created, fetchAnchors, layer, annotator } = setup({
      // A live blog rewrites the paragraph while the note is being stored.
      duringCreate: () => {
        const text = document.querySelector('p')?.firstChild as Text;
        text.data = `Updated: ${text.data}`;
      },
    });
    fetchAnchors.mockImplementation(() => Promise.resolve(created));
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('highlight')).toBe(true);
    expect(sent).toEqual(['annotation.create']);
    // Drawn where the passage now stands, without waiting for another change to the page.
    await vi.waitFor(() => {
      const marked = [...document.querySelectorAll('p *')].map((el) => el.textContent).join('');
      expect(marked).toBe('the bridge would open');
    });
    expect(fetchAnchors).toHaveBeenCalledTimes(1);
    expect(layer.needsRefresh()).toBe(false);
  });

  it('keeps a selection the reader made while the highlight was being stored', async () => {
    const { annotator, layer } = setup({ duringCreate: () => select('in spring') });
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('highlight')).toBe(true);
    expect(layer.drawnCount).toBe(1);
    expect(document.getSelection()?.toString()).toBe('in spring');
  });

  it('tells the reader when a highlight could not be saved, and draws nothing', async () => {
    const full = 'There is no room left on this disk for Claimmark’s library.';
    const { annotator, layer, notices } = setup({ fail: full });
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('highlight')).toBe(true);
    expect(notices).toEqual([`Claimmark could not save this highlight. ${full}`]);
    expect(layer.drawnCount).toBe(0);
    // The selection stays, so the reader can try again.
    expect(document.getSelection()?.toString()).toBe('the bridge would open');
  });

  it('shows no toolbar for a selection it is already storing', async () => {
    let shown = 0;
    // The reader's mouseup comes through while the highlight is being stored.
    const { annotator } = setup({
      duringCreate: () => annotator.onSelectionEnd(),
      showToolbar: () => {
        shown++;
        return () => undefined;
      },
    });
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('highlight')).toBe(true);
    expect(shown).toBe(0);
  });

  it('shows the toolbar again once a page removed the editor', async () => {
    let shown = 0;
    const { annotator } = setup({
      showToolbar: () => {
        shown++;
        return () => undefined;
      },
    });
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('claim')).toBe(true);
    // The mouseup's deferred toolbar comes after the shortcut opened the editor: none.
    annotator.onSelectionEnd();
    expect(shown).toBe(0);
    // A page that deletes Claimmark's element must not switch the toolbar off for good.
    document.querySelector('claimmark-ui')?.remove();
    select('in spring');
    annotator.onSelectionEnd();
    expect(shown).toBe(1);
  });

  it('shows no toolbar over an open editor, and again once it is closed', async () => {
    const placed: string[] = [];
    const { annotator } = setup({
      showToolbar: () => {
        placed.push(String(document.getSelection()));
        return () => undefined;
      },
    });
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('claim')).toBe(true);
    // The reader selects another passage while the editor is open: a toolbar there could lie
    // over the editor, which then refuses to save.
    select('in spring');
    annotator.onSelectionEnd();
    expect(placed).toEqual([]);
    annotator.closeEditorFrame();
    annotator.onSelectionEnd();
    expect(placed).toEqual(['in spring']);
  });

  it('acts only on the passage the reader selected, not one a page swapped in', async () => {
    const { annotator, sent } = setup();
    readerSelects(annotator, 'the bridge would open');
    // A page's capturing key listener selects another passage just before the shortcut.
    select('in spring');
    expect(await annotator.act('highlight')).toBe(false);
    expect(sent).toEqual([]);
    // Nor does a selection no gesture of the reader ended count.
    const fresh = setup();
    select('in spring');
    expect(await fresh.annotator.act('claim')).toBe(false);
    expect(fresh.sent).toEqual([]);
  });

  it('opens the editor for a claim by its draft, and closes only the editor that asks', async () => {
    const { annotator, opened } = setup();
    readerSelects(annotator, 'the bridge would open');
    expect(await annotator.act('claim')).toBe(true);
    expect(opened).toEqual([`draft=${DRAFT_ID}&token=${TOKEN}`]);
    const other = { view: 'editor' as const, target: { id: NOTE_ID }, token: TOKEN };
    expect(annotator.closeEditorFrame(other)).toBe(false);
    const forged = { view: 'editor' as const, target: { draftId: DRAFT_ID }, token: NOTE_ID };
    expect(annotator.closeEditorFrame(forged)).toBe(false);
    expect(document.querySelector('claimmark-ui')).not.toBeNull();
    expect(
      annotator.closeEditorFrame({ view: 'editor', target: { draftId: DRAFT_ID }, token: TOKEN }),
    ).toBe(true);
    expect(document.querySelector('claimmark-ui')).toBeNull();
    expect(annotator.closeEditorFrame()).toBe(false);
  });

  it('does nothing without a selection', async () => {
    const { annotator, sent } = setup();
    expect(await annotator.act('highlight')).toBe(false);
    expect(sent).toEqual([]);
  });
});
