import type { ArticleDetection, ArticleMetadata } from '../types';
import { typesOf } from '../metadata/jsonld';
import { firstMeta } from '../metadata/meta';
import type { PageSignals } from '../metadata/signals';
import { readSignals } from '../metadata/signals';
import { hasStoryHeadline } from './headline';
import { proseStats } from './prose';
import { urlHint } from './url';

export { proseStats, type ProseStats } from './prose';

/** Options for detectArticle: reuse signals (and metadata) already read. */
export interface DetectOptions {
  signals?: PageSignals;
  /** The page's metadata: a byline and a date by the headline are the head of a story. */
  metadata?: ArticleMetadata | null;
}

// What a page that is not a story says it is.
// prettier-ignore
const NON_ARTICLE_TYPES = new Set([
  'VideoObject', 'Recipe', 'CollectionPage', 'ItemList', 'SearchResultsPage', 'Product', 'ProductGroup', 'Offer',
  'DiscussionForumPosting', 'QAPage', 'ProfilePage', 'ImageGallery', 'MediaGallery', 'Event', 'JobPosting',
  'PodcastSeries', 'PodcastEpisode', 'Movie', 'Course',
]);

/** Adds up the evidence; each piece says why in `reasons`. */
class Evidence {
  score = 0;
  readonly reasons: string[] = [];
  add(points: number, reason: string): void {
    this.score += points;
    this.reasons.push(reason);
  }
}

/** What the page declares itself to be: JSON-LD, Open Graph, microdata. */
function declared(doc: Document, s: PageSignals, e: Evidence): boolean {
  let story = false;
  if (s.article) {
    e.add(2, `json-ld: ${typesOf(s.article).join('/')}`);
    story = true;
  }
  const negative = [...new Set(s.jsonLd.nodes.flatMap(typesOf))].filter((t) =>
    NON_ARTICLE_TYPES.has(t),
  );
  if (negative.length > 0 && !s.article) e.add(-2, `json-ld: ${negative.join('/')}`);
  const ogType = (firstMeta(s.meta, 'og:type') ?? '').toLowerCase();
  if (
    ogType === 'article' ||
    ogType.endsWith(':article') ||
    ogType === 'blog' ||
    ogType === 'blogposting'
  ) {
    e.add(1, `og:type ${ogType}`);
    story = true;
  } else if (/video|product|profile|music|book|website|object/.test(ogType)) {
    e.add(ogType === 'website' ? -0.5 : -1, `og:type ${ogType}`);
  }
  const itemtypes = doc.querySelectorAll('[itemtype]');
  for (let i = 0; i < itemtypes.length && i < 200; i++) {
    if (
      /schema\.org\/(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle)\b/i.test(
        itemtypes[i]?.getAttribute('itemtype') ?? '',
      )
    ) {
      e.add(1, 'microdata: Article');
      return true;
    }
  }
  return story;
}

/**
 * Decides whether a page is a single story (news article, blog post), and says why. A story is
 * told by what the page declares (an article type), by its head (one main headline agreeing
 * with its title, a byline and a date, a story-like address) and by its body (running prose).
 * The body may be missing from the HTML (rendered late, behind a paywall): a lack of prose costs
 * nothing on a page that declares itself a story and shows a story's head, and little anywhere;
 * lists of teasers are what tell a section front.
 */
export function detectArticle(
  doc: Document,
  url: string,
  options: DetectOptions = {},
): ArticleDetection {
  const e = new Evidence();
  try {
    const s = options.signals ?? readSignals(doc);
    const isDeclared = declared(doc, s, e);
    const headline = hasStoryHeadline(doc, s);
    if (headline) e.add(1, 'one main headline, as the page titles itself');
    const meta = options.metadata;
    if (meta && meta.byline.length > 0 && meta.published) e.add(1, 'a byline and a date');
    const hint = urlHint(url);
    if (hint.reason) e.add(hint.score, hint.reason);
    // A page that declares itself a story and shows a story's head (its own address, its
    // headline) is one, whatever its HTML holds of the body yet.
    const storyHead = isDeclared && (hint.score > 0 || headline);
    const prose = proseStats(doc);
    if (prose.blockChars >= 1500) {
      e.add(
        2,
        `prose: ${prose.blockParagraphs} paragraphs, ${prose.blockChars} chars in one block`,
      );
    } else if (prose.blockChars >= 600) {
      e.add(1, `prose: ${prose.blockChars} chars in one block`);
    } else {
      e.add(storyHead ? 0 : -1, `little prose: ${prose.blockChars} chars in the largest block`);
    }
    // Stories link to others below them too; only a page without a story's head is its teasers.
    if (prose.linkedHeadings >= 8 && prose.blockChars < 1200 && !headline) {
      e.add(-1.5, `${prose.linkedHeadings} linked headings (teasers)`);
    }
    if (prose.h1s === 0) e.add(-0.5, 'no h1');
    return { isArticle: e.score >= 2, reasons: [`score ${e.score}`, ...e.reasons] };
  } catch {
    return { isArticle: false, reasons: [...e.reasons, 'page could not be read'] };
  }
}
