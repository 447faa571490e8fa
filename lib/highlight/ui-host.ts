/** The element that holds Claimmark's in-page UI, excluded from page text and anchoring. */
export const UI_TAG = 'claimmark-ui';

/** Claimmark's own element in a page, and the closed shadow root its UI lives in. */
export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Moves the host to a place in the document (pixels from its top left). */
  place(top: number, left: number): void;
  remove(): void;
}

// Inline and !important: page styles for unknown elements must not move or hide the host, and
// an inline !important declaration beats any rule of the page's style sheets.
const HOST_STYLE =
  'all: initial !important; position: absolute !important; z-index: 2147483647 !important;';

/** How many undos in a second a page may cause before the UI leaves it. */
const FIGHT_BUDGET = 50;
const FIGHT_WINDOW_MS = 1_000;

/**
 * A closed shadow root on its own element: the page's CSS cannot style what is inside, and
 * the page's scripts cannot reach it through `element.shadowRoot`. The page can still change
 * the host's own attributes (fade it to put its own buttons over ours): any change is undone.
 */
export function createUiHost(doc: Document, css: string, now: () => number = Date.now): UiHost {
  const host = doc.createElement(UI_TAG);
  let style = `${HOST_STYLE} top: 0 !important; left: 0 !important;`;
  // A page that changes the host again after every undo would keep both observers running: past
  // a budget, Claimmark's UI leaves the page instead of fighting it.
  let undone: number[] = [];
  const fought = () => {
    const t = now();
    undone = [...undone.filter((u) => t - u < FIGHT_WINDOW_MS), t];
    return undone.length > FIGHT_BUDGET;
  };
  const assert = () => {
    let changed = false;
    for (const name of host.getAttributeNames()) {
      if (name !== 'style') {
        host.removeAttribute(name);
        changed = true;
      }
    }
    if (host.getAttribute('style') !== style) {
      host.setAttribute('style', style);
      changed = true;
    }
    if (changed && fought()) remove();
  };
  assert();
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = doc.createElement('style');
  sheet.textContent = `:host { all: initial; } ${css}`;
  shadow.append(sheet);
  const win = doc.defaultView;
  const observer = win ? new win.MutationObserver(assert) : null;
  observer?.observe(host, { attributes: true });
  doc.documentElement.append(host);
  function remove(): void {
    observer?.disconnect();
    host.remove();
  }
  return {
    host,
    shadow,
    place(top, left) {
      style = `${HOST_STYLE} top: ${String(top)}px !important; left: ${String(left)}px !important;`;
      assert();
    },
    remove,
  };
}

/** True for nodes inside Claimmark's own UI. */
export function isOwnUi(node: Node | null): boolean {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest(UI_TAG) != null;
}
