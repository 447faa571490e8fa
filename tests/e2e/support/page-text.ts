import type { BrowserContext, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a passage is drawn: its bounding box and the boxes of its lines, in the viewport. */
export interface PassageBoxes {
  box: Box;
  /** The passage's client rects, one per line box (and inline element) it crosses. */
  lines: Box[];
  /** The viewport's height, to tell whether a line box is in view. */
  viewportHeight: number;
}

/**
 * Finds `quote` (after `before`, when given) in the page's text, white space matched loosely,
 * scrolls it to the middle of the viewport (unless `scroll` is false), optionally selects it as
 * a reader's drag would, and returns where it is drawn. Runs in the page: it must be
 * self-contained.
 */
export function locatePassage({
  quote,
  before,
  select,
  scroll = true,
}: {
  quote: string;
  before: string;
  select: boolean;
  scroll?: boolean;
}): PassageBoxes {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('script, style')) continue;
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const match = new RegExp(`(${escape(before)})(${escape(quote)})`).exec(text);
  if (!match) throw new Error(`"${quote}" is not on the page`);
  const from = match.index + (match[1]?.length ?? 0);
  const to = from + (match[2]?.length ?? 0);
  const point = (offset: number, end: boolean): [Text, number] => {
    let i = nodes.length - 1;
    while (i > 0 && (end ? (starts[i] ?? 0) >= offset : (starts[i] ?? 0) > offset)) i--;
    return [nodes[i] as Text, offset - (starts[i] ?? 0)];
  };
  const range = document.createRange();
  range.setStart(...point(from, false));
  range.setEnd(...point(to, true));
  // Centre the passage itself, not its paragraph: a paragraph taller than the viewport would
  // leave the passage outside it.
  if (scroll) {
    const first = range.getBoundingClientRect();
    window.scrollBy({ top: first.top + first.height / 2 - innerHeight / 2, behavior: 'instant' });
  }
  if (select) {
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  const plain = (r: DOMRect): Box => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  return {
    box: plain(range.getBoundingClientRect()),
    lines: [...range.getClientRects()].filter((r) => r.width >= 1 && r.height >= 1).map(plain),
    viewportHeight: innerHeight,
  };
}

/**
 * Selects the passage and releases the mouse over it, as a reader ending a drag would. The
 * release goes through the browser's input (a trusted event): Claimmark ignores a mouseup a
 * page's script dispatches.
 */
export async function selectText(page: Page, quote: string, before = ''): Promise<void> {
  const boxes = await page.evaluate(locatePassage, { quote, before, select: true });
  const line = widestLine(boxes);
  await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
  await page.mouse.up();
}

/**
 * The widest of the passage's line boxes, scrolled into view. Pointer actions and pixel checks
 * aim here: every point of a line box is on the passage's text, while the centre of a passage
 * that wraps can fall between its lines (or beside them), wherever fonts and width put the break.
 */
export function widestLine({ lines }: PassageBoxes): Box {
  const widest = lines.reduce<Box | undefined>(
    (w, r) => (w && w.width >= r.width ? w : r),
    undefined,
  );
  if (!widest) throw new Error('the passage has no line box: is it hidden?');
  return widest;
}

/** A point inside the passage's text (the middle of its widest line), scrolled into view. */
export async function pointIn(
  page: Page,
  quote: string,
  before = '',
): Promise<{ x: number; y: number }> {
  const line = widestLine(await page.evaluate(locatePassage, { quote, before, select: false }));
  return { x: line.x + line.width / 2, y: line.y + line.height / 2 };
}

/** Whether the passage's widest line box lies wholly inside the viewport, without scrolling. */
export async function inView(page: Page, quote: string, before = ''): Promise<boolean> {
  const where = await page.evaluate(locatePassage, { quote, before, select: false, scroll: false });
  const line = widestLine(where);
  return line.y >= 0 && line.y + line.height <= where.viewportHeight;
}

/** The passage's widest line box, scrolled into view: what a pixel check should look at. */
export async function lineOf(page: Page, quote: string, before = ''): Promise<Box> {
  return widestLine(await page.evaluate(locatePassage, { quote, before, select: false }));
}

/**
 * Share of the pixels of a base64 PNG that carry a colour tint (neither near-white, grey nor
 * black), decoded by the browser itself, so no image library is needed. Runs in a page.
 */
export async function tintedShareOf(base64: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let tinted = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 18 && Math.max(r, g, b) > 120) tinted++;
  }
  return tinted / (data.length / 4);
}

/** tintedShareOf for a screenshot, in a scratch page of the context. */
export async function tintedShare(context: BrowserContext, png: Buffer): Promise<number> {
  const page = await context.newPage();
  try {
    return await page.evaluate(tintedShareOf, png.toString('base64'));
  } finally {
    await page.close();
  }
}
