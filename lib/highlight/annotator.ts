import { describe } from '../anchoring/describe';
import type { Client } from '../messaging/client';
import {
  encodeEditorAddress,
  sameEditorAddress,
  type EditorAddress,
  type NoteAddress,
} from '../messaging/editor-address';
import type { AnnotationDraft } from '../model';
import { openEditorFrame, type OpenFrame } from './editor-frame';
import type { HighlightLayer } from './highlight-layer';
import { annotatableSelection } from './selection';
import { isOwnUi } from './ui-host';

/** What the reader can do with a selection. */
export type SelectionAction = 'highlight' | 'claim' | 'note';

/** Shows the selection toolbar by `rect`; returns a function that hides it. */
export type ShowToolbar = (
  doc: Document,
  rect: DOMRect,
  onAction: (action: SelectionAction) => void,
) => () => void;

/** What the annotator works with; the messaging client and the toolbar's UI are injected. */
export interface AnnotatorDeps {
  doc: Document;
  request: Client;
  layer: HighlightLayer;
  /** The editor page's URL with a query (see lib/messaging/editor-address.ts). */
  editorUrl: (query: string) => string;
  showToolbar: ShowToolbar;
  /** Tells the reader, beside `rect`, that what they asked for failed. */
  notify: (message: string, rect: DOMRect) => void;
}

/** True when two ranges start and end at the same points. */
function sameRange(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0
  );
}

/** True while the document's selection is still exactly `range`. */
function stillSelected(doc: Document, range: Range): boolean {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount !== 1) return false;
  return sameRange(selection.getRangeAt(0), range);
}

/** The reader's side of annotating: the selection toolbar, shortcuts, and the editor frame. */
export class Annotator {
  private hideToolbar: (() => void) | null = null;
  private editor: OpenFrame | null = null;
  private editorAddress: EditorAddress | null = null;
  private peek: { id: string; close: () => void } | null = null;
  /** Actions under way: a toolbar for a selection already being acted on would linger. */
  private acting = 0;
  /** The selection as the reader's last own gesture (a mouseup, a key) left it. */
  private readerSelection: Range | null = null;

  constructor(private readonly deps: AnnotatorDeps) {}

  /**
   * Acts on the current selection; false when there is nothing Claimmark can annotate. A failure
   * (a full disk, the extension restarting) is shown to the reader beside the selection.
   */
  async act(action: SelectionAction): Promise<boolean> {
    const range = annotatableSelection(this.deps.doc);
    if (!range) return false;
    // A page's script can swap the selection between the reader's gesture and the shortcut (a
    // capturing key listener runs before ours): only the passage the reader selected is acted on.
    if (!this.readerSelection || !sameRange(range, this.readerSelection)) return false;
    const rect = range.getBoundingClientRect();
    this.acting++;
    try {
      await this.actOn(range, action);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const what = action === 'highlight' ? 'this highlight' : 'this passage';
      this.deps.notify(`Claimmark could not save ${what}. ${reason}`, rect);
    } finally {
      this.acting--;
    }
    return true;
  }

  private async actOn(range: Range, action: SelectionAction): Promise<void> {
    const { doc, request, layer } = this.deps;
    this.hideToolbar?.();
    const selectors = describe(doc.body, range, { exclude: (el) => isOwnUi(el) });
    const draft: AnnotationDraft = {
      kind: action === 'claim' ? 'claim' : 'highlight',
      selectors,
      quote: selectors.quote.exact,
    };
    const rect = range.getBoundingClientRect();
    if (action === 'highlight') {
      // One round trip: the passage is drawn from the Range in hand, not anchored again, unless
      // the page rewrote it while the note was being stored.
      const selected = range.toString();
      const anchor = await request('annotation.create', { draft, color: 'yellow' });
      // The reader may have selected the next passage while this one was stored: keep theirs.
      if (stillSelected(doc, range)) doc.getSelection()?.removeAllRanges();
      layer.add(anchor, range, selected);
      return;
    }
    const { draftId, token } = await request('draft.create', { draft });
    this.openEditor({ view: 'editor', target: { draftId }, token }, rect);
  }

  /**
   * Opens the editor for a stored annotation (a click on its highlight). The background issues
   * the frame's token only for a note of an article this tab was shown; a refusal is shown.
   */
  async edit(id: string, rect: DOMRect | null): Promise<void> {
    const note = this.noteOf(id);
    try {
      const { token } = await this.deps.request('editor.grant', { view: 'editor', note });
      this.openEditor({ view: 'editor', target: note, token }, rect);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.notify(`Claimmark could not open this note. ${reason}`, rect ?? new DOMRect());
    }
  }

  // The article goes with the id: the note is stored under the article its highlight was drawn
  // for, which the tab may no longer show (a page that changed its address, a page from the
  // back/forward cache).
  private noteOf(id: string): NoteAddress {
    const article = this.deps.layer.articleOf(id);
    return article ? { id, articleUrl: article } : { id };
  }

  /** Shows the first line of an annotation's note next to the pointer; null hides the peek. */
  peekAt(id: string | null, x: number, y: number): void {
    if (this.peek?.id === id) return;
    this.peek?.close();
    this.peek = null;
    if (!id || this.editorShown()) return;
    // The frame opens once its token arrives, unless the pointer moved on or an editor opened.
    let close: (() => void) | null = null;
    let gone = false;
    this.peek = {
      id,
      close: () => {
        gone = true;
        close?.();
      },
    };
    const note = this.noteOf(id);
    this.deps.request('editor.grant', { view: 'peek', note }).then(
      ({ token }) => {
        if (gone || this.editorShown()) return;
        const frame = openEditorFrame(
          this.deps.doc,
          this.deps.editorUrl(encodeEditorAddress({ view: 'peek', note, token })),
          new DOMRect(x, y + 12, 0, 0),
          { width: 280, height: 64 },
        );
        close = () => frame.close();
      },
      // A peek is a courtesy: a note gone or refused shows nothing.
      () => undefined,
    );
  }

  /** Closes the editor frame, if one is open; given an address, only the editor it names. */
  closeEditorFrame(address?: EditorAddress): boolean {
    if (!this.editor) return false;
    // Only the editor that asked: not one the reader has opened since.
    const open = this.editorAddress;
    if (address !== undefined && (open === null || !sameEditorAddress(address, open))) return false;
    this.editor.close();
    this.editor = null;
    this.editorAddress = null;
    return true;
  }

  /** Whether the reader's editor is in the page: a page that removed it leaves none open. */
  private editorShown(): boolean {
    return this.editor?.shown() ?? false;
  }

  private openEditor(address: EditorAddress, rect: DOMRect | null): void {
    this.closeEditorFrame();
    this.peekAt(null, 0, 0);
    this.editorAddress = address;
    const url = this.deps.editorUrl(encodeEditorAddress(address));
    this.editor = openEditorFrame(this.deps.doc, url, rect);
  }

  /** Remembers the selection as the reader's own gesture left it (call on trusted events only). */
  rememberSelection(): Range | null {
    this.readerSelection = annotatableSelection(this.deps.doc);
    return this.readerSelection;
  }

  /**
   * Shows the toolbar for the current selection, or hides it when there is none; called when the
   * reader's own gesture ends a selection, so that selection is remembered too. No toolbar is
   * shown over an open editor: it could lie on top of it (a slow page can even run the reader's
   * shortcut before the mouseup's deferred toolbar), and the editor refuses to act while
   * anything covers it.
   */
  onSelectionEnd(): void {
    this.hideToolbar?.();
    this.hideToolbar = null;
    const range = this.rememberSelection();
    if (!range || this.acting > 0 || this.editorShown()) return;
    this.hideToolbar = this.deps.showToolbar(
      this.deps.doc,
      range.getBoundingClientRect(),
      (action) => {
        this.hideToolbar = null;
        this.act(action).catch(() => undefined);
      },
    );
  }
}
