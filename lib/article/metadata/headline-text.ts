import { collapse, comparable, textOf, tokens } from './text';

// Parts of a heading that are not the headline: a kicker above it, or text only screen readers get.
const KICKER_CLASS = /kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke/i;
const HIDDEN_CLASS = /element-invisible|visually-hidden|visuallyhidden|sr-only|screen-reader/i;

/** Text without ruby annotations (the readings printed above Japanese characters). */
function withoutRuby(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'RT' && tag !== 'RP') out += n.nodeValue ?? '';
  }
  return collapse(out);
}

/** The heading's text without a kicker child marked as such and without screen-reader-only text. */
export function headingText(heading: Element): string {
  const text =
    heading.getElementsByTagName('rt').length > 0 ? withoutRuby(heading) : textOf(heading);
  let drop = false;
  for (const child of heading.children) {
    const cls = child.getAttribute('class') ?? '';
    if (KICKER_CLASS.test(cls) || HIDDEN_CLASS.test(cls)) drop = true;
  }
  if (!drop) return text;
  let kept = '';
  for (const node of heading.childNodes) {
    const cls = node.nodeType === 1 ? ((node as Element).getAttribute('class') ?? '') : '';
    if (KICKER_CLASS.test(cls) || HIDDEN_CLASS.test(cls)) continue;
    kept += ` ${node.textContent ?? ''}`;
  }
  kept = collapse(kept);
  return tokens(kept).length >= 2 ? kept : text;
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
      if (comparable(textOf(child)) === c) return textOf(child);
    }
    if (plain.endsWith(c) && c.length >= plain.length * 0.5) {
      const tail = text.slice(text.length - claim.length).trim();
      return comparable(tail) === c ? tail : claim;
    }
  }
  return text;
}
