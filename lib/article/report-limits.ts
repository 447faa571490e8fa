import type { PageArticle } from '../model';
// The limits the model's report schema checks; from their own file, so no schema is bundled here.
import { PAGE_DATE, REPORT_LIMITS } from '../model/limits';

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // Never end on half of a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}…`;
}

function within(text: string | null, max: number): string | null {
  return text !== null && text.length <= max ? text : null;
}

function pageDate(text: string | null): string | null {
  return text !== null && PAGE_DATE.test(text) ? within(text, REPORT_LIMITS.date) : null;
}

/**
 * The article as the report may carry it: page-supplied text (a 5,000-character site name, a
 * JSON-LD type list) is cut to the limits, so no page can make its own report fail validation
 * and switch Claimmark off for itself. Names and machine values that do not fit are dropped,
 * since half a name or half a date is a wrong one.
 */
export function fitArticle(article: PageArticle): PageArticle {
  const L = REPORT_LIMITS;
  const m = article.metadata;
  return {
    detection: {
      isArticle: article.detection.isArticle,
      reasons: article.detection.reasons.slice(0, L.reasons).map((r) => cut(r, L.reason)),
    },
    metadata: m && {
      headline: m.headline === null ? null : cut(m.headline, L.headline),
      byline: m.byline.filter((name) => name.length <= L.bylineName).slice(0, L.bylineNames),
      siteName: m.siteName === null ? null : cut(m.siteName, L.siteName),
      published: pageDate(m.published),
      modified: pageDate(m.modified),
      language: within(m.language, L.language),
      canonicalUrl: within(m.canonicalUrl, L.url),
      description: m.description === null ? null : cut(m.description, L.description),
    },
    hints: article.hints.filter((h) => h.name.length <= L.hintName).slice(0, L.hints),
  };
}
