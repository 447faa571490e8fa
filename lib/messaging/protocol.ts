import * as v from 'valibot';
import type {
  AnchorStatus,
  AnnotationAnchor,
  AnnotationDraft,
  AnnotationFields,
  AnnotationRecord,
  ArticleRecord,
  EntityHint,
  PageArticle,
  PageReport,
  StoredArticleFacts,
  TabState,
  TextAnalysis,
} from '../model';
import type { ArticleDetection, ArticleMetadata, DateMention, Entity } from '../article/types';
import type { Selectors } from '../anchoring/types';
import { CLAIM_STATUSES, HIGHLIGHT_COLORS, RECORD_LIMITS } from '../model';
import { parseHttpUrl } from '../page/normalize-url';
import { REPORT_LIMITS } from '../article/report-limits';

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(RECORD_LIMITS.url),
  v.check((s) => parseHttpUrl(s) !== null, 'must be an absolute http(s) URL'),
);
const IsoTime = v.pipe(v.string(), v.isoTimestamp());
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const TabTarget = v.strictObject({ tabId: TabId });
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const EntityTypeSchema = v.picklist(['person', 'place', 'organization']);

const L = REPORT_LIMITS;
const DetectionSchema: v.GenericSchema<ArticleDetection> = v.strictObject({
  isArticle: v.boolean(),
  reasons: v.pipe(v.array(Text(L.reason)), v.maxLength(L.reasons)),
});

const MetadataSchema: v.GenericSchema<ArticleMetadata> = v.strictObject({
  headline: v.nullable(Text(L.headline)),
  byline: v.pipe(v.array(Text(L.bylineName)), v.maxLength(L.bylineNames)),
  siteName: v.nullable(Text(L.siteName)),
  published: v.nullable(Text(L.date)),
  modified: v.nullable(Text(L.date)),
  language: v.nullable(Text(L.language)),
  canonicalUrl: v.nullable(HttpUrl),
  description: v.nullable(Text(L.description)),
});

const HintSchema: v.GenericSchema<EntityHint> = v.strictObject({
  name: Text(L.hintName),
  type: v.optional(EntityTypeSchema),
});

const PageArticleSchema: v.GenericSchema<PageArticle> = v.strictObject({
  detection: DetectionSchema,
  metadata: v.nullable(MetadataSchema),
  hints: v.pipe(v.array(HintSchema), v.maxLength(L.hints)),
});

/** Schema of a page report, the only message a content script may send. */
export const PageReportSchema: v.GenericSchema<PageReport> = v.strictObject({
  url: HttpUrl,
  title: Text(500),
  canonicalUrl: v.nullable(HttpUrl),
  article: v.nullable(PageArticleSchema),
});

const Span = { start: Offset, end: Offset };

const EntitySchema: v.GenericSchema<Entity> = v.strictObject({
  type: EntityTypeSchema,
  name: Text(300),
  aliases: v.array(Text(300)),
  mentions: v.array(v.strictObject(Span)),
});

const DateMentionSchema: v.GenericSchema<DateMention> = v.strictObject({
  text: Text(300),
  value: Text(20),
  precision: v.picklist(['year', 'month', 'week', 'day']),
  ...Span,
});

const TextAnalysisSchema: v.GenericSchema<TextAnalysis> = v.strictObject({
  entities: v.array(EntitySchema),
  dates: v.array(DateMentionSchema),
  length: Offset,
  language: v.optional(Text(20)),
});

const FactsSchema: v.GenericSchema<StoredArticleFacts> = v.strictObject({
  isArticle: v.boolean(),
  metadata: v.nullable(MetadataSchema),
  analysis: v.nullable(TextAnalysisSchema),
  analyzedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
});

const MAX_QUOTE = RECORD_LIMITS.quote;
const Uuid = v.pipe(v.string(), v.uuid());

const SelectorsSchema: v.GenericSchema<Selectors> = v.strictObject({
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
    prefix: Text(200),
    suffix: Text(200),
  }),
  position: v.optional(
    v.strictObject({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
  ),
});

const KindSchema = v.picklist(['highlight', 'claim']);
const StatusSchema = v.picklist(CLAIM_STATUSES);
const ColorSchema = v.picklist(HIGHLIGHT_COLORS);
const AnchorStatusSchema: v.GenericSchema<AnchorStatus> = v.picklist([
  'anchored',
  'changed',
  'orphan',
]);

/** Schema of the fields a reader edits; notes are plain text, evidence http(s) links. */
export const AnnotationFieldsSchema: v.GenericSchema<AnnotationFields> = v.strictObject({
  kind: KindSchema,
  note: Text(RECORD_LIMITS.note),
  status: v.nullable(StatusSchema),
  evidence: v.pipe(v.array(HttpUrl), v.maxLength(50)),
  tags: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(RECORD_LIMITS.tag))),
    v.maxLength(50),
  ),
  color: ColorSchema,
});

const DraftSchema: v.GenericSchema<AnnotationDraft> = v.strictObject({
  kind: KindSchema,
  selectors: SelectorsSchema,
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
});

const AnchoringSchema = v.strictObject({
  status: AnchorStatusSchema,
  text: v.nullable(v.pipe(v.string(), v.maxLength(MAX_QUOTE))),
  checkedAt: IsoTime,
});

/** Schema of a stored annotation as it crosses a message boundary. */
export const AnnotationRecordSchema: v.GenericSchema<AnnotationRecord> = v.strictObject({
  id: Uuid,
  articleUrl: HttpUrl,
  kind: KindSchema,
  selectors: SelectorsSchema,
  quote: v.pipe(v.string(), v.maxLength(MAX_QUOTE)),
  note: Text(RECORD_LIMITS.note),
  status: v.nullable(StatusSchema),
  evidence: v.array(HttpUrl),
  tags: v.array(Text(RECORD_LIMITS.tag)),
  color: ColorSchema,
  createdAt: IsoTime,
  modifiedAt: IsoTime,
  articleModified: v.nullable(Text(40)),
  anchoring: v.nullable(AnchoringSchema),
});

const AnchorSchema: v.GenericSchema<AnnotationAnchor> = v.strictObject({
  id: Uuid,
  articleUrl: HttpUrl,
  kind: KindSchema,
  status: v.nullable(StatusSchema),
  color: ColorSchema,
  selectors: SelectorsSchema,
});

/** What the editor needs to show: never sent to a content script. */
export interface EditorData {
  quote: string;
  anchoring: { status: AnchorStatus; text: string | null } | null;
  value: AnnotationFields;
  isNew: boolean;
  knownTags: string[];
}

const EditorDataSchema: v.GenericSchema<EditorData> = v.strictObject({
  quote: v.string(),
  anchoring: v.nullable(
    v.strictObject({ status: AnchorStatusSchema, text: v.nullable(v.string()) }),
  ),
  value: AnnotationFieldsSchema,
  isNew: v.boolean(),
  knownTags: v.array(v.string()),
});

/** Which annotation an editor is about: a draft not yet saved, or a stored one. */
// A note is stored with its article: the popup names the article; an editor in a page leaves
// it out, and the background takes the article its tab shows.
const NoteTarget = v.strictObject({ id: Uuid, articleUrl: v.optional(HttpUrl) });
const EditorTarget = v.union([v.strictObject({ draftId: Uuid }), NoteTarget]);

/** Most body text Claimmark analyses for one page; longer bodies are cut here. */
export const MAX_BODY_CHARS = 400_000;

/** Schema of a stored article as it crosses a message boundary. */
export const ArticleRecordSchema: v.GenericSchema<ArticleRecord> = v.strictObject({
  url: HttpUrl,
  title: v.string(),
  canonicalUrl: v.nullable(HttpUrl),
  seenAt: v.array(HttpUrl),
  savedAt: IsoTime,
  updatedAt: IsoTime,
  facts: v.optional(FactsSchema),
});

const TabStateSchema: v.GenericSchema<TabState> = v.strictObject({
  report: PageReportSchema,
  articleKey: HttpUrl,
  saved: v.boolean(),
});

/** Which side may send a message: a content script in a page, or an extension page. */
export type Origin = 'content' | 'extension';
/** Which side receives a message: the background, or the content script of one tab. */
export type Receiver = 'background' | 'content';

/**
 * The one protocol: every message, who may send it, who receives it, and the shapes of its
 * request and response. Both ends validate against these schemas.
 */
export const protocol = {
  'page.report': {
    from: 'content',
    to: 'background',
    request: PageReportSchema,
    response: v.strictObject({ saved: v.boolean() }),
  },
  'tab.state': {
    from: 'extension',
    to: 'background',
    request: TabTarget,
    response: v.nullable(TabStateSchema),
  },
  'tab.analysis': {
    from: 'extension',
    to: 'background',
    // An article is analysed by itself; another page only when the reader asks ("requested").
    request: v.strictObject({ tabId: TabId, requested: v.optional(v.boolean()) }),
    response: v.nullable(TextAnalysisSchema),
  },
  'article.save': {
    from: 'extension',
    to: 'background',
    request: TabTarget,
    response: ArticleRecordSchema,
  },
  'annotation.create': {
    from: 'content',
    to: 'background',
    request: v.strictObject({ draft: DraftSchema, color: ColorSchema }),
    response: AnchorSchema,
  },
  'draft.create': {
    from: 'content',
    to: 'background',
    request: v.strictObject({ draft: DraftSchema }),
    response: v.strictObject({ draftId: Uuid }),
  },
  'annotations.forPage': {
    from: 'content',
    to: 'background',
    request: v.strictObject({}),
    response: v.array(AnchorSchema),
  },
  'annotations.anchored': {
    from: 'content',
    to: 'background',
    request: v.strictObject({
      results: v.pipe(
        v.array(
          v.strictObject({
            id: Uuid,
            status: AnchorStatusSchema,
            text: v.nullable(v.pipe(v.string(), v.maxLength(MAX_QUOTE))),
          }),
        ),
        v.maxLength(10_000),
      ),
    }),
    response: v.strictObject({ recorded: Offset }),
  },
  'editor.load': {
    from: 'extension',
    to: 'background',
    request: EditorTarget,
    response: EditorDataSchema,
  },
  'annotation.save': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({
      target: EditorTarget,
      fields: AnnotationFieldsSchema,
    }),
    response: AnnotationRecordSchema,
  },
  'annotation.delete': {
    from: 'extension',
    to: 'background',
    request: NoteTarget,
    response: v.strictObject({ deleted: v.boolean() }),
  },
  'annotation.undoDelete': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({ id: Uuid }),
    response: AnnotationRecordSchema,
  },
  'editor.close': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({}),
    response: v.strictObject({ closed: v.boolean() }),
  },
  'library.open': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({ id: Uuid, articleUrl: HttpUrl }),
    // "focused": a tab already showed the article; "opened": a new tab loads it and scrolls
    // to the annotation once its highlights are drawn.
    response: v.strictObject({ tab: v.picklist(['focused', 'opened']), revealed: v.boolean() }),
  },
  'library.imported': {
    from: 'extension',
    to: 'background',
    // The articles an import wrote to, so tabs showing them redraw their highlights.
    request: v.strictObject({ urls: v.pipe(v.array(HttpUrl), v.maxLength(100_000)) }),
    response: v.strictObject({ notified: Offset }),
  },
  'page.annotationsChanged': {
    from: 'extension',
    to: 'content',
    request: v.strictObject({}),
    response: v.strictObject({ drawn: Offset }),
  },
  'page.closeEditor': {
    from: 'extension',
    to: 'content',
    // Which editor asked to close (its query, "?draft=…" or "?id=…"): a late request from an
    // editor that is gone must not close the one the reader has open now.
    request: v.strictObject({ query: Text(200) }),
    response: v.strictObject({ closed: v.boolean() }),
  },
  'page.act': {
    from: 'extension',
    to: 'content',
    request: v.strictObject({ action: v.picklist(['highlight', 'claim', 'note']) }),
    response: v.strictObject({ done: v.boolean() }),
  },
  'page.reveal': {
    from: 'extension',
    to: 'content',
    request: v.strictObject({ id: Uuid }),
    response: v.strictObject({ revealed: v.boolean() }),
  },
  'page.refresh': {
    from: 'extension',
    to: 'content',
    // Before the popup shows a page: a page whose DOM changed since its report (a story
    // rendered late) reads itself again and reports before answering.
    request: v.strictObject({}),
    response: v.strictObject({ reread: v.boolean() }),
  },
  'page.body': {
    from: 'extension',
    to: 'content',
    request: v.strictObject({}),
    response: v.nullable(v.strictObject({ text: Text(MAX_BODY_CHARS) })),
  },
  'page.mark': {
    from: 'extension',
    to: 'content',
    request: v.strictObject({ terms: v.pipe(v.array(Text(300)), v.maxLength(100)) }),
    response: v.strictObject({ marked: Offset }),
  },
} as const satisfies Record<
  string,
  { from: Origin; to: Receiver; request: v.GenericSchema; response: v.GenericSchema }
>;

/** The name of a message in the protocol. */
export type MessageType = keyof typeof protocol;
/** The names of the messages one side receives. */
export type MessagesTo<R extends Receiver> = {
  [K in MessageType]: (typeof protocol)[K]['to'] extends R ? K : never;
}[MessageType];
/** The request payload of message K. */
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof protocol)[K]['request']>;
/** The response value of message K. */
export type ResponseOf<K extends MessageType> = v.InferOutput<(typeof protocol)[K]['response']>;

/** The envelope every request travels in. */
export const RequestEnvelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(protocol) as MessageType[]),
  payload: v.unknown(),
});

/** What comes back: a value, or an error the sender can show. */
export type ResponseEnvelope = { ok: true; value: unknown } | { ok: false; error: string };

/** Schema of a response envelope, checked by the sender. */
export const ResponseEnvelopeSchema: v.GenericSchema<ResponseEnvelope> = v.union([
  v.strictObject({ ok: v.literal(true), value: v.unknown() }),
  v.strictObject({ ok: v.literal(false), error: v.string() }),
]);

/** Formats valibot issues as "path: message" lines, for errors a reader or developer can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
