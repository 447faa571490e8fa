import { inForeignRegion } from './dom';
import { MAX_HEADLINE } from './headline-title';
import { isHidden, isKicker } from './headline-text';
import { textOf } from './text';

/** A heading that may be the headline, with how far to trust it. */
export interface Candidate {
  el: Element;
  /** Subtracted from its agreement: an h1 is the headline more often than an h2, an h2 than an h3. */
  penalty: number;
  /** The least agreement that makes it the headline. */
  floor: number;
}

// The site's own name or logo set as a heading: never a story's headline.
const LOGO_NAME = /\blogo\b|site-?title|site-?name|site-?branding|brand-?name/i;

/** The page's h1s, its h2s, h3s marked as post titles and itemprop="headline" elements, minus those that cannot be the headline. */
export function headingCandidates(doc: Document): Candidate[] {
  const list: Candidate[] = [];
  const seen = new Set<Element>();
  const push = (el: Element, penalty: number, floor = 0.6): void => {
    if (seen.has(el)) return;
    seen.add(el);
    const t = textOf(el);
    if (t.length < 2 || t.length > MAX_HEADLINE) return;
    const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (isHidden(el) || isKicker(el) || LOGO_NAME.test(name)) return;
    list.push({ el, penalty, floor });
  };
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0, n = Math.min(h1s.length, 30); i < n; i++) {
    const h = h1s[i];
    if (h) push(h, 0);
  }
  // Blogs often keep <h1> for the site name and put the post title in an h2; an h2 marked as a
  // title is trusted like an h1, any other h2 only when it nearly repeats a declared title.
  const h2s = doc.getElementsByTagName('h2');
  for (let i = 0, n = Math.min(h2s.length, 200); i < n && list.length < 90; i++) {
    const h = h2s[i];
    if (!h) continue;
    if (marked(h, /title|headline/i)) push(h, 0.02);
    else push(h, 0.05, 0.85);
  }
  const h3s = doc.getElementsByTagName('h3');
  for (let i = 0, n = Math.min(h3s.length, 200); i < n && list.length < 90; i++) {
    const h = h3s[i];
    if (h && marked(h, /entry-title|post-title/i)) push(h, 0.2);
  }
  const itemprops = doc.querySelectorAll('[itemprop~="headline"]');
  for (let i = 0, n = Math.min(itemprops.length, 10); i < n; i++) {
    const el = itemprops[i];
    if (el && el.tagName !== 'META') push(el, 0.02);
  }
  return list;
}

function marked(h: Element, cls: RegExp): boolean {
  return (
    /\bheadline\b/i.test(h.getAttribute('itemprop') ?? '') ||
    cls.test(h.getAttribute('class') ?? '') ||
    h.querySelector('a[rel="bookmark"]') !== null
  );
}

/**
 * Where a heading sits. Inside an aside, nav, form or footer, or a box of breadcrumbs, newsletters,
 * comments or other stories, it belongs to something else ("foreign"). A wrapper merely named like
 * a sidebar or teaser ("layout-two-col-sidebar-right", "figure.teaser") leaves it "doubtful": it may
 * still be the story's own heading. Walked only for headings that could win, it is not cheap.
 */
export function placement(el: Element): 'main' | 'doubtful' | 'foreign' {
  if (!inForeignRegion(el)) return 'main';
  for (let node = el.parentElement; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (FOREIGN_TAGS.has(node.tagName)) return 'foreign';
    if (FOREIGN_NAME.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return 'foreign';
  }
  return 'doubtful';
}

const FOREIGN_TAGS = new Set(['ASIDE', 'NAV', 'FORM', 'FOOTER']);
const FOREIGN_NAME =
  /breadcrumb|newsletter|comment|related|recommend|news-?feed|popular|trending|more-?stories|also-?read|read-?more/i;
