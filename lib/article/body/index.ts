import { Readability } from '@mozilla/readability';
import { inForeignRegion } from '../metadata/dom';
import { extractMetadata } from '../metadata/index';
import { collapse, comparable } from '../metadata/text';

/** The article's own text: headline, standfirst, paragraphs and captions, one block per entry. */
export interface ArticleBody {
  text: string;
  paragraphs: string[];
}

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'PRE',
  'DT',
  'DD',
  'TD',
  'CAPTION',
]);
// Author boxes and share bars sit inside the article's container but are not the article.
const NOT_TEXT =
  /author-?(?:card|bio|box|info|profile)|about-?(?:the-)?author|\bbio\b|share|social|newsletter|subscribe|paywall|ad-?slot|advert|signup|cookie/i;
const MAX_ELEMENTS = 20_000;

/** Removes from a cloned document what Readability would otherwise keep: feeds, teasers, comments, author bios. */
function prune(doc: Document): void {
  // XML and text documents have no body, whatever the DOM typings say.
  const body = doc.body as HTMLElement | null;
  if (!body) return;
  const all = body.getElementsByTagName('*');
  const doomed: Element[] = [];
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i];
    if (!el || doomed.some((d) => d.contains(el))) continue;
    const tag = el.tagName;
    if (tag === 'ASIDE' || tag === 'NAV' || tag === 'FORM') {
      doomed.push(el);
      continue;
    }
    const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (name.trim() === '') continue;
    if (NOT_TEXT.test(name) || (inForeignRegion(el, el.parentElement) && el.tagName !== 'BODY'))
      doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

/** Texts of the innermost block elements under root, in document order. */
function blockTexts(root: Node): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (BLOCKS.has(el.tagName) && !hasBlockInside(el)) {
        const text = collapse(el.textContent);
        if (text !== '') out.push(text);
      } else {
        visit(el);
        // A div holding bare text (no block children) is a paragraph too.
        if (!BLOCKS.has(el.tagName) && !hasBlockInside(el) && el.children.length === 0) {
          const text = collapse(el.textContent);
          if (text.length > 40) out.push(text);
        }
      }
    }
  };
  visit(root);
  return out;
}

function hasBlockInside(el: Element): boolean {
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (BLOCKS.has(all[i]?.tagName ?? '')) return true;
  return false;
}

/** Extracts the article's own text with Readability on a pruned clone; the page's DOM is never touched. */
export function extractBody(doc: Document, url: string): ArticleBody | null {
  try {
    const clone = doc.cloneNode(true) as Document;
    prune(clone);
    const parsed = new Readability<Node>(clone, {
      serializer: (node) => node,
      charThreshold: 300,
    }).parse();
    const content = parsed?.content;
    if (!content) return null;
    const paragraphs = blockTexts(content);
    const headline = extractMetadata(doc, url).headline;
    if (headline && !paragraphs.slice(0, 3).some((p) => comparable(p) === comparable(headline)))
      paragraphs.unshift(headline);
    if (paragraphs.length === 0) return null;
    return { text: paragraphs.join('\n\n'), paragraphs };
  } catch {
    return null;
  }
}
