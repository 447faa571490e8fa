// Hand-written ancestor checks: selector matching with long attribute-substring lists is the
// costliest DOM call on large pages, and these run for many nodes on every page.

const FOREIGN_TAGS = new Set(['ASIDE', 'NAV', 'FORM']);
const FOREIGN_NAME =
  /comment|related|teaser|recommend|sidebar|widget|promo|news-?feed|newsletter|popular|trending|more-?stories|read-?more|also-?read|further|weitere|footer|breadcrumb/i;
const AUTHOR_NAME = /byline|author|autor|auteur|writer|creator|verfasser/i;
const MAX_DEPTH = 40;

function nameOf(el: Element): string {
  const cls = el.getAttribute('class');
  return cls === null ? el.id : `${cls} ${el.id}`;
}

/** True when an element sits in a region that belongs to other stories or to readers: asides, feeds, comments. */
export function inForeignRegion(el: Element, stopAt?: Element | null): boolean {
  let inArticle = false;
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node === stopAt) return false;
    const tag = node.tagName;
    if (tag === 'ARTICLE') inArticle = true;
    if (FOREIGN_TAGS.has(tag)) return true;
    // An article's own footer (byline, date) is part of it; the page footer is not.
    if (tag === 'FOOTER' && !inArticle && !hasAncestorTag(node, 'ARTICLE')) return true;
    if (tag === 'BODY' || tag === 'MAIN') return false;
    const name = nameOf(node);
    const foreign = FOREIGN_NAME.exec(name);
    if (foreign && !/article|content|entry|post-body|story/i.test(name)) {
      // A block named as a footer inside the article is the article's footer, as a <footer> is.
      const ownFooter =
        /footer/i.test(foreign[0]) && (inArticle || hasAncestorTag(node, 'ARTICLE'));
      if (!ownFooter) return true;
    }
  }
  return false;
}

/** The nearest ancestor-or-self marked as holding an author's name (rel/itemprop author, byline classes). */
export function authorMarked(el: Element, maxDepth = 6): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if ((rel && /\bauthor\b/i.test(rel)) || (itemprop && /\bauthor\b/i.test(itemprop))) return node;
    if (AUTHOR_NAME.test(nameOf(node))) return node;
    const testid = node.getAttribute('data-testid');
    if (testid && /byline/i.test(testid)) return node;
    if (node.tagName === 'ARTICLE' || node.tagName === 'BODY') return null;
  }
  return null;
}

/** True when el has an ancestor-or-self with the given tag name (upper case), within a few levels. */
export function hasAncestorTag(el: Element, tag: string, maxDepth = MAX_DEPTH): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    if (node.tagName === tag) return true;
  }
  return false;
}

/** Elements of the given tag names, in document order per tag, capped. */
export function byTags(root: ParentNode & Node, tags: string[], cap = 500): Element[] {
  const out: Element[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  for (const tag of tags) {
    const list =
      'getElementsByTagName' in root
        ? (root as Element).getElementsByTagName(tag)
        : doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && out.length < cap; i++) {
      const el = list[i];
      if (el) out.push(el);
    }
  }
  return out;
}

const SITE_HEADER = /site|masthead|banner|global|top|logo|brand/i;

/** True when an element sits in the page's own header (the one with the logo and menu), not a story's header. */
export function inSiteHeader(el: Element): boolean {
  let node: Element | null = el.parentElement;
  for (let depth = 0; node && depth < 12; depth++, node = node.parentElement) {
    if (node.tagName === 'ARTICLE' || node.tagName === 'MAIN') return false;
    const banner = node.getAttribute('role') === 'banner';
    if (node.tagName !== 'HEADER' && !banner) continue;
    const name = `${node.getAttribute('class') ?? ''} ${node.id}`;
    return banner || SITE_HEADER.test(name) || node.getElementsByTagName('nav').length > 0;
  }
  return false;
}

/** The nearest ancestor of el that also holds the headline: where the story's own region begins. */
export function storyRegionOf(el: Element, headline: Element | null | undefined): Element | null {
  if (!headline) return null;
  let node: Element | null = el.parentElement;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.contains(headline)) return node;
  }
  return null;
}
