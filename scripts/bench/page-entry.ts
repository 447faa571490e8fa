// Bundled by scripts/bench.ts into an IIFE and run inside Chromium, so the figures are the
// browser's, not Node's.
import { extractBody } from '../../lib/article/body';
import { findDateMentions } from '../../lib/article/dates';
import { extractEntities } from '../../lib/article/entities';
import { readArticle } from '../../lib/article/read-article';

interface PageTiming {
  readMs: number;
  isArticle: boolean;
  bodyWords: number;
  entitiesMs: number;
  datesMs: number;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Times detection + metadata (the content script's start-up work) and body analysis on one page. */
function timePage(html: string, url: string, analyze: boolean): PageTiming {
  // A fresh document for each run: the extractors may cache nothing between pages.
  readArticle(parse(html), url);
  const doc = parse(html);
  const t0 = performance.now();
  const article = readArticle(doc, url);
  const readMs = performance.now() - t0;
  let bodyWords = 0;
  let entitiesMs = 0;
  let datesMs = 0;
  if (analyze && article.detection.isArticle) {
    const body = extractBody(parse(html), url);
    if (body) {
      bodyWords = body.text.split(/\s+/).filter(Boolean).length;
      // The two halves of analyzeText, timed apart.
      const t1 = performance.now();
      extractEntities(body.text, article.hints);
      const t2 = performance.now();
      findDateMentions(body.text, article.metadata?.published ?? null);
      datesMs = performance.now() - t2;
      entitiesMs = t2 - t1;
    }
  }
  return { readMs, isArticle: article.detection.isArticle, bodyWords, entitiesMs, datesMs };
}

Object.assign(globalThis, { claimmarkBench: { timePage } });
