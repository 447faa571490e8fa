import type { ArticleDetection } from '../types';
import { typesOf } from '../metadata/jsonld';
import { firstMeta } from '../metadata/meta';
import type { PageSignals } from '../metadata/signals';
import { readSignals } from '../metadata/signals';
import { collapse } from '../metadata/text';
import { hasAncestorTag } from '../metadata/dom';

/** Options for detectArticle: reuse signals already read for metadata. */
export interface DetectOptions {
  signals?: PageSignals;
}

// What a page that is not a story says it is.
// prettier-ignore
const NON_ARTICLE_TYPES = new Set([
  'VideoObject', 'Recipe', 'CollectionPage', 'ItemList', 'SearchResultsPage', 'Product', 'ProductGroup', 'Offer',
  'DiscussionForumPosting', 'QAPage', 'ProfilePage', 'ImageGallery', 'MediaGallery', 'Event', 'JobPosting',
  'PodcastSeries', 'PodcastEpisode', 'Movie', 'Course',
]);
const MAX_PARAGRAPHS = 3_000;
/** A paragraph shorter than this is a caption, label or teaser rather than prose. */
const MIN_PROSE = 80;
const SENTENCE_END = /[.!?。！？…]["'”’»)]*(?:\s|$)/u;

/** Measures of how much of the page is one running text. */
export interface ProseStats {
  /** Characters of prose in the element holding the most of it. */
  blockChars: number;
  blockParagraphs: number;
  totalChars: number;
  /** Headings that are (or hold) links: teasers of other pages. */
  linkedHeadings: number;
  h1s: number;
}

const INLINE = new Set([
  'A',
  'SPAN',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'SMALL',
  'MARK',
  'Q',
  'CITE',
  'ABBR',
  'TIME',
  'SUB',
  'SUP',
  'FONT',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'BUTTON']);
const MAX_TEXT_NODES = 30_000;

/** XML and text documents may have neither body nor root element, whatever the typings say. */
function rootOf(doc: Document): Element | null {
  const body = doc.body as HTMLElement | null;
  if (body) return body;
  return doc.documentElement;
}

/**
 * Counts prose paragraphs and finds the container holding most of them; cheap, reads no layout.
 * Paragraphs are found from text nodes rather than <p> elements, since some sites set their
 * stories in <div>s.
 */
export function proseStats(doc: Document): ProseStats {
  const root = rootOf(doc);
  const blocks = new Map<Element, { chars: number; links: number }>();
  if (root) {
    const walker = doc.createTreeWalker(root, 4);
    let seen = 0;
    for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
      seen++;
      const length = (node.nodeValue ?? '').trim().length;
      if (length === 0) continue;
      let el = node.parentElement;
      let inLink = false;
      // Text in inline elements belongs to the block around them.
      while (el && INLINE.has(el.tagName)) {
        if (el.tagName === 'A') inLink = true;
        el = el.parentElement;
      }
      if (!el || SKIP.has(el.tagName)) continue;
      const entry = blocks.get(el) ?? { chars: 0, links: 0 };
      entry.chars += length;
      if (inLink) entry.links += length;
      blocks.set(el, entry);
    }
  }
  const byParent = new Map<Element, { chars: number; count: number }>();
  let totalChars = 0;
  let checked = 0;
  for (const [block, counts] of blocks) {
    if (counts.chars < MIN_PROSE || counts.links > counts.chars * 0.4) continue;
    if (++checked > MAX_PARAGRAPHS) break;
    if (/^(?:H[1-6]|LI|TD|TH|FIGCAPTION|LABEL|PRE|CODE)$/.test(block.tagName)) continue;
    const text = collapse(block.textContent);
    if (!SENTENCE_END.test(text)) continue;
    totalChars += counts.chars;
    // Paragraphs of one story share a parent (or a grandparent, when wrapped one by one).
    const parent = block.parentElement;
    if (!parent) continue;
    for (const key of [parent, parent.parentElement]) {
      if (!key) continue;
      const entry = byParent.get(key) ?? { chars: 0, count: 0 };
      entry.chars += counts.chars;
      entry.count++;
      byParent.set(key, entry);
    }
  }
  let blockChars = 0;
  let blockParagraphs = 0;
  for (const entry of byParent.values()) {
    if (entry.chars > blockChars) {
      blockChars = entry.chars;
      blockParagraphs = entry.count;
    }
  }
  let linkedHeadings = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < hs.length && i < 500; i++) {
      const h = hs[i];
      if (h && (h.getElementsByTagName('a').length > 0 || hasAncestorTag(h, 'A', 6)))
        linkedHeadings++;
    }
  }
  return {
    blockChars,
    blockParagraphs,
    totalChars,
    linkedHeadings,
    h1s: doc.getElementsByTagName('h1').length,
  };
}

function urlHint(url: string): { score: number; reason: string | null } {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return { score: 0, reason: null };
  }
  if (path === '/' || path === '') return { score: -2, reason: 'url: site home' };
  if (
    /\/(?:videos?|av|watch|gallery|galleries|pictures|photos?|fotos?|bilder|podcasts?|live-?tv|tags?|topics?|themen|category|categories|kategorie|search|suche|author|autor)(?:\/|$)/i.test(
      path,
    )
  ) {
    return { score: -1, reason: 'url: media, list or search path' };
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  if (
    /\d{5,}/.test(path) ||
    last.split(/[-_]/).length >= 4 ||
    /\/(?:19|20)\d{2}\/\d{1,2}\//.test(path)
  ) {
    return { score: 1, reason: 'url: story-like path' };
  }
  return { score: 0, reason: null };
}

/** Decides whether a page is a single story (news article, blog post), and says why. */
export function detectArticle(
  doc: Document,
  url: string,
  options: DetectOptions = {},
): ArticleDetection {
  const reasons: string[] = [];
  try {
    const s = options.signals ?? readSignals(doc);
    let score = 0;
    const topTypes = new Set(s.jsonLd.nodes.flatMap(typesOf));
    if (s.article) {
      score += 2;
      reasons.push(`json-ld: ${typesOf(s.article).join('/')}`);
    }
    const negative = [...topTypes].filter((t) => NON_ARTICLE_TYPES.has(t));
    if (negative.length > 0 && !s.article) {
      score -= 2;
      reasons.push(`json-ld: ${negative.join('/')}`);
    }
    const ogType = (firstMeta(s.meta, 'og:type') ?? '').toLowerCase();
    if (
      ogType === 'article' ||
      ogType.endsWith(':article') ||
      ogType === 'blog' ||
      ogType === 'blogposting'
    ) {
      score += 1;
      reasons.push(`og:type ${ogType}`);
    } else if (/video|product|profile|music|book|website|object/.test(ogType)) {
      score -= ogType === 'website' ? 0.5 : 1;
      reasons.push(`og:type ${ogType}`);
    }
    const itemtypes = doc.querySelectorAll('[itemtype]');
    let microdata = false;
    for (let i = 0; i < itemtypes.length && i < 200 && !microdata; i++) {
      microdata = /schema\.org\/(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle)\b/i.test(
        itemtypes[i]?.getAttribute('itemtype') ?? '',
      );
    }
    if (microdata) {
      score += 1;
      reasons.push('microdata: Article');
    }
    const prose = proseStats(doc);
    if (prose.blockChars >= 1500) {
      score += 2;
      reasons.push(
        `prose: ${prose.blockParagraphs} paragraphs, ${prose.blockChars} chars in one block`,
      );
    } else if (prose.blockChars >= 600) {
      score += 1;
      reasons.push(`prose: ${prose.blockChars} chars in one block`);
    } else {
      score -= 2;
      reasons.push(`little prose: ${prose.blockChars} chars in the largest block`);
    }
    if (prose.linkedHeadings >= 8 && prose.blockChars < 1200) {
      score -= 1.5;
      reasons.push(`${prose.linkedHeadings} linked headings (teasers)`);
    }
    if (prose.h1s === 0) {
      score -= 0.5;
      reasons.push('no h1');
    }
    const hint = urlHint(url);
    score += hint.score;
    if (hint.reason) reasons.push(hint.reason);
    return { isArticle: score >= 2, reasons: [`score ${score}`, ...reasons] };
  } catch {
    return { isArticle: false, reasons: [...reasons, 'page could not be read'] };
  }
}
