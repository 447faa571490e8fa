import type { AnnotationRecord, ArticleRecord } from '../model';
import { EXPORT_FORMAT, EXPORT_VERSION, type ClaimmarkExport, type ExportScope } from './schema';

/** The Claimmark export document of these records, every field of every record kept. */
export function buildClaimmarkExport(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  scope: ExportScope,
  now: Date = new Date(),
): ClaimmarkExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    scope,
    articles: [...articles],
    annotations: [...annotations],
  };
}

/**
 * Writes an export as JSON with one record per line: compact for large libraries, yet a diff
 * of two exports shows which records changed.
 */
export function serializeClaimmarkExport(doc: ClaimmarkExport): string {
  const list = (records: readonly unknown[]) =>
    records.length === 0 ? '[]' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  return [
    '{',
    `"format": ${JSON.stringify(doc.format)},`,
    `"version": ${JSON.stringify(doc.version)},`,
    `"exportedAt": ${JSON.stringify(doc.exportedAt)},`,
    `"scope": ${JSON.stringify(doc.scope)},`,
    `"articles": ${list(doc.articles)},`,
    `"annotations": ${list(doc.annotations)}`,
    '}',
    '',
  ].join('\n');
}

/** The Claimmark JSON export file's text for these records. */
export function exportClaimmarkJson(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  scope: ExportScope,
  now: Date = new Date(),
): string {
  return serializeClaimmarkExport(buildClaimmarkExport(articles, annotations, scope, now));
}
