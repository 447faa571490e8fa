import type { ArticleMetadata } from '../types';
import { parseHttpUrl } from '../../page/normalize-url';
import {
  isBylineLabel,
  ldAuthorNames,
  opensByline,
  opensWithRoleLabel,
  parseByline,
} from './byline';
import { claimedModified, markedDate } from './dates-page';
import { publishedDate } from './dates-published';
import { chooseHeadline } from './headline';
import { isObject, resolve, stringProp, typesOf } from './jsonld';
import { firstMeta } from './meta';
import type { PageSignals } from './signals';
import { readSignals } from './signals';
import type { SiteHints } from './site';
import { brandOf, hostKeyOf } from './site';
import { collapse, textOf, tokenF1, tokens } from './text';
import { authorMarked, byTags } from './dom';
import { outsideStory, signOffName } from './byline-dom';
import { bylineByDate } from './byline-dated';
import { zoneAround, type ZoneText } from './zone';

export { readSignals } from './signals';
export type { PageSignals } from './signals';

/** Options for extractMetadata; `now` bounds dates (nothing later than now is a publication date). */
export interface MetadataOptions {
  now?: number;
  signals?: PageSignals;
}

const EMPTY: ArticleMetadata = {
  headline: null,
  byline: [],
  siteName: null,
  published: null,
  modified: null,
  language: null,
  canonicalUrl: null,
  description: null,
};

const MAX_DESCRIPTION = 1_000;

/** Normalises a language tag: "de_DE" → "de-DE", "EN" → "en"; null when it is not a tag. */
export function normaliseLanguage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const tag = (raw.split(/[,;]/)[0] ?? '').trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [lang, ...rest] = tag.split('-');
  return [
    lang?.toLowerCase() ?? '',
    ...rest.map((r) =>
      r.length === 2
        ? r.toUpperCase()
        : r.length === 4
          ? r.charAt(0).toUpperCase() + r.slice(1).toLowerCase()
          : r.toLowerCase(),
    ),
  ].join('-');
}

function languageOf(doc: Document, s: PageSignals): string | null {
  const root = doc.documentElement as Element | null;
  return (
    normaliseLanguage(root?.getAttribute('lang')) ??
    normaliseLanguage(root?.getAttribute('xml:lang')) ??
    normaliseLanguage(firstMeta(s.meta, 'content-language')) ??
    normaliseLanguage(firstMeta(s.meta, 'og:locale', 'language', 'dc.language')) ??
    normaliseLanguage(stringProp(s.article, 'inLanguage'))
  );
}

function siteNameOf(s: PageSignals): string | null {
  const og = firstMeta(s.meta, 'og:site_name');
  if (og) return collapse(og);
  const publisher = resolve(s.article?.publisher, s.jsonLd);
  const pubName = isObject(publisher) ? stringProp(publisher, 'name') : null;
  if (pubName) return collapse(pubName);
  const site = s.jsonLd.nodes.find((n) => typesOf(n).includes('WebSite'));
  const siteName = stringProp(site, 'name');
  if (siteName) return collapse(siteName);
  const app = firstMeta(s.meta, 'application-name', 'apple-mobile-web-app-title');
  return app ? collapse(app) : null;
}

function canonicalOf(doc: Document, s: PageSignals, url: string): string | null {
  const base = parseHttpUrl(url)?.toString();
  let link: string | null = null;
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length && i < 200 && link === null; i++) {
    const el = links[i];
    if (el && /(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? ''))
      link = el.getAttribute('href');
  }
  for (const raw of [link, firstMeta(s.meta, 'og:url')]) {
    if (!raw) continue;
    const parsed = parseHttpUrl(raw, base);
    if (parsed) return parsed.toString();
  }
  return null;
}

function descriptionOf(s: PageSignals): string | null {
  const raw = firstMeta(
    s.meta,
    'description',
    'og:description',
    'twitter:description',
    'dc.description',
  );
  if (!raw) return null;
  const text = collapse(raw);
  return text === '' ? null : text.slice(0, MAX_DESCRIPTION);
}

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
    if (text.length >= 120 || (i < before && outsideStory(piece.el, anchor))) continue;
    const names = parseByline(text, hints);
    if (names.length > 0) return names;
  }
  return [];
}

const MAX_LIST_AUTHORS = 8;
const TOPIC_HREF = /\/(?:tags?|category|categories|kategorie|themen?|topics?)\//i;

/** True inside a link to a tag or category page: a topic set beside the author, not a name. */
function inTopicLink(el: Element | null | undefined): boolean {
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
function namesIn(el: Element, hints: SiteHints): string[] {
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

const FACT_LABEL =
  /^\W*(?:titel|title|originaltitel|verlag|publisher|seiten|pages|isbn|genre|preis|price|format|erschienen)\b/i;

/** True when a line sits between lines of a book's or product's fact sheet. */
function factSheet(line: Element): boolean {
  const near = [line.previousElementSibling, line.nextElementSibling];
  return near.some((el) => el !== null && FACT_LABEL.test(textOf(el)));
}

const ROLE_NOUN = /^(?:autor(?:in|en)?|authors?|verfasser(?:in)?)\s+\S/iu;
const FULL_NAME =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:von|van|de|der|zu)\s+)?\p{Lu}[\p{L}'’.-]+){1,3}$/u;

/** True when a "Von …"/"By …" line names people by their full names and nothing else. */
function signsAsPerson(line: string, hints: SiteHints): boolean {
  const names = parseByline(line, hints);
  // Every word after the "Von" is a name's, but for the "und"s between the names.
  const words = tokens(line).length - 1;
  return (
    names.length > 0 &&
    names.every((n) => FULL_NAME.test(n)) &&
    tokens(names.join(' ')).length + names.length - 1 >= words
  );
}

/**
 * A labelled credit line anywhere in the story ("Text: Jane Doe", "Autorin: Jane Doe, Leiterin …"):
 * many pages sign the story at its end rather than under the headline. Only a short line of its
 * own counts, so a "von" inside running prose is not taken for a byline.
 */
function labelledLineInStory(
  doc: Document,
  anchor: Element,
  scope: ParentNode,
  hints: SiteHints,
): string[] {
  const pieces = zoneAround(doc, anchor, { after: 40000, before: 0, maxNodes: 4000 }).after.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece || (scope !== doc && !scope.contains(piece.el))) continue;
    let text = piece.text;
    // A bare "Von"/"By", or a role noun without its colon ("Autoren Jane Doe und John Roe"),
    // counts only as a line of its own that holds nothing but full names.
    const roleNoun = ROLE_NOUN.test(text) && !opensByline(text);
    const bare = !opensWithRoleLabel(text) || roleNoun;
    if (bare && !roleNoun && !isBylineLabel(text) && !opensByline(text)) continue;
    if (isBylineLabel(text)) text = `${text} ${pieces[i + 1]?.text ?? ''}`;
    else if (!opensByline(text) && !roleNoun) continue;
    const line = piece.el.closest('p, li, td, dd, h2, h3, h4, h5, h6, div') ?? piece.el;
    if (bare && (textOf(line) !== collapse(text) || !signsAsPerson(text, hints))) continue;
    // An "Interview:" label names the guest, a link is a teaser of another story, and an
    // "Autorin:" between "Titel:" and "Verlag:" is a book's author in a review's fact sheet.
    if (/^\W*interview/i.test(text) || piece.el.closest('a') || factSheet(line)) continue;
    if (textOf(line).length > 90 || outsideStory(piece.el, anchor)) continue;
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
    if (!el || !AUTHOR_BOX.test(cls) || /comment/i.test(cls)) continue;
    boxes++;
    const names = namesIn(el, hints);
    if (names.length > 0) return names;
  }
  return [];
}

function bylineOf(
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
    'a[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [class*="autor" i]';
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

function mainScope(doc: Document, headline: Element | null): ParentNode {
  for (let el = headline; el; el = el.parentElement) {
    if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN' || el.getAttribute('role') === 'main')
      return el;
  }
  return doc.getElementsByTagName('article')[0] ?? doc.getElementsByTagName('main')[0] ?? doc;
}

/** The element showing the headline when it was taken from a claim: a heading with the same words. */
function findAnchor(doc: Document, headline: string | null): Element | null {
  if (!headline) return null;
  for (const el of byTags(doc, ['h1', 'h2', 'h3'], 150)) {
    if (tokenF1(textOf(el), headline) >= 0.8) return el;
  }
  return null;
}

/**
 * A heading that holds the whole headline with more words around it, or only part of it (a
 * headline taken from a title with a subtitle, or a heading with a kicker): it still shows where the
 * story starts, which is all the byline search needs.
 */
function looseAnchor(doc: Document, headline: string | null): Element | null {
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
function textAnchor(doc: Document, headline: string | null): Element | null {
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

/** Reads headline, byline, dates, site name, language, canonical URL and description; never throws. */
export function extractMetadata(
  doc: Document,
  url: string,
  options: MetadataOptions = {},
): ArticleMetadata {
  try {
    return extract(doc, url, options);
  } catch {
    return { ...EMPTY, byline: [] };
  }
}

function extract(doc: Document, url: string, options: MetadataOptions): ArticleMetadata {
  const now = options.now ?? Date.now();
  const s = options.signals ?? readSignals(doc);
  const language = languageOf(doc, s);
  const siteName = siteNameOf(s);
  const hints: SiteHints = { siteName, hostKey: hostKeyOf(url), brand: brandOf(doc) };
  const titleEl = doc.querySelector('title');
  const choice = chooseHeadline(
    doc,
    {
      jsonLd: stringProp(s.article, 'headline') ?? stringProp(s.article, 'name'),
      og: firstMeta(s.meta, 'og:title'),
      twitter: firstMeta(s.meta, 'twitter:title'),
      title: titleEl ? textOf(titleEl) : null,
    },
    hints,
  );
  const anchor = choice.element ?? findAnchor(doc, choice.text);
  const zones = anchor ? zoneAround(doc, anchor, { after: 600, before: 250 }) : null;
  const scope = mainScope(doc, anchor);
  const published = publishedDate(doc, url, s, { anchor, zones, scope, language, now });
  let modified = claimedModified(s, language, now) ?? markedDate(scope, 'modified', language, now);
  if (modified && published && modified.slice(0, 10) < published.slice(0, 10)) modified = null;
  // With no headline element found, the page's first main heading still shows where the byline
  // sits; on a page whose only title is the site's name (no headline at all), its first h2 does.
  const bylineAnchor =
    anchor ??
    looseAnchor(doc, choice.text) ??
    doc.getElementsByTagName('h1')[0] ??
    textAnchor(doc, choice.text) ??
    (choice.text === null ? (doc.getElementsByTagName('h2')[0] ?? null) : null);
  const bylineZones =
    zones ?? (bylineAnchor ? zoneAround(doc, bylineAnchor, { after: 600, before: 250 }) : null);
  const zoneForByline: ZoneText | null = bylineZones
    ? { pieces: [...bylineZones.before.pieces, ...bylineZones.after.pieces] }
    : null;
  return {
    headline: choice.text,
    byline: bylineOf(
      doc,
      s,
      hints,
      zoneForByline,
      bylineZones?.before.pieces.length ?? 0,
      anchor ? scope : mainScope(doc, bylineAnchor),
      bylineAnchor,
    ),
    siteName,
    published,
    modified,
    language,
    canonicalUrl: canonicalOf(doc, s, url),
    description: descriptionOf(s),
  };
}
