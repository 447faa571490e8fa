import { collapse } from '../metadata/text';
import { hasAncestorTag } from '../metadata/dom';

const MAX_PARAGRAPHS = 3_000;
/** A paragraph shorter than this (in Latin-letter equivalents) is a caption, label or teaser rather than prose. */
const MIN_PROSE = 80;
// A sentence ends with a full stop and a space (or the end) in alphabetic scripts, and with a
// full-width stop, a danda or an Arabic question mark wherever it stands; Thai marks no
// sentence ends at all, so a long run of Thai letters is taken for running text.
const SENTENCE_END = /[.!?…]["'”’»)]*(?:\s|$)|[。！？؟।॥။።]|[\u0e00-\u0e7f]{30}/u;
// Han, kana and Hangul carry two or three Latin letters' worth of text each: counted twice, a
// Chinese or Korean story's paragraphs weigh what a European one's do.
const DENSE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
const MAYBE_DENSE = /[\u3040-\ud7af\uf900-\ufaff]/u;

/** Measures of how much of the page is one running text. */
export interface ProseStats {
  /** Characters of prose in the element holding the most of it (dense scripts counted double). */
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

/** The length of a text in Latin-letter equivalents: Han, kana and Hangul count double. */
export function proseLength(text: string): number {
  return MAYBE_DENSE.test(text) ? text.length + (text.match(DENSE)?.length ?? 0) : text.length;
}

/** XML and text documents may have neither body nor root element, whatever the typings say. */
function rootOf(doc: Document): Element | null {
  const body = doc.body as HTMLElement | null;
  if (body) return body;
  return doc.documentElement;
}

/** Each block element's characters of text, and how many of them are link text. */
function blockTexts(doc: Document): Map<Element, { chars: number; links: number }> {
  const blocks = new Map<Element, { chars: number; links: number }>();
  const root = rootOf(doc);
  if (!root) return blocks;
  const walker = doc.createTreeWalker(root, 4);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    const length = proseLength((node.nodeValue ?? '').trim());
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
  return blocks;
}

function linkedHeadingsOf(doc: Document): number {
  let linked = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < hs.length && i < 500; i++) {
      const h = hs[i];
      if (h && (h.getElementsByTagName('a').length > 0 || hasAncestorTag(h, 'A', 6))) linked++;
    }
  }
  return linked;
}

/**
 * Counts prose paragraphs and finds the container holding most of them; cheap, reads no layout.
 * Paragraphs are found from text nodes rather than <p> elements, since some sites set their
 * stories in <div>s.
 */
export function proseStats(doc: Document): ProseStats {
  const byParent = new Map<Element, { chars: number; count: number }>();
  let totalChars = 0;
  let checked = 0;
  for (const [block, counts] of blockTexts(doc)) {
    if (counts.chars < MIN_PROSE || counts.links > counts.chars * 0.4) continue;
    if (++checked > MAX_PARAGRAPHS) break;
    if (/^(?:H[1-6]|LI|TD|TH|FIGCAPTION|LABEL|PRE|CODE)$/.test(block.tagName)) continue;
    if (!SENTENCE_END.test(collapse(block.textContent))) continue;
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
  return {
    blockChars,
    blockParagraphs,
    totalChars,
    linkedHeadings: linkedHeadingsOf(doc),
    h1s: doc.getElementsByTagName('h1').length,
  };
}
