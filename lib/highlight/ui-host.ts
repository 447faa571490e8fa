/** The element that holds Claimmark's in-page UI, excluded from page text and anchoring. */
export const UI_TAG = 'claimmark-ui';

/** Claimmark's own element in a page, and the closed shadow root its UI lives in. */
export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  remove(): void;
}

/**
 * A closed shadow root on its own element: the page's CSS cannot style what is inside, and
 * the page's scripts cannot reach it through `element.shadowRoot`.
 */
export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement(UI_TAG);
  // Inline and !important: page styles for unknown elements must not move or hide the host.
  host.setAttribute(
    'style',
    'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;',
  );
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; } ${css}`;
  shadow.append(style);
  doc.documentElement.append(host);
  return { host, shadow, remove: () => host.remove() };
}

/** True for nodes inside Claimmark's own UI. */
export function isOwnUi(node: Node | null): boolean {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest(UI_TAG) != null;
}
