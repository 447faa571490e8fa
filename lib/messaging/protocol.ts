import * as v from 'valibot';
import {
  AnchoringResultSchema,
  AnnotationAnchorSchema,
  AnnotationDraftSchema,
  AnnotationFieldsSchema,
  AnnotationRecordSchema,
  ArticleRecordSchema,
  EditorDataSchema,
  HighlightColorSchema,
  PageReportSchema,
  RECORD_LIMITS,
  TabStateSchema,
  TextAnalysisSchema,
} from '../model';
import { BackupChangeSchema, BackupStateSchema } from '../model/backup';
import { HttpUrl, IsoTime, Offset, Text, Uuid } from '../model/fields';
import { SyncStatusSchema } from '../model/sync-settings';
import { VERSION_TEXT_LIMIT } from '../model/version';
import {
  EditorAddressSchema,
  EditorTargetSchema as EditorTarget,
  NoteAddressSchema as NoteTarget,
} from './editor-address';

// The records are the model's (lib/model), strict: this file only says which message carries
// which, and the few values that exist only as messages (a tab id, an editor's target).

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Where a note's passage went since the version it was made on. */
const VersionHintSchema = v.variant('kind', [
  v.strictObject({
    id: Uuid,
    kind: v.picklist(['kept', 'changed', 'moved']),
    start: Offset,
    end: Offset,
  }),
  v.strictObject({ id: Uuid, kind: v.literal('deleted') }),
]);
const TabTarget = v.strictObject({ tabId: TabId });

/** Most body text Claimmark analyses for one page; longer bodies are cut here. */
export const MAX_BODY_CHARS = 400_000;

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
    request: v.strictObject({ draft: AnnotationDraftSchema, color: HighlightColorSchema }),
    response: AnnotationAnchorSchema,
  },
  'draft.create': {
    from: 'content',
    to: 'background',
    request: v.strictObject({ draft: AnnotationDraftSchema }),
    // The token opens the editor frame for this selection, in this tab, once.
    response: v.strictObject({ draftId: Uuid, token: Uuid }),
  },
  'editor.grant': {
    from: 'content',
    to: 'background',
    // A page opens an editor or peek frame only on a note of an article its tab was shown.
    request: v.strictObject({ view: v.picklist(['editor', 'peek']), note: NoteTarget }),
    response: v.strictObject({ token: Uuid }),
  },
  'annotations.forPage': {
    from: 'content',
    to: 'background',
    request: v.strictObject({}),
    response: v.array(AnnotationAnchorSchema),
  },
  'annotations.remap': {
    from: 'content',
    to: 'background',
    // The page's text as anchoring reads it: where each note went since the version it was made
    // on (issue 14). Asked only when a note of the page has a stored version.
    request: v.strictObject({ text: Text(VERSION_TEXT_LIMIT) }),
    response: v.strictObject({
      hints: v.pipe(v.array(VersionHintSchema), v.maxLength(10_000)),
    }),
  },
  'annotations.anchored': {
    from: 'content',
    to: 'background',
    request: v.strictObject({
      results: v.pipe(v.array(AnchoringResultSchema), v.maxLength(10_000)),
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
  'annotation.copy': {
    from: 'extension',
    to: 'background',
    // The library's "Copy to my notes" on another reader's note (issue 16); the popup only.
    request: v.strictObject({ id: Uuid, articleUrl: HttpUrl }),
    response: AnnotationRecordSchema,
  },
  'annotation.settle': {
    from: 'extension',
    to: 'background',
    // One of an own note's conflicts, named by when it was made: kept, or dismissed; the popup only.
    request: v.strictObject({
      id: Uuid,
      articleUrl: HttpUrl,
      at: IsoTime,
      choice: v.picklist(['keep', 'dismiss']),
    }),
    response: AnnotationRecordSchema,
  },
  'library.imported': {
    from: 'extension',
    to: 'background',
    // The articles an import wrote to, so tabs showing them redraw their highlights.
    request: v.strictObject({ urls: v.pipe(v.array(HttpUrl), v.maxLength(100_000)) }),
    response: v.strictObject({ notified: Offset }),
  },
  'sync.now': {
    from: 'extension',
    to: 'background',
    // Options' "Sync now": runs a sync with the stored settings and answers how it went.
    request: v.strictObject({}),
    response: SyncStatusSchema,
  },
  'sync.seal': {
    from: 'extension',
    to: 'background',
    // The options page has the password sealed before it stores it: only the background, which
    // holds the key in the extension's IndexedDB, can read it again.
    request: v.strictObject({ password: Text(1000) }),
    response: v.strictObject({ sealed: Text(4000) }),
  },
  // Scheduled local backups (issue 16): the options page reads and changes the settings and asks
  // for a backup now; the background refuses them from any other extension page.
  'backup.state': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({}),
    response: BackupStateSchema,
  },
  'backup.configure': {
    from: 'extension',
    to: 'background',
    request: BackupChangeSchema,
    response: BackupStateSchema,
  },
  'backup.now': {
    from: 'extension',
    to: 'background',
    request: v.strictObject({}),
    // The state after the backup: its file and time, or why it failed (`lastError`).
    response: BackupStateSchema,
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
    // Which editor asked to close (as its own address says): a late request from an editor that
    // is gone must not close the one the reader has open now.
    request: v.strictObject({ editor: EditorAddressSchema }),
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
  'page.text': {
    from: 'extension',
    to: 'content',
    // The page's text as anchoring reads it, kept as a version of an article the reader acts on.
    request: v.strictObject({}),
    response: v.nullable(v.strictObject({ text: Text(VERSION_TEXT_LIMIT) })),
  },
  'page.mark': {
    from: 'extension',
    to: 'content',
    // Names and aliases of the page's entities.
    request: v.strictObject({
      terms: v.pipe(v.array(Text(RECORD_LIMITS.name)), v.maxLength(100)),
    }),
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
