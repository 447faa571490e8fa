import type { AnnotationRecord, ArticleRecord } from '../model';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ClaimmarkExport,
  type ExportScope,
  type ExportVersion,
} from './schema';

/**
 * The Claimmark export document of these records, every field of every record kept; `versions`
 * only when given (the reader chose to export them).
 */
export function buildClaimmarkExport(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  scope: ExportScope,
  now: Date = new Date(),
  versions?: readonly ExportVersion[],
): ClaimmarkExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    scope,
    articles: [...articles],
    annotations: [...annotations],
    ...(versions ? { versions: [...versions] } : {}),
  };
}

/**
 * Writes an export as JSON with one record per line: compact for large libraries, yet a diff
 * of two exports shows which records changed. The text comes in pieces, a record per piece:
 * a file is made from them without joining them first (in Chromium, building and encoding one
 * 90 MB string costs seconds; a Blob of the pieces, a fraction of that).
 */
export function serializeClaimmarkParts(doc: ClaimmarkExport): string[] {
  const parts = [
    '{\n',
    `"format": ${JSON.stringify(doc.format)},\n`,
    `"version": ${JSON.stringify(doc.version)},\n`,
    `"exportedAt": ${JSON.stringify(doc.exportedAt)},\n`,
    `"scope": ${JSON.stringify(doc.scope)},\n`,
  ];
  const list = (name: string, records: readonly unknown[], last: boolean) => {
    const end = last ? '\n' : ',\n';
    if (records.length === 0) {
      parts.push(`"${name}": []${end}`);
      return;
    }
    parts.push(`"${name}": [\n`);
    records.forEach((r, i) =>
      parts.push(JSON.stringify(r) + (i < records.length - 1 ? ',\n' : '')),
    );
    parts.push(`\n]${end}`);
  };
  list('articles', doc.articles, false);
  list('annotations', doc.annotations, doc.versions === undefined && doc.settings === undefined);
  if (doc.versions !== undefined) list('versions', doc.versions, doc.settings === undefined);
  if (doc.settings !== undefined) parts.push(`"settings": ${JSON.stringify(doc.settings)}\n`);
  parts.push('}\n');
  return parts;
}

/** The export as one string (see serializeClaimmarkParts). */
export function serializeClaimmarkExport(doc: ClaimmarkExport): string {
  return serializeClaimmarkParts(doc).join('');
}

/** The Claimmark JSON export file's text for these records, in pieces to save as a file. */
export function exportClaimmarkJsonParts(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  scope: ExportScope,
  now: Date = new Date(),
  versions?: readonly ExportVersion[],
): string[] {
  return serializeClaimmarkParts(buildClaimmarkExport(articles, annotations, scope, now, versions));
}

/** The Claimmark JSON export file's text for these records (and versions, when given). */
export function exportClaimmarkJson(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  scope: ExportScope,
  now: Date = new Date(),
  versions?: readonly ExportVersion[],
): string {
  return serializeClaimmarkExport(
    buildClaimmarkExport(articles, annotations, scope, now, versions),
  );
}
