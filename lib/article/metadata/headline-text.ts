import { collapse, comparable, textOf, tokens } from './text';

// Elements whose text the reader never sees as words of the heading: ruby readings above Japanese
// characters, and style sheets that CSS-in-JS frameworks render inside the heading itself.
const UNSEEN_TAGS = new Set(['RT', 'RP', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
// Lines printed with the headline but not part of it: a kicker above it, a subtitle or a dateline
// below it, a forum's prefix label, and Bootstrap's <small> secondary text.
const SECONDARY_TAGS = new Set(['SMALL', 'TIME']);
const KICKER_CLASS =
  /kicker|dachzeile|overline|topline|toptitle|highline|eyebrow|roofline|spitzmarke|strapline|subline|sub-?head|sub-?title/i;
const SECONDARY_CLASS = /small|\b(?:label|badge)\b/i;
const HIDDEN_CLASS =
  /element-invisible|visually-hidden|visuallyhidden|sr-only|screen-reader|aural/i;
const BREAK_TAGS = new Set(['BR', 'DIV', 'P', 'LI']);
const SEPARATOR_ONLY = /^\s*[-\u2013\u2014:|\u00b7\u2022/]\s*$/;
// A date printed before the headline in the same heading ("23.01.2022 - Wierer darf jubeln").
const LEADING_DATE =
  /^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})\s*[-\u2013\u2014|:\u00b7\u2022]\s*/;

/** True when an element's text is out of sight: for screen readers only, or hidden from everyone. */
function unseen(el: Element): boolean {
  return HIDDEN_CLASS.test(el.getAttribute('class') ?? '') || el.hasAttribute('hidden');
}

/** True when a heading is out of sight, or kept from screen readers as a visual duplicate. */
export function isHidden(el: Element): boolean {
  return unseen(el) || el.getAttribute('aria-hidden') === 'true';
}

/** True when an element is marked as a kicker or subtitle printed with a headline rather than the headline. */
export function isKicker(el: Element): boolean {
  return KICKER_CLASS.test(el.getAttribute('class') ?? '');
}

function isSecondary(el: Element): boolean {
  return (
    SECONDARY_TAGS.has(el.tagName) ||
    isKicker(el) ||
    SECONDARY_CLASS.test(el.getAttribute('class') ?? '')
  );
}

function visibleText(el: Element, dropSecondary: boolean, top: boolean): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (UNSEEN_TAGS.has(child.tagName)) continue;
    // A separator hidden from screen readers ends a kicker printed on its own line above the headline.
    if (top && dropSecondary && child.getAttribute('aria-hidden') === 'true') {
      if (SEPARATOR_ONLY.test(child.textContent)) out = '';
      continue;
    }
    // aria-hidden text is still seen (decoration, a visual copy of the words): only unseen text goes.
    if (unseen(child) || (dropSecondary && isSecondary(child))) continue;
    const inner = visibleText(child, dropSecondary, false);
    out += BREAK_TAGS.has(child.tagName) ? ` ${inner} ` : inner;
  }
  return out;
}

/** The heading's visible text without a kicker, subtitle or label printed in it, and without a leading date. */
export function headingText(heading: Element): string {
  let text = textOf(heading);
  if (heading.firstElementChild !== null) {
    const full = collapse(visibleText(heading, false, true));
    const kept = collapse(visibleText(heading, true, true));
    text = tokens(kept).length >= 2 ? kept : full;
  }
  const date = LEADING_DATE.exec(text);
  if (date && tokens(text.slice(date[0].length)).length >= 2) text = text.slice(date[0].length);
  return text;
}

/**
 * The headline without a kicker printed in the same heading ("Interne Unterlagen im Netz Daten von
 * Rheinmetall gehackt"): when a child element, or the heading's tail, is exactly what the page
 * claims as its title, that part is the headline.
 */
export function withoutKicker(heading: Element, claims: string[]): string {
  const text = headingText(heading);
  const plain = comparable(text);
  for (const claim of claims) {
    const c = comparable(claim);
    if (c === plain || tokens(c).length < 2) continue;
    for (const child of heading.children) {
      // A kicker or subtitle may repeat another claim (og:title written for social media).
      if (!isSecondary(child) && comparable(textOf(child)) === c) return textOf(child);
    }
    const share = c.length / plain.length;
    if (plain.endsWith(c) && (share >= 0.5 || (share >= 0.3 && tokens(c).length >= 3))) {
      const tail = text.slice(text.length - claim.length).trim();
      return comparable(tail) === c ? tail : claim;
    }
  }
  return text;
}
