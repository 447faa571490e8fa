import * as v from 'valibot';
import type { DateMention, Entity, ArticleMetadata } from '../article/types';
import type { Selectors } from '../anchoring/types';
import type {
  AnchoringState,
  AnnotationRecord,
  ArticleRecord,
  StoredArticleFacts,
  TextAnalysis,
} from '../model';
import { CLAIM_STATUSES, HIGHLIGHT_COLORS, RECORD_LIMITS } from '../model';
import { parseHttpUrl } from '../page/normalize-url';

// The export file is a contract with other machines and other versions of Claimmark, so it has
// its own schemas (documented in docs/export-format.md) rather than the message protocol's.
// Objects are not strict: a reader ignores fields it does not know (see "Versioning").

/** The `format` value of a Claimmark export. */
export const EXPORT_FORMAT = 'claimmark';
/** The format version this build writes and reads. */
export const EXPORT_VERSION = 1;

const MAX_QUOTE = RECORD_LIMITS.quote;
const MAX_NOTE = RECORD_LIMITS.note;
const MAX_TAG = RECORD_LIMITS.tag;
const MAX_URL = RECORD_LIMITS.url;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL),
  v.check((s) => parseHttpUrl(s) !== null, 'expected an absolute http(s) URL'),
);

const IsoTime = v.pipe(
  v.string(),
  v.isoTimestamp('expected an ISO 8601 time such as 2026-01-02T03:04:05.000Z'),
);

// Pages give a bare day or a date-time with or without seconds and offset (see
// lib/article/metadata/dates.ts formatDate), so this is looser than IsoTime.
const PageDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/,
    'expected an ISO 8601 day or date-time',
  ),
);

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const Uuid = v.pipe(v.string(), v.uuid('expected a UUID'));

const EntityTypeSchema = v.picklist(['person', 'place', 'organization']);

const MetadataSchema: v.GenericSchema<ArticleMetadata> = v.object({
  headline: v.nullable(Text(1000)),
  byline: v.pipe(v.array(Text(200)), v.maxLength(30)),
  siteName: v.nullable(Text(300)),
  published: v.nullable(PageDate),
  modified: v.nullable(PageDate),
  language: v.nullable(Text(40)),
  canonicalUrl: v.nullable(HttpUrl),
  description: v.nullable(Text(2000)),
});

const Span = v.pipe(
  v.object({ start: Offset, end: Offset }),
  v.check((s) => s.start <= s.end, 'start is after end'),
);

const EntitySchema: v.GenericSchema<Entity> = v.object({
  type: EntityTypeSchema,
  name: Text(300),
  aliases: v.array(Text(300)),
  mentions: v.array(Span),
});

const DateMentionSchema: v.GenericSchema<DateMention> = v.pipe(
  v.object({
    text: Text(300),
    value: Text(20),
    precision: v.picklist(['year', 'month', 'week', 'day']),
    start: Offset,
    end: Offset,
  }),
  v.check((s) => s.start <= s.end, 'start is after end'),
);

const AnalysisSchema: v.GenericSchema<TextAnalysis> = v.object({
  entities: v.array(EntitySchema),
  dates: v.array(DateMentionSchema),
  length: Offset,
  language: v.optional(Text(20)),
});

const FactsSchema: v.GenericSchema<StoredArticleFacts> = v.object({
  isArticle: v.boolean(),
  metadata: v.nullable(MetadataSchema),
  analysis: v.nullable(AnalysisSchema),
  analyzedAt: v.nullable(IsoTime),
});

/** One article of a Claimmark export: an ArticleRecord, facts included. */
export const ExportArticleSchema: v.GenericSchema<ArticleRecord> = v.pipe(
  v.object({
    url: HttpUrl,
    title: Text(2000),
    canonicalUrl: v.nullable(HttpUrl),
    seenAt: v.pipe(v.array(HttpUrl), v.maxLength(1000)),
    savedAt: IsoTime,
    updatedAt: IsoTime,
    facts: v.optional(FactsSchema),
  }),
  v.description('An article: the library record keyed by its normalised canonical URL.'),
);

const SelectorsSchema: v.GenericSchema<Selectors> = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_QUOTE)),
    prefix: Text(200),
    suffix: Text(200),
  }),
  position: v.optional(
    v.pipe(
      v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
      v.check((p) => p.start <= p.end, 'start is after end'),
    ),
  ),
});

const AnchoringSchema: v.GenericSchema<AnchoringState> = v.object({
  status: v.picklist(['anchored', 'changed', 'orphan']),
  text: v.nullable(Text(MAX_QUOTE)),
  checkedAt: IsoTime,
});

/** One annotation of a Claimmark export: an AnnotationRecord. */
export const ExportAnnotationSchema: v.GenericSchema<AnnotationRecord> = v.pipe(
  v.object({
    id: Uuid,
    articleUrl: HttpUrl,
    kind: v.picklist(['highlight', 'claim']),
    selectors: SelectorsSchema,
    quote: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_QUOTE)),
    note: Text(MAX_NOTE),
    status: v.nullable(v.picklist(CLAIM_STATUSES)),
    evidence: v.pipe(v.array(HttpUrl), v.maxLength(50)),
    tags: v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TAG))),
      v.maxLength(50),
    ),
    color: v.picklist(HIGHLIGHT_COLORS),
    createdAt: IsoTime,
    modifiedAt: IsoTime,
    articleModified: v.nullable(PageDate),
    anchoring: v.nullable(AnchoringSchema),
  }),
  v.description('A highlight or claim on an article; `id` is a UUID so libraries merge.'),
);

const FiltersSchema = v.object({
  kinds: v.array(v.picklist(['highlight', 'claim'])),
  statuses: v.array(v.picklist(CLAIM_STATUSES)),
  tags: v.array(Text(MAX_TAG)),
  sites: v.array(Text(300)),
  entities: v.array(Text(300)),
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
}
