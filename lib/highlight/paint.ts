// The rules Claimmark added to each document, by highlight name. Found again from here rather
// than by an id: an id would name the product to the page.
const added = new WeakMap<Document, Map<string, HTMLStyleElement>>();

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

interface HighlightApi {
  highlights?: HighlightRegistry;
}

type HighlightConstructor = new (...ranges: Range[]) => unknown;

/** True when the browser can paint ranges without touching the page's DOM (CSS Custom Highlight API). */
export function canPaintHighlights(win: Window): boolean {
  const css = (win as unknown as { CSS?: HighlightApi }).CSS;
  return Boolean(css?.highlights) && 'Highlight' in win;
}

/**
 * Adds (once) the rule that gives a named highlight its look (CSS declarations), and adds it
 * again when the page removed it.
 */
export function ensureHighlightStyle(doc: Document, name: string, declarations: string): void {
  let styles = added.get(doc);
  if (!styles) added.set(doc, (styles = new Map<string, HTMLStyleElement>()));
  let style = styles.get(name);
  if (style?.isConnected) return;
  style ??= doc.createElement('style');
  style.textContent = `::highlight(${name}) { ${declarations} }`;
  styles.set(name, style);
  (doc.querySelector('head') ?? doc.documentElement).append(style);
}

/** Paints the ranges under one highlight name, replacing what that name painted before. */
export function paintRanges(win: Window, name: string, ranges: Range[]): boolean {
  if (!canPaintHighlights(win)) return false;
  const css = (win as unknown as { CSS: Required<HighlightApi> }).CSS;
  const Highlight = (win as unknown as { Highlight: HighlightConstructor }).Highlight;
  if (ranges.length === 0) css.highlights.delete(name);
  else css.highlights.set(name, new Highlight(...ranges));
  return true;
}
