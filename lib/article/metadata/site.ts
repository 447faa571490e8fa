import { comparable } from './text';

/** What is known about the site's own name, for telling it apart from a story's headline. */
export interface SiteHints {
  siteName: string | null;
  /** The text of the link to the site's home page (its logo), when it has one. */
  brand?: string | null;
  /** The registrable part of the host without "www." and the TLD, letters and digits only: "kyivindependent". */
  hostKey: string;
}

// Accents dropped too: host names are written without them ("larepublica" for "La República").
const compact = (text: string): string =>
  comparable(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Derives the host key from a page URL ("https://www.spiegel.de/x" → "spiegel"). */
export function hostKeyOf(url: string): string {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  const labels = host.replace(/^www\d?\./, '').split('.');
  // Drop the TLD, and a second-level like co.uk / com.au.
  if (labels.length > 1) labels.pop();
  if (labels.length > 1 && /^(co|com|org|net|gov|ac|or|ne)$/.test(labels[labels.length - 1] ?? ''))
    labels.pop();
  return compact(labels[labels.length - 1] ?? '');
}

/** The visible name of the home-page link (a logo's text or alt), which names the site. */
export function brandOf(doc: Document): string | null {
  // The logo link sits in the page header: the first few hundred links are enough.
  const anchors = doc.getElementsByTagName('a');
  let link: Element | null = null;
  for (let i = 0; i < anchors.length && i < 300 && !link; i++) {
    const a = anchors[i];
    if (a && (a.getAttribute('href') === '/' || /\bhome\b/i.test(a.getAttribute('rel') ?? '')))
      link = a;
  }
  if (!link) return null;
  const text = (link.textContent || link.querySelector('img')?.getAttribute('alt') || '').trim();
  return text.length >= 2 && text.length <= 60 ? text : null;
}

/** True when a name is exactly the site's name or host: a stricter test for bylines, since bloggers name sites after themselves. */
export function isSiteName(text: string, hints: SiteHints): boolean {
  const c = compact(text);
  if (c === '') return true;
  return [hints.siteName, hints.brand].some((s) => s && compact(s) === c) || c === hints.hostKey;
}

/** True when a piece of text names the site (its brand or host), not a story. */
export function isSiteLike(text: string, hints: SiteHints): boolean {
  const c = compact(text);
  if (c === '') return true;
  // A bare domain name ("chadim.net", "FASSETTE.NET") names a site.
  if (
    /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|de|at|ch|info|io|co|uk|eu|fr|it|es|nl|be|biz|me|tv)$/iu.test(
      text.trim(),
    )
  )
    return true;
  if (hints.siteName) {
    const s = compact(hints.siteName);
    if (
      s !== '' &&
      (c === s ||
        (c.length >= 4 && s.includes(c)) ||
        (s.length >= 4 && c.includes(s) && c.length <= s.length + 12))
    ) {
      return true;
    }
  }
  if (hints.brand) {
    const b = compact(hints.brand);
    if (b.length >= 3 && c === b) return true;
  }
  const h = hints.hostKey;
  if (h.length >= 3) {
    if (c === h || c === `${h}de` || c === `${h}com`) return true;
    if (c.length >= 4 && h.includes(c)) return true;
    if (h.length >= 5 && c.includes(h) && c.length <= h.length + 16) return true;
  }
  return false;
}
