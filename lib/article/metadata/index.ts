import type { ArticleMetadata } from '../types';
import { parseHttpUrl } from '../../page/normalize-url';
import { looseAnchor, textAnchor } from './byline-anchor';
import { bylineOf } from './byline-page';
import { claimedModified, markedDate } from './dates-page';
import { publishedDate } from './dates-published';
import { chooseHeadline } from './headline';
import { isObject, resolve, stringProp, typesOf } from './jsonld';
import { firstMeta } from './meta';
import type { PageSignals } from './signals';
import { readSignals } from './signals';
import type { SiteHints } from './site';
import { brandOf, hostKeyOf } from './site';
import { collapse, comparable, textOf, tokenF1, tokens } from './text';
import { byTags } from './dom';
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
  // Some templates set the story's headline in a lower heading; only the same words count there,
  // and not a one-word title ("Kontakt"), which any box on the page may carry as its heading.
  const words = comparable(headline);
  if (tokens(headline).length < 2) return null;
  for (const el of byTags(doc, ['h4', 'h5', 'h6'], 150)) {
    if (comparable(textOf(el)) === words && !el.closest('a, nav, aside, footer')) return el;
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
  // With no headline element found, the page's first main heading still shows where the byline
  // and the date line sit; on a page whose only title is the site's name (no headline at all), its first h2 does.
  const bylineAnchor =
    anchor ??
    looseAnchor(doc, choice.text) ??
    doc.getElementsByTagName('h1')[0] ??
    textAnchor(doc, choice.text) ??
    (choice.text === null ? (doc.getElementsByTagName('h2')[0] ?? null) : null);
  const bylineZones =
    zones ?? (bylineAnchor ? zoneAround(doc, bylineAnchor, { after: 600, before: 250 }) : null);
  const published = publishedDate(doc, url, s, {
    anchor,
    zones,
    loose:
      !anchor && bylineAnchor && bylineZones ? { anchor: bylineAnchor, zones: bylineZones } : null,
    scope,
    language,
    now,
  });
  let modified = claimedModified(s, language, now) ?? markedDate(scope, 'modified', language, now);
  if (modified && published && modified.slice(0, 10) < published.slice(0, 10)) modified = null;
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
