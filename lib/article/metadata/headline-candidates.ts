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
  /** In a wrapper named like a sidebar or teaser: maybe the story's own heading, maybe not. */
  doubtful?: boolean;
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
    list.push({ el, penalty, floor });
  };
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0; i < h1s.length && i < 30; i++) {
    const h = h1s[i];
    if (h) push(h, 0);
  }
  // Blogs often keep <h1> for the site name and put the post title in an h2; an h2 marked as a
  // title is trusted like an h1, any other h2 only when it nearly repeats a declared title.
  const h2s = doc.getElementsByTagName('h2');
  for (let i = 0; i < h2s.length && i < 200 && list.length < 90; i++) {
    const h = h2s[i];
    if (!h) continue;
    if (marked(h, /title|headline/i)) push(h, 0.02);
    else push(h, 0.05, 0.85);
  }
  const h3s = doc.getElementsByTagName('h3');
  for (let i = 0; i < h3s.length && i < 200 && list.length < 90; i++) {
    const h = h3s[i];
    if (h && marked(h, /entry-title|post-title/i)) push(h, 0.2);
  }
  const itemprops = doc.querySelectorAll('[itemprop~="headline"]');
  for (let i = 0; i < itemprops.length && i < 10; i++) {
    const el = itemprops[i];
    if (el && el.tagName !== 'META') push(el, 0.02);
  }
  return list.filter((cand) => {
    const { el } = cand;
    const t = textOf(el);
    if (t.length < 2 || t.length > MAX_HEADLINE) return false;
    const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (isHidden(el) || isKicker(el) || LOGO_NAME.test(name)) return false;
    if (!inForeignRegion(el)) return true;
    // Inside an aside, a nav or a form it belongs to something else. A wrapper merely named like
    // one ("layout-two-col-sidebar-right", "figure.teaser") does not rule out the story's own
    // heading, but then it must repeat the title closely.
    if (surelyForeign(el)) return false;
    cand.penalty += 0.1;
    cand.floor = Math.max(cand.floor, 0.9);
    cand.doubtful = true;
    return true;
  });
}

const FOREIGN_TAGS = new Set(['ASIDE', 'NAV', 'FORM', 'FOOTER']);
const FOREIGN_NAME = /breadcrumb|newsletter|comment|related|recommend/i;

/** In an aside, nav, form or footer, or in a wrapper named for breadcrumbs, newsletters, comments or other stories. */
function surelyForeign(el: Element): boolean {
  for (let node = el.parentElement; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (FOREIGN_TAGS.has(node.tagName)) return true;
    if (FOREIGN_NAME.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

function marked(h: Element, cls: RegExp): boolean {
  return (
    /\bheadline\b/i.test(h.getAttribute('itemprop') ?? '') ||
    cls.test(h.getAttribute('class') ?? '') ||
    h.querySelector('a[rel="bookmark"]') !== null
  );
}
