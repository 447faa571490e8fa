import * as v from 'valibot';
import { AnnotationRecordSchema, ArticleRecordSchema } from '../model';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { isRecord } from '../exchange/parsed';
import { HttpUrl, IsoTime, PageDate } from '../model/fields';
import { Sha256Hex, VersionContentSchema } from '../model/version';

// The documents Claimmark keeps in a CouchDB database: one per note and one per article, flat,
// so a person reading the database in Fauxton sees the fields they know from the export. Ids are
// stable across devices: a note's UUID, an article's normalised URL.
//
// What a note's document leaves out stays on each device: how the highlight last anchored on
// that device's page (`anchoring`) and the number of the stored text version it was made on
// (`version`, numbered per device). The version travels by its text's hash (`versionHash`),
// which every device that holds that text maps to its own number.

/** Prefix of a note document's id; the rest is the note's UUID. */
export const NOTE_PREFIX = 'note:';
/** Prefix of an article document's id; the rest is the article's key (normalised URL). */
export const ARTICLE_PREFIX = 'article:';
/** Prefix of a stored version's document id: `version:<hash of its text>:<article key>`. */
export const VERSION_PREFIX = 'version:';
/** The id of the document holding the export settings every device shares (lib/sync/settings.ts). */
export const SETTINGS_DOC_ID = 'settings:export';

/** The fields of a note the server holds. */
export type SyncedNote = Omit<AnnotationRecord, 'anchoring' | 'version'> & {
  /** The hash of the text of the version it was made on, when this device stores that version. */
  versionHash?: string;
};

/** A note as a document. */
export type NoteDoc = Omit<SyncedNote, 'id'> & { _id: string; _rev?: string; type: 'note' };
/** An article as a document. */
export type ArticleDoc = ArticleRecord & { _id: string; _rev?: string; type: 'article' };

/** A stored version of an article's text, as it travels: plain text, so any tool can read it. */
export const SyncedVersionSchema = v.strictObject({
  articleUrl: HttpUrl,
  hash: Sha256Hex,
  story: v.optional(Sha256Hex),
  seenAt: IsoTime,
  modified: v.nullable(PageDate),
  content: VersionContentSchema,
});

/** A stored version as it travels. */
export type SyncedVersion = v.InferOutput<typeof SyncedVersionSchema>;
/** A stored version as a document. */
export type VersionDoc = SyncedVersion & { _id: string; _rev?: string; type: 'version' };

/** The id of a version's document. */
export function versionDocId(articleUrl: string, hash: string): string {
  return `${VERSION_PREFIX}${hash}:${articleUrl}`;
}

/** A version's document (without a revision). */
export function toVersionDoc(version: SyncedVersion): VersionDoc {
  return { _id: versionDocId(version.articleUrl, version.hash), type: 'version', ...version };
}

/** A deletion as the server keeps it. */
export interface Tombstone {
  _id: string;
  _rev?: string;
  _deleted: true;
}

/** The id of a note's document. */
export function noteDocId(id: string): string {
  return NOTE_PREFIX + id;
}

/** The id of an article's document. */
export function articleDocId(url: string): string {
  return ARTICLE_PREFIX + url;
}

/**
 * The fields of a note the server holds: its device-local ones left out, its version named by
 * the text's hash (`hashOf` maps this device's numbers of the note's article to hashes).
 */
export function syncedNote(
  record: AnnotationRecord,
  hashOf: (n: number) => string | undefined = () => undefined,
): SyncedNote {
  const { anchoring: _anchoring, version, ...synced } = record;
  const versionHash = version === undefined ? undefined : hashOf(version);
  return versionHash === undefined ? synced : { ...synced, versionHash };
}

/** A note's document (without a revision). */
export function toNoteDoc(note: SyncedNote): NoteDoc {
  const { id, ...rest } = note;
  return { _id: noteDocId(id), type: 'note', ...rest };
}

/** An article's document (without a revision). */
export function toArticleDoc(article: ArticleRecord): ArticleDoc {
  return { _id: articleDocId(article.url), type: 'article', ...article };
}

/**
 * The note a pulled document stands for, keeping what this device alone knows of it (how it
 * anchored here, the version it was made on) when the note is already here.
 */
export function noteFromDoc(
  note: SyncedNote,
  local: AnnotationRecord | undefined,
  numberOf: (hash: string) => number | undefined = () => undefined,
): AnnotationRecord {
  const { versionHash, ...record } = note;
  const { anchoring, version } = local ?? { anchoring: null, version: undefined };
  // A note that moved to another article (an import merged two) anchors anew there.
  const same = local?.articleUrl === note.articleUrl;
  const n =
    (versionHash === undefined ? undefined : numberOf(versionHash)) ?? (same ? version : undefined);
  return {
    ...record,
    anchoring: same ? anchoring : null,
    ...(n !== undefined ? { version: n } : {}),
  };
}

/** The largest document accepted from a server, in UTF-16 code units of its JSON. */
export const MAX_DOC_CHARS = 2_000_000;

/** A document from the server, checked: what it is, or why it was refused. */
export type CheckedDoc =
  | { kind: 'note'; rev: string; note: SyncedNote }
  | { kind: 'article'; rev: string; article: ArticleRecord }
  | { kind: 'version'; rev: string; version: SyncedVersion }
  | { kind: 'deleted'; id: string; rev: string }
  /** A Claimmark document synced apart from the library (the shared settings). */
  | { kind: 'apart'; id: string }
  | { kind: 'refused'; id: string; reason: string };

// CouchDB's own fields; any other key a model record does not declare is refused.
const META_KEYS = new Set(['_id', '_rev', '_conflicts', '_revisions', '_deleted', 'type']);

function refuse(id: string, reason: string): CheckedDoc {
  return { kind: 'refused', id, reason };
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Checks a document a server sent against the model, as strictly as a message: wrong types,
 * strings over the model's limits and unknown fields are refused with a reason, never stored.
 */
export function checkDoc(doc: unknown): CheckedDoc {
  if (!isRecord(doc)) return refuse('?', 'not an object');
  const id = doc._id;
  const rev = doc._rev;
  if (typeof id !== 'string' || id.length > 5000) return refuse('?', 'no usable _id');
  const shownId = id.slice(0, 200);
  if (typeof rev !== 'string' || rev.length > 200) return refuse(shownId, 'no usable _rev');
  // The settings travel apart; a design document (a desk's validation function) is the server's.
  if (id === SETTINGS_DOC_ID || id.startsWith('_design/')) return { kind: 'apart', id };
  if (doc._deleted === true) return { kind: 'deleted', id, rev };
  // The model's limits bound every field but the lists of an article's analysis; a document
  // this large is not one Claimmark wrote.
  if (JSON.stringify(doc).length > MAX_DOC_CHARS) return refuse(shownId, 'larger than 2 MB');
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!META_KEYS.has(key)) body[key] = value;
  if (id.startsWith(NOTE_PREFIX)) {
    if (doc.type !== 'note') return refuse(shownId, 'a note id without type "note"');
    // Device-local fields never travel: a document that carries them was not written by Claimmark.
    if ('anchoring' in body || 'version' in body || 'id' in body)
      return refuse(shownId, 'carries a device-local field');
    const { versionHash, ...fields } = body;
    const hash = v.safeParse(v.optional(Sha256Hex), versionHash);
    if (!hash.success) return refuse(shownId, `versionHash: ${firstIssue(hash.issues)}`);
    const parsed = v.safeParse(AnnotationRecordSchema, {
      id: id.slice(NOTE_PREFIX.length),
      ...fields,
      anchoring: null,
    });
    if (!parsed.success) return refuse(shownId, firstIssue(parsed.issues));
    const note = syncedNote(parsed.output);
    return {
      kind: 'note',
      rev,
      note: hash.output === undefined ? note : { ...note, versionHash: hash.output },
    };
  }
  if (id.startsWith(VERSION_PREFIX)) {
    if (doc.type !== 'version') return refuse(shownId, 'a version id without type "version"');
    const parsed = v.safeParse(SyncedVersionSchema, body);
    if (!parsed.success) return refuse(shownId, firstIssue(parsed.issues));
    if (versionDocId(parsed.output.articleUrl, parsed.output.hash) !== id)
      return refuse(shownId, 'its id is not its article and hash');
    return { kind: 'version', rev, version: parsed.output };
  }
  if (id.startsWith(ARTICLE_PREFIX)) {
    if (doc.type !== 'article') return refuse(shownId, 'an article id without type "article"');
    const parsed = v.safeParse(ArticleRecordSchema, body);
    if (!parsed.success) return refuse(shownId, firstIssue(parsed.issues));
    if (articleDocId(parsed.output.url) !== id) return refuse(shownId, 'its id is not its url');
    return { kind: 'article', rev, article: parsed.output };
  }
  return refuse(shownId, 'not a Claimmark document');
}
