import * as v from 'valibot';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { keepNewest, type Located } from './dedupe';
import { skippedFromIssues, type SkippedItem } from './issues';
import { parsedImport, type ParseResult } from './parsed';
import { EXPORT_VERSION, ExportAnnotationSchema, ExportArticleSchema } from './schema';

// The first issue is enough to say why a record is skipped, and stopping there is faster.
const FIRST_ISSUE = { abortEarly: true } as const;

function validateAll<T>(
  list: readonly unknown[],
  schema: v.GenericSchema<T>,
  name: string,
  skipped: SkippedItem[],
): Located<T>[] {
  const valid: Located<T>[] = [];
  for (let i = 0; i < list.length; i++) {
    const where = `${name}[${String(i)}]`;
    const result = v.safeParse(schema, list[i], FIRST_ISSUE);
    if (result.success) valid.push({ record: result.output, where });
    else skipped.push(skippedFromIssues(where, result.issues));
  }
  return valid;
}

/** Reads a document whose `format` is "claimmark": checks its version, then every record. */
export function readClaimmarkExport(doc: Record<string, unknown>): ParseResult {
  const version = doc.version;
  if (version !== EXPORT_VERSION) {
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      return {
        ok: false,
        error: `This file was written by a newer version of Claimmark (format version ${String(version)}); this version reads format version ${String(EXPORT_VERSION)}. Update Claimmark and try again.`,
      };
    }
    return {
      ok: false,
      error: `This Claimmark file has an unknown format version (${version === undefined ? 'none' : JSON.stringify(version)}); this version reads format version ${String(EXPORT_VERSION)}.`,
    };
  }
  const articles = doc.articles ?? [];
  const annotations = doc.annotations;
  if (!Array.isArray(articles)) {
    return { ok: false, error: 'This Claimmark file is damaged: "articles" is not a list.' };
  }
  if (!Array.isArray(annotations)) {
    return { ok: false, error: 'This Claimmark file is damaged: "annotations" is not a list.' };
  }
  const skipped: SkippedItem[] = [];
  const validArticles = validateAll<ArticleRecord>(
    articles,
    ExportArticleSchema,
    'articles',
    skipped,
  );
  const validAnnotations = validateAll<AnnotationRecord>(
    annotations,
    ExportAnnotationSchema,
    'annotations',
    skipped,
  );
  const a = keepNewest(
    validArticles,
    (r) => r.url,
    (r) => r.updatedAt,
    'article',
  );
  const n = keepNewest(
    validAnnotations,
    (r) => r.id,
    (r) => r.modifiedAt,
    'id',
  );
  return parsedImport('claimmark', a.kept, n.kept, [...skipped, ...a.skipped, ...n.skipped]);
}
