import { parseByline } from './byline';
import { inForeignRegion } from './dom';
import type { SiteHints } from './site';
import { collapse } from './text';

// Regions that hold other stories or readers' words. Layout wrappers often carry these words too
// ("one-sidebar", "has-widgets", "postfooter"), so they only count below the story's own container.
const FOREIGN_TAGS = new Set(['ASIDE', 'NAV', 'FORM']);
const FOREIGN_NAME =
  /comment|related|teaser|recommend|testimonial|sidebar|widget|promo|news-?feed|newsletter|popular|trending|more-?stories|read-?more|also-?read|further|weitere|breadcrumb|disqus|discussion|replies|recirc|more-?from|you-?may|next-?(?:article|post|story)|prev(?:ious)?-?(?:article|post|story)|most-?read|latest-?(?:news|posts|articles)|top-?stories|outbrain|taboola/i;
// A picture's caption or credit names the photographer ("Photo by Jane Doe on Unsplash").
const CREDIT_NAME =
  /(?:photo|image|img|video|bild|foto)[-_]?(?:credit|caption|source|copyright)|wp-caption/i;
// Names of a box of other stories or of customers' words, even when they say "article"
// ("relatedArticle", "teaser-article", "testimonial-author").
const OTHER_STORIES =
  /related[-_]?(?:article|post|stor|content|entr)|(?:article|post|story)[-_]?teaser|teaser[-_]?(?:article|post|stor)|testimonial/i;
const STORY_NAME = /article|content|entry|post-body|story|byline|author/i;
// A post's own footer ("entry-footer", "post-footer", a footer inside the article) carries its byline.
const OWN_FOOTER = /post|entry|article|story/i;
const MAX_DEPTH = 40;

function nameOf(el: Element): string {
  const cls = el.getAttribute('class');
  return cls === null ? el.id : `${cls} ${el.id}`;
}

/**
 * True inside a picture's caption or credit, or a quoted or embedded post: their "By" names the
 * photographer or the quoted post's author, not the story's.
 */
export function inCredit(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    const tag = node.tagName;
    if (tag === 'FIGCAPTION' || tag === 'BLOCKQUOTE' || CREDIT_NAME.test(nameOf(node))) return true;
  }
  return false;
}

/**
 * True inside a link that holds much more than the byline: a teaser card linking to another story
 * (its headline, its summary and its author), not a link to the author's profile.
 */
function inTeaserLink(el: Element): boolean {
  const link = el.closest('a');
  if (!link) return false;
  const own = collapse(el.textContent).length;
  return collapse(link.textContent).length > own + 40;
}

/**
 * True when a byline candidate sits in a region of other stories, comments or site chrome. With a
 * headline, the walk stops at the first ancestor that also holds the headline: from there up the
 * wrappers belong to the story's page, whatever their class names say.
 */
export function outsideStory(el: Element, headline: Element | null): boolean {
  if (inCredit(el) || inTeaserLink(el)) return true;
  if (!headline) return inForeignRegion(el);
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.contains(headline)) return false;
    if (FOREIGN_TAGS.has(node.tagName)) return true;
    const name = nameOf(node);
    if (FOREIGN_NAME.test(name) && (!STORY_NAME.test(name) || OTHER_STORIES.test(name)))
      return true;
    if (
      (node.tagName === 'FOOTER' || /footer/i.test(name)) &&
      !OWN_FOOTER.test(name) &&
      !node.parentElement?.closest('article')
    )
      return true;
  }
  return false;
}

const EMPHASIS = 'b, strong, em, i';
// A sign-off is a name alone: two to four capitalised words, perhaps with particles or initials.
const SIGN_OFF =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:von|van|de|der|den|di|da|du|la|le|zu)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** The element holding most of the story's paragraphs: its last paragraphs end the story. */
function storyBody(scope: ParentNode): Element | null {
  let best: Element | null = null;
  let most = 2;
  const paragraphs = scope.querySelectorAll('p');
  const counts = new Map<Element, number>();
  for (let i = 0; i < paragraphs.length && i < 400; i++) {
    const parent = paragraphs[i]?.parentElement;
    if (!parent) continue;
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    if (n > most) {
      most = n;
      best = parent;
    }
  }
  return best;
}

/**
 * A name set alone in bold or italics as the story's last line ("<p><b>Jane Doe</b></p>", or
 * "…<br><em>Jane Doe</em>" closing the last paragraph): many blogs and small newsrooms sign their
 * stories that way instead of printing a byline. Only the last paragraph with text counts, and only
 * when the emphasis holds all of the line, so a bold lead-in or a photo credit in prose is not taken.
 */
export function signOffName(scope: ParentNode, anchor: Element | null, hints: SiteHints): string[] {
  const body = storyBody(scope);
  if (!body) return [];
  // Walk back from the end: a huge page must not cost a pass over every block.
  let last = body.lastElementChild;
  while (last && collapse(last.textContent) === '') last = last.previousElementSibling;
  if (!last || last.tagName !== 'P' || outsideStory(last, anchor)) return [];
  const emphasized = last.querySelectorAll(EMPHASIS);
  const tail = emphasized[emphasized.length - 1];
  if (!tail) return [];
  const name = collapse(tail.textContent);
  const line = collapse(last.textContent);
  // The name is the whole paragraph, or the paragraph's last line after a break.
  const alone =
    line === name ||
    (line.endsWith(name) && tail.previousElementSibling?.tagName === 'BR' && !tail.nextSibling);
  if (!alone || !SIGN_OFF.test(name)) return [];
  const names = parseByline(name, hints);
  return names.length === 1 && names[0] === name ? names : [];
}
