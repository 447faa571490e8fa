/**
 * "Thin" variants of a page, as a script-rendered story looks before its body loads, or a
 * paywalled one to a reader without access: the article body cut to its first paragraph, or
 * emptied. The body is found without Claimmark's own detector (which these variants test): the
 * element whose paragraphs (<p>) hold the most text, else the element with the most text of its own.
 */

/** How a page is thinned: kept whole, body cut to its first paragraph, or body emptied. */
export type Variant = 'full' | 'cut' | 'empty';

const MIN_BODY = 300;

function bodyParagraphs(doc: Document): ChildNode[] {
  const byParent = new Map<Element, Element[]>();
  const chars = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
    chars.set(parent, (chars.get(parent) ?? 0) + p.textContent.trim().length);
  }
  let best: Element | null = null;
  for (const [parent, n] of chars) if (n > (best ? (chars.get(best) ?? 0) : 0)) best = parent;
  if (best && (chars.get(best) ?? 0) >= MIN_BODY) return byParent.get(best) ?? [];
  // A story set in <div>s or with <br> lines: its text nodes are the paragraphs.
  let owner: Element | null = null;
  let most = 0;
  const body = doc.body as HTMLElement | null;
  for (const el of body?.querySelectorAll('*') ?? []) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue;
    let own = 0;
    for (const n of el.childNodes) if (n.nodeType === 3) own += (n.textContent ?? '').trim().length;
    if (own > most) [owner, most] = [el, own];
  }
  if (!owner || most < MIN_BODY) return [];
  return [...owner.childNodes].filter(
    (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
  );
}

/**
 * A function that thins a parsed page in place to a variant; the body is found once, on the
 * whole page, so the variants can be applied one after another (full, cut, empty).
 */
export function pageThinner(doc: Document): (variant: Variant) => void {
  const paragraphs = bodyParagraphs(doc);
  return (variant) => {
    if (variant === 'full') return;
    for (const p of variant === 'cut' ? paragraphs.slice(1) : paragraphs) p.remove();
  };
}
