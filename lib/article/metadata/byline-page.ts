/** The byline of a page: structured data, the lines by the headline, author markup, signatures, meta tags. */
import { isBylineLabel, ldAuthorNames, opensByline, parseByline } from './byline';
import { inCredit, outsideStory, signOffName } from './byline-dom';
import { bylineByDate } from './byline-dated';
import { inTopicLink, namesIn } from './byline-names';
import { labelledLineInStory } from './byline-signed';
import { authorMarked } from './dom';
import type { PageSignals } from './signals';
import type { SiteHints } from './site';
import { tokens } from './text';
import type { ZoneText } from './zone';

/** Names printed in author-marked elements within a zone of text near the headline. */
function bylineInZone(
  zone: ZoneText,
  before: number,
  hints: SiteHints,
  anchor: Element | null,
): string[] {
  const seen = new Set<Element>();
  for (const piece of zone.pieces) {
    const marked = authorMarked(piece.el);
    if (!marked || seen.has(marked) || outsideStory(marked, anchor)) continue;
    seen.add(marked);
    const names = namesIn(marked, hints);
    if (names.length > 0) return names;
  }
  // An unmarked "By Jane Doe" / "Von Jane Doe" line, or a lone "By" label with the name in the next
  // piece (a link or an <em>), outside teasers of other stories.
  const pieces = zone.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    let text = piece.text;
    let next = i + 1;
    if (isBylineLabel(text)) {
      if (inTopicLink(pieces[next]?.el)) continue;
      text = `${text} ${pieces[next++]?.text ?? ''}`;
    } else if (!opensByline(text)) continue;
    // Co-authors in pieces of their own: "Von" "Jane Doe" "und" "John Roe".
    for (let k = 0; k < 4; k++) {
      const more = pieces[next]?.text ?? '';
      const joins = /^(?:,|&|and|und|et|y|e)$/i.test(more);
      if (!joins && !/(?:,|&|\s(?:and|und|et|y|e))$/i.test(text)) break;
      text = `${text} ${more}`;
      next++;
      if (joins) {
        text = `${text} ${pieces[next]?.text ?? ''}`;
        next++;
      }
    }
    // Text before the headline may belong to other stories' teasers; text after it is the story's.
    if (text.length >= 120 || (i < before ? outsideStory(piece.el, anchor) : inCredit(piece.el)))
      continue;
    const names = parseByline(text, hints);
    if (names.length > 0) return names;
  }
  return [];
}

/** True when a list of names has every word of another list, and more words. */
function fuller(names: string[], than: string[]): boolean {
  const words = tokens(names.join(' '));
  const fewer = tokens(than.join(' '));
  return words.length > fewer.length && fewer.every((w) => words.includes(w));
}

function visibleText(doc: Document): string {
  const body = doc.body as HTMLElement | null;
  return (body?.textContent ?? '').toLowerCase();
}

// Class names of an author box, matched in code over the page's author-marked elements (already
// queried): attribute-substring selectors are the costliest DOM call on large pages.
const AUTHOR_BOX =
  /author[-_]?(?:meta|box|info|bio|profile|card)|about[-_]?(?:the[-_]?)?author|autorenbox/i;

/**
 * Names in an author box ("author-box", "author-meta", "about-author") among the page's
 * author-marked elements: it names the story's author
 * even where the theme sets it in the sidebar, which the story's own search leaves out with the
 * sidebar's other widgets.
 */
function authorBox(marked: NodeListOf<Element>, hints: SiteHints): string[] {
  let boxes = 0;
  for (let i = 0; i < marked.length && i < 200 && boxes < 5; i++) {
    const el = marked[i];
    const cls = el?.getAttribute('class') ?? '';
    if (!el || !AUTHOR_BOX.test(cls) || /comment|testimonial/i.test(cls)) continue;
    boxes++;
    const names = namesIn(el, hints);
    if (names.length > 0) return names;
  }
  return [];
}

/** The page's byline, from the best witness that names anyone; [] when none does. */
export function bylineOf(
  doc: Document,
  s: PageSignals,
  hints: SiteHints,
  zone: ZoneText | null,
  zoneBefore: number,
  scope: ParentNode,
  anchor: Element | null,
): string[] {
  let body: string | null = null;
  // A meta author counts only when printed by the headline: many sites name their owner (or the
  // page's last editor) in meta tags of every page, and print that name in the footer or the imprint.
  const nearText = zone
    ? zone.pieces
        .map((p) => p.text)
        .join(' ')
        .toLowerCase()
    : '';
  const printed = (names: string[]): string[] =>
    names.filter((n) => nearText.includes(n.toLowerCase()));
  const shown = (names: string[]): string[] => {
    body ??= visibleText(doc);
    const text = body;
    return names.filter((n) => text.includes(n.toLowerCase()));
  };
  const fromLd = s.article
    ? ldAuthorNames(s.article.author ?? s.article.creator, s.jsonLd, hints, false)
    : [];
  const inZone = zone ? bylineInZone(zone, zoneBefore, hints, anchor) : [];
  if (fromLd.length > 0) {
    const visible = shown(fromLd);
    // The printed byline wins when it holds all the structured names and more: JSON-LD often
    // carries only the first author, or a first name ("Todd" where the page prints "Todd Bates").
    if (visible.length > 0) return fuller(inZone, visible) ? inZone : visible;
  }
  if (inZone.length > 0) return inZone;
  // Author-marked elements anywhere in the story, then on the page, outside comments and feeds:
  // the page's own markup is a better witness than meta tags.
  const selector =
    'a[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [class*="autor" i], [class*="auteur" i]';
  let onPage: NodeListOf<Element> | null = null;
  for (const root of scope === doc ? [doc] : [scope, doc]) {
    const marked = root.querySelectorAll(selector);
    if (root === doc) onPage = marked;
    for (let i = 0; i < marked.length && i < 30; i++) {
      const el = marked[i];
      if (!el || outsideStory(el, anchor) || /comment|avatar/i.test(el.getAttribute('class') ?? ''))
        continue;
      const names = namesIn(el, hints);
      if (names.length > 0) return names;
    }
  }
  if (zone) {
    const dated = bylineByDate(zone.pieces.slice(zoneBefore), hints);
    if (dated.length > 0) return dated;
  }
  if (anchor) {
    const signed = labelledLineInStory(doc, anchor, scope, hints);
    if (signed.length > 0) return signed;
  }
  const signOff = signOffName(scope, anchor, hints);
  if (signOff.length > 0) return signOff;
  const boxed = onPage ? authorBox(onPage, hints) : [];
  if (boxed.length > 0) return boxed;
  for (const key of [
    'author',
    'article:author',
    'dc.creator',
    'byl',
    'parsely-author',
    'sailthru.author',
    'citation_author',
    'dcterms.creator',
  ]) {
    for (const value of s.meta.get(key) ?? []) {
      const names = printed(parseByline(value, hints));
      if (names.length > 0) return names;
    }
  }
  return [];
}
