import type { PageArticle, TextAnalysis } from '../model';
import { analyzeText } from './analyze';
import { extractBody } from './body';
import { readArticle } from './read-article';

/** Everything Claimmark understands of one page: what the content script and background compute. */
export interface PageExtraction {
  article: PageArticle;
  analysis: TextAnalysis | null;
}

/** Runs the whole pipeline on a document, in one place (the command-line tools and tests use it). */
export function extractPage(doc: Document, url: string): PageExtraction {
  const article = readArticle(doc, url);
  if (!article.detection.isArticle) return { article, analysis: null };
  const body = extractBody(doc, url);
  const analysis = body
    ? analyzeText(body.text, article.metadata?.published ?? null, article.hints)
    : null;
  return { article, analysis };
}
