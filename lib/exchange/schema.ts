import * as v from 'valibot';
import {
  annotationSchemas,
  articleSchemas,
  CLAIM_STATUSES,
  ANNOTATION_KINDS,
  type AnnotationRecord,
  type ArticleRecord,
  type ObjectMaker,
  RECORD_LIMITS,
  REPORT_LIMITS,
} from '../model';
import { HttpUrl, IsoTime, Text } from '../model/fields';
import { ExportSettingsSchema, type ExportSettings } from '../model/settings';
import { Sha256Hex, VersionContentSchema, VersionNumber } from '../model/version';

// The export file is a contract with other machines and other versions of Claimmark
// (docs/export-format.md). Its records are the model's, read leniently: an object ignores fields
// it does not know (see "Versioning"), where a message refuses them. Limits and checks are the
// model's, so a record the extension holds is a record a file may hold.

/** The `format` value of a Claimmark export. */
export const EXPORT_FORMAT = 'claimmark';
/** The format version this build writes and reads. */
export const EXPORT_VERSION = 1;

const lenient: ObjectMaker = v.object;
const article = articleSchemas(lenient);
const annotation = annotationSchemas(lenient);

/** One article of a Claimmark export: an ArticleRecord, facts included. */
export const ExportArticleSchema: v.GenericSchema<ArticleRecord> = v.pipe(
  article.ArticleRecord,
  v.description('An article: the library record keyed by its normalised canonical URL.'),
);

/** One annotation of a Claimmark export: an AnnotationRecord. */
export const ExportAnnotationSchema: v.GenericSchema<AnnotationRecord> = v.pipe(
  annotation.AnnotationRecord,
  v.description('A highlight or claim on an article; `id` is a UUID so libraries merge.'),
);

/**
 * One stored version of an article's text, unpacked so any tool can read it. Exported only when
 * the reader asks (they are large); `n` numbers an article's versions within the file, and the
 * notes' `version` refers to it.
 */
export const ExportVersionSchema = v.pipe(
  v.object({
    articleUrl: HttpUrl,
    n: VersionNumber,
    hash: v.pipe(Sha256Hex, v.description('SHA-256 of `content.text` (UTF-8), hex.')),
    story: v.optional(
      v.pipe(
        Sha256Hex,
        v.description(
          'SHA-256 of the story alone (headline and body text, folded): versions with the same story differ only around it.',
        ),
      ),
    ),
    seenAt: IsoTime,
    content: VersionContentSchema,
  }),
  v.description(
    "A version of an article's text as Claimmark read it: the text notes' positions point into, and its headline, byline and dates.",
  ),
);

/** One version of an export. */
export type ExportVersion = v.InferOutput<typeof ExportVersionSchema>;

/** The reader's export settings as a file carries them (see lib/model/settings.ts). */
export const ExportSettingsFileSchema = v.pipe(
  ExportSettingsSchema,
  v.description(
    "What the reader set once for the exports: the reviewer a ClaimReview names, and each claim status's label and place on the 1-5 scale.",
  ),
);

const FiltersSchema = v.object({
  kinds: v.array(v.picklist(ANNOTATION_KINDS)),
  statuses: v.array(v.picklist(CLAIM_STATUSES)),
  tags: v.array(Text(RECORD_LIMITS.tag)),
  sites: v.array(Text(REPORT_LIMITS.siteName)),
  entities: v.array(Text(RECORD_LIMITS.name)),
  from: v.nullable(Text(10)),
  to: v.nullable(Text(10)),
});

/** What was exported: the whole library, one article, or the result of a search and filters. */
export const ExportScopeSchema = v.variant('kind', [
  v.object({ kind: v.literal('all') }),
  v.object({ kind: v.literal('article'), url: HttpUrl }),
  v.object({
    kind: v.literal('filter'),
    query: v.object({ text: Text(1000), filters: FiltersSchema }),
  }),
]);

/** What was exported (informational: import reads the records, not the scope). */
export type ExportScope = v.InferOutput<typeof ExportScopeSchema>;

/** The whole Claimmark export file, as the JSON Schema in docs/ describes it. */
export const ClaimmarkExportSchema = v.pipe(
  v.object({
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(EXPORT_VERSION),
    exportedAt: IsoTime,
    scope: ExportScopeSchema,
    articles: v.array(ExportArticleSchema),
    annotations: v.array(ExportAnnotationSchema),
    versions: v.optional(v.array(ExportVersionSchema)),
    settings: v.optional(ExportSettingsFileSchema),
  }),
  v.title('Claimmark export'),
  v.description(
    'Articles and annotations exported from Claimmark; see docs/export-format.md. Readers ignore fields they do not know.',
  ),
);

/** A Claimmark export file. */
export interface ClaimmarkExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  scope: ExportScope;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** Present only when the reader chose to export the stories' versions. */
  versions?: ExportVersion[];
  /** What the reader set for the exports (the reviewer, the status labels), when set. */
  settings?: ExportSettings;
}
