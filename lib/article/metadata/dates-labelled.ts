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
  const doc = scope.ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope, SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    // Script data can be megabytes of JSON: never run the label pattern over it.
    if (UNSHOWN.has(node.parentElement?.tagName ?? '')) continue;
    const text = node.nodeValue ?? '';
    const label = PUBLISHED_LABEL.exec(text) ?? (BARE_DATE_LABEL.test(text) ? [text] : null);
    if (!label) continue;
    const el = node.parentElement;
    if (!el || el.closest('a, script, style') || inUndatedItem(el)) continue;
    if (inForeignRegion(el, storyRegionOf(el, headline))) continue;
    // The date may follow in the same text or in the next elements ("<b>Published:</b> <span>…").
    let tail = text.slice(text.indexOf(label[0]) + label[0].length);
    while (tail.length < LABEL_REACH * 2) {
      const next = walker.nextNode();
      if (!next) break;
      tail += ` ${next.nodeValue ?? ''}`;
    }
    walker.currentNode = node;
    const first = findDatesInText(tail.slice(0, LABEL_REACH * 2), lang, now)[0];
    if (first && first.index <= LABEL_REACH) return formatDate(first.parts);
  }
  return null;
}
