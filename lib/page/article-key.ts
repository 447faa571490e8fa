import type { PageReport } from '../model';
import { normalizeUrl, parseHttpUrl } from './normalize-url';

const MIRROR_PREFIX = /^(?:www|m|mobile|amp)\./;

function siteOf(host: string): string {
  return host.toLowerCase().replace(MIRROR_PREFIX, '');
}

/** True when a canonical link stays on the page's own site (or a sub- or parent domain of it). */
export function isTrustedCanonical(pageUrl: string, canonicalUrl: string): boolean {
  const page = parseHttpUrl(pageUrl);
  const canonical = parseHttpUrl(canonicalUrl);
  if (!page || !canonical) return false;
  const a = siteOf(page.hostname);
  const b = siteOf(canonical.hostname);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * The key an article is stored under: its canonical URL when the page names one on its own
 * site (so AMP, mobile and newsletter copies meet), else the page URL; normalised.
 */
export function articleKey(report: PageReport): string | null {
  if (report.canonicalUrl && isTrustedCanonical(report.url, report.canonicalUrl)) {
    const key = normalizeUrl(report.canonicalUrl);
    if (key) return key;
  }
  return normalizeUrl(report.url);
}
