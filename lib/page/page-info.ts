import type { PageReport } from '../model';
import { parseHttpUrl } from './normalize-url';

const MAX_TITLE = 500;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function canonicalOf(doc: Document, base: string): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:url" i][content]');
  for (const raw of [link?.getAttribute('href'), og?.getAttribute('content')]) {
    if (!raw) continue;
    const url = parseHttpUrl(raw, base);
    if (url) return url.toString();
  }
  return null;
}

/** The part of a page report every http(s) page has. */
export type PageBasics = Omit<PageReport, 'article'>;

/** Reads the address, title and canonical link of a page; null for pages that are not http(s). */
export function readPageInfo(doc: Document, pageUrl: string): PageBasics | null {
  const url = parseHttpUrl(pageUrl);
  if (!url) return null;
  return {
    url: url.toString(),
    title: collapse(doc.title).slice(0, MAX_TITLE),
    canonicalUrl: canonicalOf(doc, url.toString()),
  };
}
