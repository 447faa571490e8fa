import { getDomain } from 'tldts-experimental';
import { collapseWhitespace } from '../anchoring/fold';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { REVIEWED_STATUSES, type ExportSettings } from '../model/settings';
import { isOrganizationByline } from './csl';

// schema.org ClaimReview, the form fact-checks are published and exchanged in (Google's Fact
// Check Explorer, the Duke Reporters' Lab, Meedan Check's importer). Field by field in
// docs/export-format.md, "ClaimReview".

/** A JSON-LD node. */
type Node = Record<string, unknown>;

/** A claim left out of the export, or exported with less than recommended, and why. */
export interface ClaimReviewIssue {
  /** The note's id. */
  id: string;
  /** The claim's text, as the reader marked it (shortened). */
  quote: string;
  /** Required fields it lacks: the claim is left out. */
  missing: string[];
  /** Recommended fields it lacks: the claim is exported all the same. */
  lacking: string[];
}

/** The ClaimReview export: the JSON-LD document, and the report on the claims. */
export interface ClaimReviewExport {
  document: { '@context': 'https://schema.org'; '@graph': Node[] };
  /** Claims with a status other than "unverified". */
  claims: number;
  issues: ClaimReviewIssue[];
}

const QUOTE_IN_REPORT = 120;

// A piece ending like this is not a sentence's end: initials ("U.S.", "J."), titles, "No.", "vs.".
const ABBREVIATION =
  /(?:\b(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|No|Nos|Vol|vs|etc|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$/u;

function sentences(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

/**
 * The claim as a ClaimReview states it: the reader's quote with its white space collapsed, cut
 * to its first sentence (marked "…") when the reader took in more than one.
 */
export function claimSentence(quote: string): string {
  const text = collapseWhitespace(quote);
  const all = sentences(text);
  // The segmenter ends a sentence at "U.S." or "Mr.": such a piece runs on into the next.
  let first = all[0] ?? text;
  let at = 1;
  while (at < all.length && ABBREVIATION.test(first)) first = `${first} ${all[at++] ?? ''}`;
  return at >= all.length ? text : `${first} …`;
}

/** True when `url` is published on the reviewer's own site (same registrable domain). */
function onReviewerSite(url: string, reviewerUrl: string | null): boolean {
  if (reviewerUrl === null) return false;
  const site = (u: string) => {
    try {
      const host = new URL(u).hostname;
      return getDomain(host) ?? host;
    } catch {
      return null;
    }
  };
  const theirs = site(reviewerUrl);
  return theirs !== null && site(url) === theirs;
}

function reviewerNode(settings: ExportSettings): Node | null {
  const { url } = settings.reviewer;
  const name = collapseWhitespace(settings.reviewer.name);
  const organization = collapseWhitespace(settings.reviewer.organization);
  const link = url === null ? {} : { url };
  if (organization !== '') return { '@type': 'Organization', name: organization, ...link };
  if (name !== '') return { '@type': 'Person', name, ...link };
  return null;
}

function appearance(
  url: string,
  article: ArticleRecord | undefined,
): { node: Node; lacking: string[] } {
  const meta = article?.facts?.metadata ?? null;
  const lacking: string[] = [];
  const node: Node = { '@type': 'CreativeWork', url: article?.canonicalUrl ?? url };
  const headline = meta?.headline ?? (article?.title || null);
  if (headline) node.headline = headline;
  else lacking.push('itemReviewed.appearance.headline');
  if (meta && meta.byline.length > 0) {
    node.author = meta.byline.map((name) => ({
      '@type': isOrganizationByline(name) ? 'Organization' : 'Person',
      name,
    }));
  } else lacking.push('itemReviewed.appearance.author');
  if (meta?.siteName) node.publisher = { '@type': 'Organization', name: meta.siteName };
  else lacking.push('itemReviewed.appearance.publisher');
  if (meta?.published) node.datePublished = meta.published;
  else lacking.push('itemReviewed.appearance.datePublished');
  return { node, lacking };
}

/**
 * One ClaimReview per claim whose status is not "unverified" (pure). A claim lacking a required
 * field (the reviewer, until the reader names one) is left out and listed in `issues`, as is one
 * lacking a recommended field (then exported all the same).
 */
export function buildClaimReviews(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  settings: ExportSettings,
): ClaimReviewExport {
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const author = reviewerNode(settings);
  const graph: Node[] = [];
  const issues: ClaimReviewIssue[] = [];
  type Reviewed = AnnotationRecord & { status: (typeof REVIEWED_STATUSES)[number] };
  const claims = annotations.filter(
    (a): a is Reviewed =>
      a.kind === 'claim' && (REVIEWED_STATUSES as readonly (string | null)[]).includes(a.status),
  );
  for (const claim of claims) {
    const rating = settings.ratings[claim.status];
    const { node: work, lacking } = appearance(claim.articleUrl, byUrl.get(claim.articleUrl));
    const missing = author === null ? ['author'] : [];
    const own = claim.evidence.find((link) => onReviewerSite(link, settings.reviewer.url));
    if (own === undefined) lacking.push('url');
    if (missing.length > 0 || lacking.length > 0) {
      const quote = collapseWhitespace(claim.quote);
      issues.push({
        id: claim.id,
        quote: quote.length > QUOTE_IN_REPORT ? `${quote.slice(0, QUOTE_IN_REPORT - 1)}…` : quote,
        missing,
        lacking,
      });
    }
    if (author === null) continue;
    graph.push({
      '@type': 'ClaimReview',
      ...(own === undefined ? {} : { url: own }),
      claimReviewed: claimSentence(claim.quote),
      itemReviewed: { '@type': 'Claim', appearance: work },
      author,
      reviewRating: {
        '@type': 'Rating',
        alternateName: rating.label,
        ratingValue: rating.value,
        bestRating: 5,
        worstRating: 1,
      },
      datePublished: claim.modifiedAt.slice(0, 10),
    });
  }
  return {
    document: { '@context': 'https://schema.org', '@graph': graph },
    claims: claims.length,
    issues,
  };
}
