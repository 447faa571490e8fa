import { describe } from '@/lib/anchoring/describe';
import type { Client } from '@/lib/messaging/client';
import type { AnnotationDraft } from '@/lib/model';
import { openEditorFrame } from './editor-frame';
import type { HighlightLayer } from './highlight-layer';
import { annotatableSelection } from './selection';
import { showToolbar, type SelectionAction } from './toolbar';
import { isOwnUi } from './ui-host';

export interface AnnotatorDeps {
  doc: Document;
  request: Client;
  layer: HighlightLayer;
  /** The editor page's URL with a query (`?draft=` or `?id=`). */
  editorUrl: (query: string) => string;
}

/** The reader's side of annotating: the selection toolbar, shortcuts, and the editor frame. */
export class Annotator {
  private hideToolbar: (() => void) | null = null;
  private closeEditor: (() => void) | null = null;
  private editorQuery: string | null = null;
  private peek: { id: string; close: () => void } | null = null;

  constructor(private readonly deps: AnnotatorDeps) {}

  /** Acts on the current selection; false when there is nothing Claimmark can annotate. */
  async act(action: SelectionAction): Promise<boolean> {
    const { doc, request, layer } = this.deps;
    const range = annotatableSelection(doc);
    if (!range) return false;
    this.hideToolbar?.();
    const selectors = describe(doc.body, range, { exclude: (el) => isOwnUi(el) });
    const draft: AnnotationDraft = {
      kind: action === 'claim' ? 'claim' : 'highlight',
      selectors,
      quote: selectors.quote.exact,
    };
    const rect = range.getBoundingClientRect();
    if (action === 'highlight') {
      await request('annotation.create', { draft, color: 'yellow' });
      doc.getSelection()?.removeAllRanges();
      await layer.refresh();
      return true;
    }
    const { draftId } = await request('draft.create', { draft });
    this.openEditor(`draft=${draftId}`, rect);
    return true;
  }

  /** Opens the editor for a stored annotation (a click on its highlight, or the popup). */
  edit(id: string, rect: DOMRect | null): void {
    this.openEditor(this.noteQuery('id', id), rect);
  }

  // The article goes with the id: the note is stored under the article its highlight was drawn
  // for, which the tab may no longer show (a page that changed its address, a page from the
  // back/forward cache).
  private noteQuery(key: 'id' | 'peek', id: string): string {
    const params = new URLSearchParams({ [key]: id });
    const article = this.deps.layer.articleOf(id);
    if (article) params.set('article', article);
    return params.toString();
  }

  /** Shows the first line of an annotation's note next to the pointer; null hides the peek. */
  peekAt(id: string | null, x: number, y: number): void {
    if (this.peek?.id === id) return;
    this.peek?.close();
    this.peek = null;
    if (!id || this.closeEditor) return;
    const close = openEditorFrame(
      this.deps.doc,
      this.deps.editorUrl(this.noteQuery('peek', id)),
      new DOMRect(x, y + 12, 0, 0),
      { width: 280, height: 64 },
    );
    this.peek = { id, close };
  }

  /** Closes the editor frame, if one is open. */
  closeEditorFrame(query?: string): boolean {
    if (!this.closeEditor) return false;
    // Only the editor that asked: not one the reader has opened since.
    if (query !== undefined && query !== this.editorQuery) return false;
    this.closeEditor();
    this.closeEditor = null;
    return true;
  }

  private openEditor(query: string, rect: DOMRect | null): void {
    this.closeEditorFrame();
    this.peekAt(null, 0, 0);
    this.editorQuery = `?${query}`;
    this.closeEditor = openEditorFrame(this.deps.doc, this.deps.editorUrl(query), rect);
  }

  /** Shows the toolbar for the current selection, or hides it when there is none. */
  onSelectionEnd(): void {
    this.hideToolbar?.();
    this.hideToolbar = null;
    const range = annotatableSelection(this.deps.doc);
    if (!range) return;
    this.hideToolbar = showToolbar(this.deps.doc, range.getBoundingClientRect(), (action) => {
      this.hideToolbar = null;
      this.act(action).catch(() => undefined);
    });
  }
}
