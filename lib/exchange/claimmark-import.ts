import * as v from 'valibot';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { keepNewest, type Located } from './dedupe';
import { skippedFromIssues, type SkippedItem } from './issues';
import { excerpt, parsedImport, type ParseResult } from './parsed';
import { mendPosition, settleAnnotation, settleArticle, settleVersion, trimSeenAt } from './settle';
import {
  EXPORT_VERSION,
  ExportAnnotationSchema,
  ExportArticleSchema,
  ExportSettingsFileSchema,
  ExportVersionSchema,
  type ExportVersion,
} from './schema';
import type { ExportSettings } from '../model/settings';

// The first issue is enough to say why a record is skipped, and stopping there is faster.
const FIRST_ISSUE = { abortEarly: true } as const;

interface RecordReader<T> {
  schema: v.GenericSchema<T>;
  name: string;
  /** Mends the raw record before it is checked (what is trimmed rather than refused). */
  prepare?: (raw: unknown) => unknown;
  /** Makes a valid record the extension's own, or says why it is refused. */
  settle: (record: T) => { record: T } | { reason: string };
}

function validateAll<T>(
  list: readonly unknown[],
  { schema, name, prepare = (raw) => raw, settle }: RecordReader<T>,
  skipped: SkippedItem[],
): Located<T>[] {
  const valid: Located<T>[] = [];
  for (let i = 0; i < list.length; i++) {
    const where = `${name}[${String(i)}]`;
    const result = v.safeParse(schema, prepare(list[i]), FIRST_ISSUE);
    if (!result.success) {
      skipped.push(skippedFromIssues(where, result.issues));
      continue;
    }
    const settled = settle(result.output);
    if ('reason' in settled) skipped.push({ where, reason: settled.reason });
    else valid.push({ record: settled.record, where });
  }
  return valid;
}

/**
 * Reads a document whose `format` is "claimmark": checks its version, then every record; `now`
 * is when the import happens (a record written after it is refused).
 */
export function readClaimmarkExport(doc: Record<string, unknown>, now: Date): ParseResult {
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
      error: `This Claimmark file has an unknown format version (${version === undefined ? 'none' : excerpt(version)}); this version reads format version ${String(EXPORT_VERSION)}.`,
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
  // Versions are an optional extra: a damaged list costs the versions, never the notes.
  let versions: unknown[] = [];
  if (Array.isArray(doc.versions)) versions = doc.versions;
  else if (doc.versions !== undefined) {
    skipped.push({ where: 'versions', reason: 'not a list, so no version was imported' });
  }
  const validArticles = validateAll<ArticleRecord>(
    articles,
    {
      schema: ExportArticleSchema,
      name: 'articles',
      prepare: trimSeenAt,
      settle: (r) => settleArticle(r, now),
    },
    skipped,
  );
  const validAnnotations = validateAll<AnnotationRecord>(
    annotations,
    {
      schema: ExportAnnotationSchema,
      name: 'annotations',
      prepare: mendPosition,
      settle: (r) => settleAnnotation(r, now),
    },
    skipped,
  );
  const validVersions = validateAll<ExportVersion>(
    versions,
    { schema: ExportVersionSchema, name: 'versions', settle: (r) => settleVersion(r, now) },
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
  // A file numbers each article's versions once; a second "version 2" is a damaged file.
  const w = keepNewest(
    validVersions,
    (r) => `${String(r.n)} of ${r.articleUrl}`,
    (r) => r.seenAt,
    'version',
  );
  // Settings are an optional extra too: invalid ones are reported and left out.
  let settings: ExportSettings | null = null;
  if (doc.settings !== undefined) {
    const read = v.safeParse(ExportSettingsFileSchema, doc.settings, FIRST_ISSUE);
    if (read.success) settings = read.output;
    else skipped.push(skippedFromIssues('settings', read.issues));
  }
  return parsedImport(
    'claimmark',
    a.kept,
    n.kept,
    [...skipped, ...a.skipped, ...n.skipped, ...w.skipped],
    w.kept,
    settings,
  );
}
