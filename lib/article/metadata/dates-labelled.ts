import { findDatesInText, formatDate } from './dates';
import { inUndatedItem } from './dates-line';
import { inForeignRegion, storyRegionOf } from './dom';

// Words that label a story's publication date, in the languages the web writes most: the label
// says what the date is, wherever the page's layout puts it (a foot line, an info box).
// A signature ("Submitted by X on …", "Autor: X am …") dates the story as well. Intl has no such
// words, so they are listed; updates are left out on purpose.
const PUBLISHED_LABEL =
  /(?:published|posted|submitted by|publication date|gespeichert von|eingereicht von|auth?or:|veröffentlicht|publiziert|erschienen|erstellt|geschrieben|publié|mise? en ligne|publicad[oa]|fecha de publicación|pubblicat[oa]|postado|gepubliceerd|geplaatst|opublikowan[oy]|data publikacji|опубликован[оа]?|опубліковано|yayınlan(?:dı|ma tarihi)|yayın tarihi|publikováno|zveřejněno|publikované|megjelent|közzétéve|publicera[dt]|udgivet|publisert|julkaistu|publicat|δημοσιεύ(?:θηκε|τηκε|ση)|objavljeno|diterbitkan|dipublikasikan|ngày đăng|đăng ngày|inilathala|nai-post|公開日|投稿日|掲載日|发布时间|发布日期|發佈|发表于|입력|게시|تاريخ النشر|نشر في|تاریخ انتشار|פורסם|เผยแพร่)/iu;
// A label that says only "Date", set apart as the key of a key-value list (a story's info box:
// "<strong>Date</strong> 26.05.2018 <strong>Author</strong> …"). In running text the word means
// too many things to count, so it counts only as a whole text node of its own.
const BARE_DATE_LABEL =
  /^\s*(?:date|datum|fecha|data|tarih|dátum|päivämäärä|dato|дата|日付|日期|날짜)\s*:?\s*$/iu;
// What may stand between the label and the date: "am", "on", "le", a colon, a weekday, a name.
const LABEL_REACH = 40;
const MAX_TEXT_NODES = 5_000;
const SHOW_TEXT = 4;
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** A date a publication label announces, and where it sits. */
interface Labelled {
  day: string;
  /** Outside the story's own region: an aside, a teaser, a footer. */
  foreign: boolean;
  /** In a region that dates something else: the page's footer, or a teaser of another page. */
  elsewhere: boolean;
  /** Announced by a bare "Date" key rather than a word that says "published". */
  bare: boolean;
}

// Readers' comments carry "posted on" dates of their own, whatever else the page holds.
const COMMENTS = /comment|kommentar|respond|reply|disqus/i;
// What a site's footer holds and a story's foot line does not: the legal links (a story's own
// foot line may carry its copyright, so "©" alone says nothing).
const SITE_FOOTER_TEXT =
  /impressum|datenschutz|privacy|imprint|mentions légales|aviso legal|note legali|terms of (?:use|service)|cookie/i;
// A teaser is a small block: a heading, a line of text, a date, a link.
const TEASER_CHARS = 300;
// A block whose links to other pages make up a quarter of its text or more is such a teaser.
const TEASER_LINK_SHARE = 4;

function inComments(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (COMMENTS.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

/** True inside a <footer> outside any article, or a footer-named block that holds the site's legal links. */
function inPageFooter(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (node.tagName === 'ARTICLE' || node.tagName === 'MAIN') return false;
    if (node.tagName === 'FOOTER') return true;
    if (/footer/i.test(`${node.getAttribute('class') ?? ''} ${node.id}`))
      return SITE_FOOTER_TEXT.test(node.textContent);
  }
  return false;
}

/** The address without its fragment, for telling links to this page from links to others. */
function withoutHash(href: string): string {
  const at = href.indexOf('#');
  return at < 0 ? href : href.slice(0, at);
}

/**
 * True when the small block around el is mostly a link to another page: a teaser of another
 * story ("<li><a>Spring sale</a> Posted on May 3, 2019</li>"), not a story's foot line that
 * carries a link among its facts ("… Erschienen am: 01.11.2023 · Lizenzen").
 */
function inTeaser(el: Element): boolean {
  const self = withoutHash(el.ownerDocument.URL);
  let block: Element = el;
  while (block.parentElement && block.parentElement.textContent.length <= TEASER_CHARS)
    block = block.parentElement;
  const total = block.textContent.replace(/\s+/g, '').length;
  let linked = 0;
  const links = block.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 20; i++) {
    const a = links[i];
    const href = a?.getAttribute('href');
    if (!a || !href || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) continue;
    try {
      if (withoutHash(new URL(href, self).href) === self) continue;
    } catch {
      continue;
    }
    linked += a.textContent.replace(/\s+/g, '').length;
  }
  return linked * TEASER_LINK_SHARE >= total && linked > 0;
}

/**
 * Every date a publication label announces in scope, in page order, outside links and comments;
 * those outside the story's region only when asked for, as reading them costs more.
 */
function* labelledDates(
  scope: ParentNode,
  lang: string | null,
  now: number,
  headline: Element | null | undefined,
  withForeign: boolean,
): Generator<Labelled> {
  const doc = scope.ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope, SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    // Script data can be megabytes of JSON: never run the label pattern over it.
    if (UNSHOWN.has(node.parentElement?.tagName ?? '')) continue;
    const text = node.nodeValue ?? '';
    const named = PUBLISHED_LABEL.exec(text);
    const label = named ?? (BARE_DATE_LABEL.test(text) ? [text] : null);
    if (!label) continue;
    const el = node.parentElement;
    if (!el || el.closest('a, script, style') || inUndatedItem(el) || inComments(el)) continue;
    const foreign = inForeignRegion(el, storyRegionOf(el, headline));
    if (foreign && !withForeign) continue;
    // The date may follow in the same text or in the next elements ("<b>Published:</b> <span>…").
    let tail = text.slice(text.indexOf(label[0]) + label[0].length);
    while (tail.length < LABEL_REACH * 2) {
      const next = walker.nextNode();
      if (!next) break;
      tail += ` ${next.nodeValue ?? ''}`;
    }
    walker.currentNode = node;
    const first = findDatesInText(tail.slice(0, LABEL_REACH * 2), lang, now)[0];
    if (!first || first.index > LABEL_REACH) continue;
    yield {
      day: formatDate(first.parts),
      foreign,
      elsewhere: foreign && (inPageFooter(el) || inTeaser(el)),
      bare: named === null,
    };
  }
}

/**
 * The first date in scope that a publication label announces ("Veröffentlicht am 6. August
 * 2009", "Posted on …", "Publié le …"), outside comments, teasers, asides and links to other pages.
 */
export function labelledDate(
  scope: ParentNode,
  lang: string | null,
  now: number,
  headline?: Element | null,
): string | null {
  for (const found of labelledDates(scope, lang, now, headline, false)) return found.day;
  return null;
}

/**
 * A labelled date anywhere on the page: the first in the story's own region, wherever the page
 * put that region (a header apart from the story's <article>); else the page's one labelled day,
 * when every label outside it names the same day, as a story's info box or foot line named like
 * a sidebar or a footer does, while a list of other stories labels many days. There a word that
 * says "published" must name it (a bare "Date" key is as often an event's or a document's), and
 * the page's footer and teasers that link to other pages do not count.
 */
export function pageLabelledDate(
  doc: Document,
  lang: string | null,
  now: number,
  headline: Element | null,
): string | null {
  // Read on after two days disagree: a label in the story's own region may still follow.
  let sole: string | null = null;
  let several = false;
  let named = false;
  for (const found of labelledDates(doc, lang, now, headline, true)) {
    if (!found.foreign) return found.day;
    if (found.elsewhere) continue;
    several ||= sole !== null && found.day !== sole;
    sole = found.day;
    named ||= !found.bare;
  }
  return named && !several ? sole : null;
}
