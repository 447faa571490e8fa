import { createUiHost } from './ui-host';

const WIDTH = 360;
const HEIGHT = 460;
const CSS = `iframe { border: 0; width: ${WIDTH}px; height: ${HEIGHT}px; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.35); background: #fff; color-scheme: normal; }`;

/**
 * Opens the note editor, an extension page, in an iframe next to `rect`. The reader types into
 * the extension's origin, so the page's scripts never see a keystroke or the note.
 */
export function openEditorFrame(doc: Document, src: string, rect: DOMRect | null): () => void {
  const ui = createUiHost(doc, CSS);
  const win = doc.defaultView ?? window;
  const anchorTop = rect ? rect.bottom + 8 : 80;
  const top = Math.min(anchorTop, Math.max(8, win.innerHeight - HEIGHT - 8)) + win.scrollY;
  const left =
    Math.min(rect?.left ?? win.innerWidth - WIDTH - 24, Math.max(8, win.innerWidth - WIDTH - 24)) +
    win.scrollX;
  ui.host.style.setProperty('top', `${top}px`, 'important');
  ui.host.style.setProperty('left', `${Math.max(8, left)}px`, 'important');
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = 'Claimmark note editor';
  ui.shadow.append(frame);
  frame.focus();
  return () => ui.remove();
}
