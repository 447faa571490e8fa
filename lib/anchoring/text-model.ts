import { foldText, type FoldedText } from './fold';
import type { TextModelOptions } from './types';

/**
 * The rendered text of a root element: its Text nodes in document order, concatenated, minus
 * subtrees a reader cannot see or select as article text. Built once per anchoring pass and
 * shared by every highlight, because walking the DOM is the expensive part.
 */
export interface TextModel {
  readonly root: Element;
  /** The raw concatenation of the included Text nodes. */
  readonly text: string;
  readonly nodes: readonly Text[];
  /** starts[i]: offset of nodes[i] in `text`; starts[nodes.length] === text.length. */
  readonly starts: Uint32Array;
  /** The folded form of `text` used for matching (fold.ts). */
  readonly folded: FoldedText;
  readonly indexOf: ReadonlyMap<Node, number>;
}

// Element subtrees whose text is not page text: code, styles, fallbacks, form controls' values.
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'IFRAME',
  'OBJECT',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Whether an element's subtree is left out. `hidden` content is not rendered; `aria-hidden`
 * marks decoration (ad slots, icons, duplicated labels) whose text changes between page loads
 * and would only blur the context around highlights. CSS `display: none` is not checked: it
 * needs layout, and lazy-loaded pages toggle it, which would make positions unstable.
 */
function isSkipped(el: Element, options: TextModelOptions): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return options.exclude?.(el) ?? false;
}

/** Walk `root` once and build its text model. */
export function buildTextModel(root: Element, options: TextModelOptions = {}): TextModel {
  const nodes: Text[] = [];
  const parts: string[] = [];
  const startList: number[] = [];
  let length = 0;
  // Iterative walk: article DOMs can be deep enough to make recursion a risk.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      startList.push(length);
      parts.push(data);
      length += data.length;
    } else if (node.nodeType === ELEMENT_NODE) {
      if (node !== root && isSkipped(node as Element, options)) continue;
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  }
  startList.push(length);
  const text = parts.join('');
  const indexOf = new Map<Node, number>();
  nodes.forEach((n, i) => indexOf.set(n, i));
  return {
    root,
    text,
    nodes,
    starts: Uint32Array.from(startList),
    folded: foldText(text),
    indexOf,
  };
}

/** Offset in the model's text of a DOM boundary point (container, offset), as a Range uses them. */
export function pointToOffset(model: TextModel, container: Node, offset: number): number {
  const index = model.indexOf.get(container);
  if (index !== undefined) {
    const start = model.starts[index] as number;
    return start + Math.min(offset, (model.starts[index + 1] as number) - start);
  }
  // The point is on an element or inside a skipped subtree: it sits where the first included
  // Text node at or after it begins. Binary search by document order.
  const probe = model.root.ownerDocument.createRange();
  probe.setStart(container, offset);
  let lo = 0;
  let hi = model.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // comparePoint: -1 when (node, 0) is before the probe's (collapsed) point.
    if (probe.comparePoint(model.nodes[mid] as Node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return model.starts[lo] as number;
}

/**
 * The (Text node, offset) for a text offset. At a boundary between two nodes, a range's start
 * belongs in the later node and its end in the earlier one, so that neither spills over.
 */
export function offsetToPoint(
  model: TextModel,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  const { starts, nodes } = model;
  let lo = 0;
  let hi = nodes.length - 1;
  // Last node whose start is <= offset (start side: the later of two nodes meeting there, past
  // any empty ones) or < offset (end side: the earlier one).
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid] as number;
    if (side === 'start' ? s <= offset : s < offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  return { node, offset: Math.max(0, Math.min(offset - (starts[lo] as number), node.data.length)) };
}

/** A DOM Range over the model's text [start, end). */
export function rangeFromOffsets(model: TextModel, start: number, end: number): Range | null {
  const from = offsetToPoint(model, start, 'start');
  const to = offsetToPoint(model, end, 'end');
  if (!from || !to) return null;
  const range = model.root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The model's text offsets [start, end) that a DOM Range covers. */
export function offsetsFromRange(model: TextModel, range: Range): [number, number] {
  const start = pointToOffset(model, range.startContainer, range.startOffset);
  const end = pointToOffset(model, range.endContainer, range.endOffset);
  return [start, Math.max(start, end)];
}
