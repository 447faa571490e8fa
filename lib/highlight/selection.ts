import { RECORD_LIMITS } from '../model/limits';
import { isOwnUi } from './ui-host';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

function insideEditable(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(EDITABLE) != null;
}

/**
 * The reader's selection as a Range, when it is something Claimmark can annotate: page text
 * (not form fields, editors or our own UI), not empty, not absurdly long. Null otherwise.
 */
export function annotatableSelection(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const text = range.toString();
  if (text.trim() === '' || text.length > RECORD_LIMITS.quote) return null;
  const body = doc.body as HTMLElement | null;
  if (!body?.contains(range.commonAncestorContainer)) return null;
  if (insideEditable(range.startContainer) || insideEditable(range.endContainer)) return null;
  if (isOwnUi(range.commonAncestorContainer)) return null;
  return range.cloneRange();
}
