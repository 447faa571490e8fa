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

/** A date a publication label announces, and whether it sits outside the story's own region. */
interface Labelled {
  day: string;
  foreign: boolean;
  /** In the page's own footer, which dates the site or the page template, not a story. */
  pageFooter: boolean;
  /** Announced by a bare "Date" key rather than a word that says "published". */
  bare: boolean;
}

// Readers' comments carry "posted on" dates of their own, whatever else the page holds.
const COMMENTS = /comment|kommentar|respond|reply|disqus/i;

// A page footer sits at the top of the layout, a few levels under <body>; a story's or a
// review's foot line ("rez_footer") sits deep inside the content column.
const PAGE_FOOTER_DEPTH = 3;

/** True inside a <footer> outside any article, or a footer-named block near the top of the page. */
function inPageFooter(el: Element): boolean {
  const chain: Element[] = [];
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement)
    chain.push(node);
  if (chain.some((n) => n.tagName === 'ARTICLE' || n.tagName === 'MAIN')) return false;
  return chain.some(
    (n, i) =>
      n.tagName === 'FOOTER' ||
      (chain.length - i <= PAGE_FOOTER_DEPTH &&
        /footer/i.test(`${n.getAttribute('class') ?? ''} ${n.id}`)),
  );
}

function inComments(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (COMMENTS.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

/** Every date a publication label announces in scope, in page order, outside links and comments. */
function* labelledDates(
  scope: ParentNode,
  lang: string | null,
  now: number,
  headline: Element | null | undefined,
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
    if (!el || el.closest('a, script, style') || inUndatedItem(el)) continue;
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
    if (inComments(el)) continue;
    yield {
      day: formatDate(first.parts),
      foreign: inForeignRegion(el, storyRegionOf(el, headline)),
      pageFooter: inPageFooter(el),
      bare: named === null,
    };
  }
}

/**
 * The first date on the page that a publication label announces ("Veröffentlicht am 6. August
 * 2009", "Posted on …", "Publié le …"), outside comments, teasers, asides and links to other pages.
 */
export function labelledDate(
  scope: ParentNode,
  lang: string | null,
  now: number,
  headline?: Element | null,
): string | null {
  for (const found of labelledDates(scope, lang, now, headline)) {
    if (!found.foreign) return found.day;
  }
  return null;
}

/**
 * The page's one labelled day, when every label on it names the same day, wherever it sits: a
 * story's info box or foot line is often named like a sidebar or a footer, while a list of other
 * stories labels many days. A word that says "published" must name it: a bare "Date" key outside
 * the story is as often an event's or a document's. The page's own footer does not count.
 */
export function soleLabelledDate(doc: Document, lang: string | null, now: number): string | null {
  let sole: string | null = null;
  let named = false;
  for (const found of labelledDates(doc, lang, now, null)) {
    if (found.pageFooter) continue;
    if (sole !== null && found.day !== sole) return null;
    sole = found.day;
    named ||= !found.bare;
  }
  return named ? sole : null;
}
