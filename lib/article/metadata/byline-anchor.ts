/** Where a story starts when no heading matches its headline: the anchor the byline search starts from. */
import { byTags } from './dom';
import { textOf, tokens } from './text';

/**
 * A heading that holds the whole headline with more words around it, or only part of it (a
 * headline taken from a title with a subtitle, or a heading with a kicker): it still shows where the
 * story starts, which is all the byline search needs.
 */
export function looseAnchor(doc: Document, headline: string | null): Element | null {
  if (!headline) return null;
  const words = tokens(headline);
  if (words.length < 3) return null;
  for (const el of byTags(doc, ['h1', 'h2', 'h3'], 150)) {
    const own = tokens(textOf(el));
    if (own.length < 3) continue;
    if (words.every((w) => own.includes(w)) || own.every((w) => words.includes(w))) return el;
  }
  return null;
}

const NO_ANCHOR = new Set(['SCRIPT', 'STYLE', 'TITLE', 'A', 'NAV', 'OPTION', 'SELECT', 'BUTTON']);

/**
 * On a page with no headings at all (old table layouts, page builders), the innermost element that
 * shows the headline and little else: the byline is printed next to it as on any other page.
 */
export function textAnchor(doc: Document, headline: string | null): Element | null {
  const body = doc.body as HTMLElement | null;
  if (!headline || !body) return null;
  const words = tokens(headline);
  if (words.length < 3) return null;
  // Text nodes, not elements: only a small element around a text node is ever measured.
  const walker = doc.createTreeWalker(body, 4);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 20000; node = walker.nextNode(), seen++) {
    const el = node.parentElement;
    if (!el || (node.nodeValue ?? '').trim().length < 8 || el.childElementCount > 12) continue;
    if (NO_ANCHOR.has(el.tagName) || el.closest('a, nav')) continue;
    const text = textOf(el);
    if (text.length > 250) continue;
    const own = tokens(text);
    const holds = words.every((w) => own.includes(w)) && own.length <= words.length + 4;
    const part =
      own.length >= Math.max(3, Math.ceil(words.length * 0.6)) &&
      own.every((w) => words.includes(w));
    if (holds || part) return el;
  }
  return null;
}
