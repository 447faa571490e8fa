import { findTermRanges } from './find-terms';
import { ensureHighlightStyle, paintRanges } from './paint';
import { scrollToCenter } from './scroll';

function articleRoot(doc: Document): Element | null {
  return doc.querySelector('article, [itemprop="articleBody"], main') ?? doc.body;
}

/**
 * Marks every mention of the terms in the page's article under the highlight `name` and scrolls
 * to the first; returns how many were painted (0 where the browser cannot paint highlights).
 */
export function markTerms(doc: Document, terms: string[], name: string): number {
  const root = articleRoot(doc);
  const ranges = root ? findTermRanges(root, terms) : [];
  const win = doc.defaultView;
  if (!win) return 0;
  ensureHighlightStyle(doc, name, 'background-color: rgba(255, 196, 61, 0.6); color: inherit;');
  if (!paintRanges(win, name, ranges)) return 0;
  const first = ranges[0]?.startContainer.parentElement;
  if (first) scrollToCenter(first);
  return ranges.length;
}
