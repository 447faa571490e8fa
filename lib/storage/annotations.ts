import type {
  AnchorStatus,
  AnnotationDraft,
  AnnotationFields,
  AnnotationRecord,
  PageReport,
  StoredArticleFacts,
} from '../model';
import { RECORD_LIMITS } from '../model/limits';
import { saveArticle } from './articles';
import type { ClaimmarkDatabase } from './database';
import { readNotes, writeNotes, type NoteRef } from './notes';

export type { NoteRef } from './notes';

/** The article an annotation belongs to, prepared before the transaction (analysis is slow). */
export interface ArticleInput {
  key: string;
  report: PageReport;
  seenAt: string;
  facts?: StoredArticleFacts;
}

/** Annotations of one article, in reading order (orphans, which have no place, last). */
export async function annotationsForArticle(
  db: ClaimmarkDatabase,
  articleUrl: string,
): Promise<AnnotationRecord[]> {
  const list = await readNotes(db, articleUrl);
  const place = (a: AnnotationRecord) =>
    a.anchoring?.status === 'orphan' ? Number.MAX_SAFE_INTEGER : (a.selectors.position?.start ?? 0);
  return list.sort((a, b) => place(a) - place(b) || a.createdAt.localeCompare(b.createdAt));
}

/** Reads one annotation, or undefined. */
export async function getAnnotation(
  db: ClaimmarkDatabase,
  ref: NoteRef,
): Promise<AnnotationRecord | undefined> {
  return (await readNotes(db, ref.articleUrl)).find((a) => a.id === ref.id);
}

/**
 * Stores a new annotation and makes sure its article is in the library, in one transaction:
 * annotating is acting on the article, so that is when it is saved.
 */
export function createAnnotation(
  db: ClaimmarkDatabase,
  input: ArticleInput,
  draft: AnnotationDraft,
  fields: AnnotationFields,
  now: Date = new Date(),
  version: number | null = null,
  author = '',
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.articles, db.notes, async () => {
    const article =
      (await db.articles.get(input.key)) ??
      (await saveArticle(db, input.key, input.report, input.seenAt, now, input.facts));
    const time = now.toISOString();
    const record: AnnotationRecord = {
      id: crypto.randomUUID(),
      articleUrl: article.url,
      kind: fields.kind,
      selectors: draft.selectors,
      quote: draft.quote,
      note: fields.note,
      status: fields.kind === 'claim' ? (fields.status ?? 'unverified') : null,
      evidence: fields.evidence,
      tags: fields.tags,
      color: fields.color,
      createdAt: time,
      modifiedAt: time,
      articleModified: article.facts?.metadata?.modified ?? null,
      anchoring: { status: 'anchored', text: null, checkedAt: time },
      ...(version === null ? {} : { version }),
      ...(author === '' ? {} : { author }),
    };
    await writeNotes(db, article.url, [...(await readNotes(db, article.url)), record]);
    return record;
  });
}

/**
 * Throws when the stored note may not be changed; called inside the write's transaction, so a
 * note cannot change hands (a sync) between the check and the write.
 */
export type NoteGuard = (existing: AnnotationRecord) => void;

/** Replaces the reader's fields of an annotation; throws when it no longer exists. */
export function updateAnnotation(
  db: ClaimmarkDatabase,
  ref: NoteRef,
  fields: AnnotationFields,
  now: Date = new Date(),
  guard: NoteGuard = () => undefined,
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.notes, async () => {
    const items = await readNotes(db, ref.articleUrl);
    const at = items.findIndex((a) => a.id === ref.id);
    const existing = items[at];
    if (!existing) throw new Error('This note no longer exists (deleted elsewhere?).');
    guard(existing);
    const record: AnnotationRecord = {
      ...existing,
      ...fields,
      status: fields.kind === 'claim' ? (fields.status ?? 'unverified') : null,
      modifiedAt: now.toISOString(),
    };
    items[at] = record;
    await writeNotes(db, ref.articleUrl, items);
    return record;
  });
}

/** Deletes an annotation and returns what was deleted, so it can be restored. */
export function deleteAnnotation(
  db: ClaimmarkDatabase,
  ref: NoteRef,
  guard: NoteGuard = () => undefined,
): Promise<AnnotationRecord | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const items = await readNotes(db, ref.articleUrl);
    const existing = items.find((a) => a.id === ref.id);
    if (existing) {
      guard(existing);
      await writeNotes(
        db,
        ref.articleUrl,
        items.filter((a) => a !== existing),
      );
    }
    return existing;
  });
}

/**
 * A copy of a note as a new note of the same article: same passage and reader's fields, a new
 * id, signed by `author` (unsigned when empty) and without the other devices' versions.
 */
export function copyAnnotation(
  db: ClaimmarkDatabase,
  ref: NoteRef,
  author: string,
  now: Date = new Date(),
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.notes, async () => {
    const items = await readNotes(db, ref.articleUrl);
    const original = items.find((a) => a.id === ref.id);
    if (!original) throw new Error('This note no longer exists (deleted elsewhere?).');
    const { author: _author, conflicts: _conflicts, ...rest } = original;
    const time = now.toISOString();
    const record: AnnotationRecord = {
      ...rest,
      id: crypto.randomUUID(),
      createdAt: time,
      modifiedAt: time,
      ...(author === '' ? {} : { author }),
    };
    await writeNotes(db, ref.articleUrl, [...items, record]);
    return record;
  });
}

/**
 * Settles one of a note's conflicts, the one edited at `at`: "keep" makes its fields the note's,
 * "dismiss" keeps the note as it is; either way that version is dropped.
 */
export function settleConflict(
  db: ClaimmarkDatabase,
  ref: NoteRef,
  at: string,
  choice: 'keep' | 'dismiss',
  now: Date = new Date(),
  guard: NoteGuard = () => undefined,
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.notes, async () => {
    const items = await readNotes(db, ref.articleUrl);
    const index = items.findIndex((a) => a.id === ref.id);
    const existing = items[index];
    if (!existing) throw new Error('This note no longer exists (deleted elsewhere?).');
    guard(existing);
    const conflicts = existing.conflicts ?? [];
    const settled = conflicts.find((c) => c.at === at);
    if (!settled) throw new Error('This version was already settled.');
    const left = conflicts.filter((c) => c !== settled);
    const { conflicts: _conflicts, ...rest } = existing;
    const record: AnnotationRecord = {
      ...rest,
      ...(choice === 'keep' ? { ...settled.fields, modifiedAt: now.toISOString() } : {}),
      ...(left.length > 0 ? { conflicts: left } : {}),
    };
    items[index] = record;
    await writeNotes(db, ref.articleUrl, items);
    return record;
  });
}

/** Puts a deleted annotation back exactly as it was. */
export function restoreAnnotation(db: ClaimmarkDatabase, record: AnnotationRecord): Promise<void> {
  return db.transaction('rw', db.notes, async () => {
    const items = await readNotes(db, record.articleUrl);
    await writeNotes(db, record.articleUrl, [...items.filter((a) => a.id !== record.id), record]);
  });
}

// How long an unchanged anchoring result stands before a visit records its check again.
const RECHECK_MS = 24 * 60 * 60 * 1000;

/** Records how each annotation came back on its page, in one transaction. */
export function recordAnchoring(
  db: ClaimmarkDatabase,
  articleUrl: string,
  results: readonly { id: string; status: AnchorStatus; text: string | null }[],
  now: Date = new Date(),
): Promise<number> {
  return db.transaction('rw', db.notes, async () => {
    // Only the article's own annotations: a tab cannot touch another article's notes.
    const items = await readNotes(db, articleUrl);
    const byId = new Map(items.map((a, at) => [a.id, at]));
    let updated = 0;
    let changed = false;
    for (const result of results) {
      const at = byId.get(result.id);
      const existing = at === undefined ? undefined : items[at];
      if (at === undefined || !existing) continue;
      updated++;
      // A visit that finds every note as before writes nothing (an open library would read
      // everything again after any write); the check time is renewed at most once a day.
      const last = existing.anchoring;
      const fresh = last && now.getTime() - Date.parse(last.checkedAt) < RECHECK_MS;
      if (fresh && last.status === result.status && last.text === result.text) continue;
      items[at] = {
        ...existing,
        anchoring: { status: result.status, text: result.text, checkedAt: now.toISOString() },
      };
      changed = true;
    }
    if (changed) await writeNotes(db, articleUrl, items);
    return updated;
  });
}

/** Every tag in use, most used first, for completion in the editor. */
export async function knownTags(db: ClaimmarkDatabase): Promise<string[]> {
  const counts = new Map<string, number>();
  await db.notes.each((row) => {
    for (const a of row.items)
      for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  // A tag no record may hold (written by an older build) is not offered: the editor's reply
  // would be refused, and every note's editor with it.
  for (const tag of counts.keys())
    if (tag === '' || tag.length > RECORD_LIMITS.tag) counts.delete(tag);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t);
}
