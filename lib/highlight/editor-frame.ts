import { createUiHost } from './ui-host';

/** How big the frame is: the editor, or the small peek shown on hover. */
export interface FrameSize {
  width: number;
  height: number;
}

const EDITOR: FrameSize = { width: 360, height: 460 };

/** A frame opened in the page: `close` removes it; `shown` is false once anything removed it. */
export interface OpenFrame {
  close(): void;
  shown(): boolean;
}

/**
 * Opens an extension page (the note editor, or a peek at a note) in an iframe next to `rect`.
 * The reader reads and types in the extension's origin, so the page's scripts never see a
 * keystroke or the note.
 */
export function openEditorFrame(
  doc: Document,
  src: string,
  rect: DOMRect | null,
  size: FrameSize = EDITOR,
): OpenFrame {
  const { width: WIDTH, height: HEIGHT } = size;
  const ui = createUiHost(
    doc,
    `iframe { border: 0; width: ${WIDTH}px; height: ${HEIGHT}px; border-radius: 10px;
      box-shadow: 0 6px 24px rgba(0,0,0,.35); background: #fff; color-scheme: normal; }`,
  );
  const win = doc.defaultView ?? window;
  const anchorTop = rect ? rect.bottom + 8 : 80;
  const top = Math.min(anchorTop, Math.max(8, win.innerHeight - HEIGHT - 8)) + win.scrollY;
  const left =
    Math.min(rect?.left ?? win.innerWidth - WIDTH - 24, Math.max(8, win.innerWidth - WIDTH - 24)) +
    win.scrollX;
  ui.place(top, Math.max(8, left));
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = 'Claimmark note editor';
  ui.shadow.append(frame);
  frame.focus();
  // A page may remove Claimmark's element itself, or the UI may leave a page that fights it.
  return { close: () => ui.remove(), shown: () => ui.host.isConnected };
}
