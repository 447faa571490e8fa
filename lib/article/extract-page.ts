import type { PageArticle, TextAnalysis } from '../model';
import { analyzeText } from './analyze';
import { extractBody } from './body';
import { readArticle } from './read-article';

/** Everything Claimmark understands of one page: what the content script and background compute. */
export interface PageExtraction {
  article: PageArticle;
  analysis: TextAnalysis | null;
}

/**
 * Runs the whole pipeline on a document, in one place (the command-line tools and tests use
 * it): the body is analysed for articles, as the extension does by itself, or for any page
 * when `analyseAnyPage` asks for it, as the reader can.
 */
export function extractPage(
  doc: Document,
  url: string,
  { analyseAnyPage = false }: { analyseAnyPage?: boolean } = {},
): PageExtraction {
  const article = readArticle(doc, url);
  if (!article.detection.isArticle && !analyseAnyPage) return { article, analysis: null };
  const body = extractBody(doc, url);
  const meta = article.metadata;
  const analysis = body
    ? analyzeText(body.text, meta?.published ?? null, article.hints, meta?.language ?? null)
    : null;
  return { article, analysis };
}
