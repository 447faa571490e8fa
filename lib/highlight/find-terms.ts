const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ranges of every whole-word occurrence of the terms in the text under `root`, matches may
 * cross inline markup ("Donald <a>Trump</a>"). Longer terms win where terms overlap.
 */
export function findTermRanges(root: Element, terms: string[]): Range[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return [];
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        if (SKIPPED.has(el.tagName)) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const locate = (offset: number, isEnd: boolean): [Text, number] | null => {
    // The last node starting at or before the offset (for an end, strictly before it).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = starts[mid] ?? 0;
      if (isEnd ? start < offset : start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo];
    return node ? [node, offset - (starts[lo] ?? 0)] : null;
  };
  const ranges: Range[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = locate(match.index, false);
    const end = locate(match.index + match[0].length, true);
    if (!start || !end) continue;
    const range = doc.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    ranges.push(range);
  }
  return ranges;
}
