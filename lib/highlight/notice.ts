import { createUiHost } from './ui-host';

const CSS = `
.notice { max-width: 320px; padding: 10px 12px; border-radius: 8px; background: #7f1d1d;
  color: #fff; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 10px rgba(0,0,0,.3);
  cursor: pointer; }
`;

/** How long a notice stays unless the reader dismisses it first. */
const SHOW_MS = 8_000;

/**
 * Tells the reader, beside `rect`, that something they asked for failed (a highlight that could
 * not be saved). In a closed shadow root like the toolbar: the page sees neither the text nor
 * the reason. A click or Escape dismisses it. Returns a function that removes it.
 */
export function showNotice(doc: Document, rect: DOMRect, message: string): () => void {
  const ui = createUiHost(doc, CSS);
  const win = doc.defaultView ?? window;
  ui.place(rect.bottom + win.scrollY + 8, Math.max(win.scrollX + 4, rect.left + win.scrollX));
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  ui.shadow.append(box);
  let timer = 0;
  const remove = () => {
    win.clearTimeout(timer);
    doc.removeEventListener('keydown', onKey, true);
    ui.remove();
  };
  // Only the reader dismisses it: a page could otherwise hide it the moment it appears.
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape') remove();
  };
  box.addEventListener('click', (event) => {
    if (event.isTrusted) remove();
  });
  doc.addEventListener('keydown', onKey, true);
  timer = win.setTimeout(remove, SHOW_MS);
  return remove;
}
