import { inForeignRegion } from './dom';

// Regions that hold other stories or readers' words. Layout wrappers often carry these words too
// ("one-sidebar", "has-widgets", "postfooter"), so they only count below the story's own container.
const FOREIGN_TAGS = new Set(['ASIDE', 'NAV', 'FORM']);
const FOREIGN_NAME =
  /comment|related|teaser|recommend|sidebar|widget|promo|news-?feed|newsletter|popular|trending|more-?stories|read-?more|also-?read|further|weitere|breadcrumb/i;
const STORY_NAME = /article|content|entry|post-body|story|byline|author/i;
// A post's own footer ("entry-footer", "post-footer", a footer inside the article) carries its byline.
const OWN_FOOTER = /post|entry|article|story/i;
const MAX_DEPTH = 40;

function nameOf(el: Element): string {
  const cls = el.getAttribute('class');
  return cls === null ? el.id : `${cls} ${el.id}`;
}

/**
 * True when a byline candidate sits in a region of other stories, comments or site chrome. With a
 * headline, the walk stops at the first ancestor that also holds the headline: from there up the
 * wrappers belong to the story's page, whatever their class names say.
 */
export function outsideStory(el: Element, headline: Element | null): boolean {
  if (!headline) return inForeignRegion(el);
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.contains(headline)) return false;
    if (FOREIGN_TAGS.has(node.tagName)) return true;
    const name = nameOf(node);
    if (FOREIGN_NAME.test(name) && !STORY_NAME.test(name)) return true;
    if (
      (node.tagName === 'FOOTER' || /footer/i.test(name)) &&
      !OWN_FOOTER.test(name) &&
      !node.parentElement?.closest('article')
    )
      return true;
  }
  return false;
}
