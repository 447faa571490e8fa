/** A run of visible text near the headline, with the element each piece came from. */
export interface ZoneText {
  /** Text pieces in document order, already trimmed. */
  pieces: { text: string; el: Element }[];
}

const SHOW_TEXT = 4;
const SKIPPED = new Set([
  'TITLE',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'BUTTON',
  'SELECT',
  'OPTION',
  'svg',
]);

function usable(node: Node): Element | null {
  const parent = node.parentElement;
  if (!parent || SKIPPED.has(parent.tagName)) return null;
  return parent;
}

/** Collects visible text after (and a little before) an anchor element, bounded by characters and nodes. */
export function zoneAround(
  doc: Document,
  anchor: Element,
  limits: { after: number; before: number; maxNodes?: number },
): { before: ZoneText; after: ZoneText } {
  const maxNodes = limits.maxNodes ?? 120;
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_TEXT);
  const after: ZoneText = { pieces: [] };
  const before: ZoneText = { pieces: [] };
  // Text inside the anchor itself is the headline: start after its last text node.
  walker.currentNode = anchor;
  let chars = 0;
  let seen = 0;
  for (
    let node = walker.nextNode();
    node && chars < limits.after && seen < maxNodes;
    node = walker.nextNode()
  ) {
    seen++;
    if (anchor.contains(node)) continue;
    const el = usable(node);
    const text = (node.nodeValue ?? '').trim();
    if (!el || text === '') continue;
    after.pieces.push({ text, el });
    chars += text.length;
  }
  walker.currentNode = anchor;
  chars = 0;
  seen = 0;
  for (
    let node = walker.previousNode();
    node && chars < limits.before && seen < maxNodes;
    node = walker.previousNode()
  ) {
    seen++;
    const el = usable(node);
    const text = (node.nodeValue ?? '').trim();
    if (!el || text === '') continue;
    before.pieces.unshift({ text, el });
    chars += text.length;
  }
  return { before, after };
}

/** Joins a zone's pieces into one string, remembering where each piece starts. */
export function joinZone(zone: ZoneText): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const piece of zone.pieces) {
    if (text !== '') text += ' \n ';
    starts.push(text.length);
    text += piece.text;
  }
  return { text, starts };
}
