/** The element that carries a highlight where the CSS Custom Highlight API is missing. */
export const MARK_TAG = 'claimmark-mark';

const TEXT_NODE = 3;
const SHOW_TEXT = 4;

function textNodesIn(range: Range): Text[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  // Numeric constants: Node and NodeFilter are not globals outside a window (tests, workers).
  if (root.nodeType === TEXT_NODE) return [root as Text];
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) nodes.push(n as Text);
  }
  return nodes;
}

/** A wrapped highlight: restyle it in place, or put the page's text back as it was. */
export interface Wrapped {
  restyle(css: string): void;
  unwrap(): void;
}

function importantStyle(css: string): string {
  const declarations = css
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => `${d} !important`);
  return ['all: unset !important', ...declarations].join('; ');
}

/**
 * Wraps the text of a range in inline elements styled with !important inline declarations, which
 * page CSS cannot override, and moves the range onto the wrapped text. The fallback for browsers
 * without the CSS Custom Highlight API.
 */
export function wrapRange(range: Range, css: string): Wrapped {
  const doc = range.startContainer.ownerDocument ?? document;
  const marks: HTMLElement[] = [];
  const { startContainer, startOffset, endContainer, endOffset } = range;
  for (const node of textNodesIn(range)) {
    let piece = node;
    if (piece === endContainer && endOffset < piece.length) piece.splitText(endOffset);
    if (piece === startContainer && startOffset > 0) piece = piece.splitText(startOffset);
    if (piece.data.trim() === '' || piece.parentElement?.closest('script, style, textarea'))
      continue;
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('style', importantStyle(css));
    piece.replaceWith(mark);
    mark.append(piece);
    marks.push(mark);
  }
  const first = marks[0]?.firstChild;
  const last = marks[marks.length - 1]?.firstChild;
  // Moving the text into the marks moved the range's ends; put them back around the text.
  if (first && last) {
    range.setStart(first, 0);
    range.setEnd(last, last.textContent?.length ?? 0);
  }
  return {
    restyle(next) {
      for (const mark of marks) mark.setAttribute('style', importantStyle(next));
    },
    unwrap() {
      for (const mark of marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        mark.replaceWith(...mark.childNodes);
        parent.normalize();
      }
    },
  };
}
