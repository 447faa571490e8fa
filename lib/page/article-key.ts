import { getDomain } from 'tldts-experimental';
import type { PageReport } from '../model';
import { normalizeUrl, parseHttpUrl } from './normalize-url';

/**
 * The site a host belongs to: its registrable domain by the Public Suffix List, in tldts'
 * compact build (see the README): `bbc.co.uk` for `www.bbc.co.uk`, while `amp.co.uk` is a site
 * of its own. Private suffixes count, so one blog on a shared host cannot speak for another.
 * Hosts without one (an IP address, `localhost`) are their own site.
 */
function siteOf(host: string): string {
  const name = host.toLowerCase();
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

const MIRROR_PREFIX = /^(?:www|m|mobile|amp)\./;

/** The same host after its mirror prefix, or a host and one of its sub- or parent domains. */
function related(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(MIRROR_PREFIX, '');
  const y = b.toLowerCase().replace(MIRROR_PREFIX, '');
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/**
 * True when a canonical link stays on the page's own site: the same registrable domain by the
 * Public Suffix List, and the same host up to a mirror prefix or a sub- or parent domain. Both,
 * because platforms that host many writers under one domain (a newsletter host, a blog host)
 * are mostly not on the list: `evil.substack.com` may not speak for `victim.substack.com`.
 */
export function isTrustedCanonical(pageUrl: string, canonicalUrl: string): boolean {
  const page = parseHttpUrl(pageUrl);
  const canonical = parseHttpUrl(canonicalUrl);
  if (!page || !canonical) return false;
  return (
    siteOf(page.hostname) === siteOf(canonical.hostname) &&
    related(page.hostname, canonical.hostname)
  );
}

/**
 * The canonical link worth keeping for a page: its own when trusted (see isTrustedCanonical),
 * else null. A page must not be able to send the reader elsewhere from the library.
 */
export function trustedCanonical(pageUrl: string, canonicalUrl: string | null): string | null {
  return canonicalUrl !== null && isTrustedCanonical(pageUrl, canonicalUrl) ? canonicalUrl : null;
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
