import * as v from 'valibot';
import type { ArticleSchemas } from './article';
import { HttpUrl, type ObjectMaker, Text } from './fields';
import { REPORT_LIMITS as L } from './limits';

/**
 * The schemas of a page as its content script reports it (read from the DOM, nothing derived)
 * and of a tab as the background holds it, built with `object` from the article's parts.
 */
export function pageReportSchemas(object: ObjectMaker, article: ArticleSchemas) {
  // A name the page declares about itself (JSON-LD about/mentions/author, keywords).
  const EntityHint = object({
    name: Text(L.hintName),
    type: v.optional(article.EntityType),
  });

  // What the content script learnt about a page's article: cheap DOM reads only.
  const PageArticle = object({
    detection: article.ArticleDetection,
    /** Read on every page, article or not; null only when the page could not be read at all. */
    metadata: v.nullable(article.ArticleMetadata),
    hints: v.pipe(v.array(EntityHint), v.maxLength(L.hints)),
  });

  const PageReport = object({
    url: HttpUrl,
    title: Text(L.title),
    canonicalUrl: v.nullable(HttpUrl),
    article: v.nullable(PageArticle),
  });

  // What the background knows about one tab, held in session memory only.
  const TabState = object({
    report: PageReport,
    articleKey: HttpUrl,
    saved: v.boolean(),
  });

  return { EntityHint, PageArticle, PageReport, TabState };
}
