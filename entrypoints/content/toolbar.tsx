import { render } from 'preact';
import type { SelectionAction } from '@/lib/highlight/annotator';
import { createUiHost, type UiHost } from '@/lib/highlight/ui-host';

const CSS = `
.bar { display: flex; gap: 2px; padding: 3px; border-radius: 8px; background: #1d1f24;
  box-shadow: 0 2px 10px rgba(0,0,0,.3); font: 600 13px/1 system-ui, sans-serif; }
button { all: unset; cursor: pointer; color: #fff; padding: 6px 10px; border-radius: 6px; }
button:hover, button:focus-visible { background: #3a3d45; }
button:focus-visible { outline: 2px solid #ffc43d; }
`;

const ACTIONS: { action: SelectionAction; label: string; hint: string }[] = [
  { action: 'highlight', label: 'Highlight', hint: 'Alt+Shift+H' },
  { action: 'claim', label: 'Claim', hint: 'Alt+Shift+C' },
  { action: 'note', label: 'Note', hint: '' },
];

function Toolbar({ onAction }: { onAction: (action: SelectionAction) => void }) {
  return (
    <div class="bar" role="toolbar" aria-label="Claimmark">
      {ACTIONS.map(({ action, label, hint }) => (
        <button
          key={action}
          type="button"
          aria-label={label}
          title={hint ? `${label} (${hint})` : label}
          // Keep the page's selection: a mousedown on a button would otherwise collapse it.
          onMouseDown={(e) => e.preventDefault()}
          // A click the page's scripts dispatched is not the reader's.
          onClick={(e) => {
            if (e.isTrusted) onAction(action);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** Shows the selection toolbar below `rect`; returns a function that removes it. */
export function showToolbar(
  doc: Document,
  rect: DOMRect,
  onAction: (action: SelectionAction) => void,
): () => void {
  const ui: UiHost = createUiHost(doc, CSS);
  const win = doc.defaultView ?? window;
  const top = rect.bottom + win.scrollY + 8;
  const left = Math.max(win.scrollX + 4, rect.left + win.scrollX);
  ui.place(top, left);
  const container = doc.createElement('div');
  ui.shadow.append(container);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('mousedown', onOutside, true);
    render(null, container);
    ui.remove();
  };
  // Only the reader dismisses it: a page could otherwise take it away the moment it appears.
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape') remove();
  };
  const onOutside = (event: MouseEvent) => {
    if (event.isTrusted && !event.composedPath().includes(ui.host)) remove();
  };
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('mousedown', onOutside, true);
  render(
    <Toolbar
      onAction={(action) => {
        remove();
        onAction(action);
      }}
    />,
    container,
  );
  return remove;
}
