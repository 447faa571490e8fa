import * as v from 'valibot';
import type { ArticleRecord, PageReport, TabState } from '../model';
import { parseHttpUrl } from '../page/normalize-url';

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.check((s) => parseHttpUrl(s) !== null, 'must be an absolute http(s) URL'),
);
const IsoTime = v.pipe(v.string(), v.isoTimestamp());
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const TabTarget = v.strictObject({ tabId: TabId });

/** Schema of a page report, the only message a content script may send. */
export const PageReportSchema: v.GenericSchema<PageReport> = v.strictObject({
  url: HttpUrl,
  title: v.pipe(v.string(), v.maxLength(500)),
  canonicalUrl: v.nullable(HttpUrl),
});

/** Schema of a stored article as it crosses a message boundary. */
export const ArticleRecordSchema: v.GenericSchema<ArticleRecord> = v.strictObject({
  url: HttpUrl,
  title: v.string(),
  canonicalUrl: v.nullable(HttpUrl),
  seenAt: v.array(HttpUrl),
  savedAt: IsoTime,
  updatedAt: IsoTime,
});

const TabStateSchema: v.GenericSchema<TabState> = v.strictObject({
  report: PageReportSchema,
  articleKey: HttpUrl,
  saved: v.boolean(),
});

/** Which side may send a message: a content script in a page, or an extension page. */
export type Origin = 'content' | 'extension';

/**
 * The one protocol: every message, who may send it, and the shapes of its request and
 * response. Both ends validate against these schemas.
 */
export const protocol = {
  'page.report': {
    from: 'content',
    request: PageReportSchema,
    response: v.strictObject({ saved: v.boolean() }),
  },
  'tab.state': {
    from: 'extension',
    request: TabTarget,
    response: v.nullable(TabStateSchema),
  },
  'article.save': {
    from: 'extension',
    request: TabTarget,
    response: ArticleRecordSchema,
  },
} as const satisfies Record<
  string,
  { from: Origin; request: v.GenericSchema; response: v.GenericSchema }
>;

/** The name of a message in the protocol. */
export type MessageType = keyof typeof protocol;
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
