/** Reading author names out of the elements that hold them: bylines, author boxes, lists of authors. */
import { parseByline } from './byline';
import type { SiteHints } from './site';
import { collapse, textOf } from './text';

const MAX_LIST_AUTHORS = 8;
const TOPIC_HREF = /\/(?:tags?|category|categories|kategorie|themen?|topics?)\//i;

/** True inside a link to a tag or category page: a topic set beside the author, not a name. */
export function inTopicLink(el: Element | null | undefined): boolean {
  const link = el?.closest('a');
  if (!link) return false;
  const rel = link.getAttribute('rel') ?? '';
  return (
    /\b(?:tag|category)\b/i.test(`${rel} ${link.getAttribute('class') ?? ''}`) ||
    TOPIC_HREF.test(link.getAttribute('href') ?? '')
  );
}
const BLOCK = /^(?:P|DIV|H[1-6]|LI|BR|DD|DT|TD|TH|SECTION|HEADER|FOOTER|FIGCAPTION|BLOCKQUOTE)$/;

/**
 * An element's text with a " | " where one block ends and the next begins: a name and the role
 * printed on the line under it ("<h4>Jane Doe</h4><p>Redakteurin</p>") must not run together.
 */
function blockText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && depth < 12) {
        const block = BLOCK.test((child as Element).tagName);
        if (block) out += ' | ';
        walk(child, depth + 1);
        if (block) out += ' | ';
      }
    }
  };
  walk(el, 0);
  return collapse(out)
    .replace(/^(?:\|\s*)+|(?:\s*\|)+$/g, '')
    .replace(/\|(?:\s*\|)+/g, '|');
}

/** Reads names from a byline element: its name-marked children, else its own text piece by piece. */
export function namesIn(el: Element, hints: SiteHints): string[] {
  const named = el.querySelectorAll(
    '[itemprop~="name"], [itemprop~="author"], a[rel~="author"], a[href*="author" i], a[href*="autor" i]',
  );
  const names: string[] = [];
  for (let i = 0; i < named.length && i < 10; i++) {
    const link = named[i];
    const credited = /\bauthor\b/i.test(
      `${link?.getAttribute('rel') ?? ''} ${link?.getAttribute('itemprop') ?? ''}`,
    );
    for (const n of parseByline(blockText(link), hints, credited))
      if (!names.includes(n)) names.push(n);
  }
  if (names.length > 0) return names;
  // A list of authors, one per item: each item is a byline of its own.
  const items = el.tagName === 'UL' || el.tagName === 'OL' ? el.children : [];
  for (let i = 0; i < items.length && i < MAX_LIST_AUTHORS; i++) {
    for (const n of parseByline(textOf(items[i]), hints)) if (!names.includes(n)) names.push(n);
  }
  if (names.length > 0) return names;
  if (textOf(el).length > 200) return [];
  // Text nodes joined with breaks, so "Jane Doe" + "Staff Writer" do not run together.
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n && parts.length < 40; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').trim();
    if (t !== '' && !inTopicLink(n.parentElement)) parts.push(t);
  }
  const joined = parseByline(
    parts.join(' | ').replace(/^((?:by|von|par|por|door|autor|author)\s*:?)\s*\|\s*/i, '$1 '),
    hints,
  );
  if (joined.length > 0) return joined;
  // "Post author" | "By Jane Doe": the label and the name in separate pieces. A sentence is the
  // author's biography, whose commas and "und"s would cut it into name-like words.
  for (const part of parts) {
    if (part.split(/\s+/).length > 8 || /\p{L}{2}[.!?]$/u.test(part)) continue;
    const names = parseByline(part, hints);
    if (names.length > 0) return names;
  }
  return [];
}
