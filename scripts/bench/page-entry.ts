// Bundled by scripts/bench.ts into an IIFE and run inside Chromium, so the figures are the
// browser's, not Node's.
import { analyzeText } from '../../lib/article/analyze';
import { extractBody } from '../../lib/article/body';
import { readArticle } from '../../lib/article/read-article';

interface PageTiming {
  readMs: number;
  isArticle: boolean;
  bodyWords: number;
  analyzeMs: number;
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
  let analyzeMs = 0;
  if (analyze && article.detection.isArticle) {
    const body = extractBody(parse(html), url);
    if (body) {
      bodyWords = body.text.split(/\s+/).filter(Boolean).length;
      const t1 = performance.now();
      analyzeText(body.text, article.metadata?.published ?? null, article.hints);
      analyzeMs = performance.now() - t1;
    }
  }
  return { readMs, isArticle: article.detection.isArticle, bodyWords, analyzeMs };
}

Object.assign(globalThis, { claimmarkBench: { timePage } });
