import type {
  AnchorStatus,
  AnnotationDraft,
  AnnotationFields,
  AnnotationRecord,
  PageReport,
  StoredArticleFacts,
} from '../model';
import { saveArticle } from './articles';
import { refreshCatalog } from './catalog';
import type { ClaimmarkDatabase } from './database';

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
  const list = await db.annotations.where('articleUrl').equals(articleUrl).toArray();
  const place = (a: AnnotationRecord) =>
    a.anchoring?.status === 'orphan' ? Number.MAX_SAFE_INTEGER : (a.selectors.position?.start ?? 0);
  return list.sort((a, b) => place(a) - place(b) || a.createdAt.localeCompare(b.createdAt));
}

/** Reads one annotation, or undefined. */
export function getAnnotation(
  db: ClaimmarkDatabase,
  id: string,
): Promise<AnnotationRecord | undefined> {
  return db.annotations.get(id);
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
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
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
    };
    await db.annotations.add(record);
    await refreshCatalog(db, [record.articleUrl]);
    return record;
  });
}

/** Replaces the reader's fields of an annotation; throws when it no longer exists. */
export function updateAnnotation(
  db: ClaimmarkDatabase,
  id: string,
  fields: AnnotationFields,
  now: Date = new Date(),
): Promise<AnnotationRecord> {
  return db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
    const existing = await db.annotations.get(id);
    if (!existing) throw new Error('This note no longer exists (deleted elsewhere?).');
    const record: AnnotationRecord = {
      ...existing,
      ...fields,
      status: fields.kind === 'claim' ? (fields.status ?? 'unverified') : null,
      modifiedAt: now.toISOString(),
    };
    await db.annotations.put(record);
    await refreshCatalog(db, [record.articleUrl]);
    return record;
  });
}

/** Deletes an annotation and returns what was deleted, so it can be restored. */
export function deleteAnnotation(
  db: ClaimmarkDatabase,
  id: string,
): Promise<AnnotationRecord | undefined> {
  return db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
    const existing = await db.annotations.get(id);
    if (existing) {
      await db.annotations.delete(id);
      await refreshCatalog(db, [existing.articleUrl]);
    }
    return existing;
  });
}

/** Puts a deleted annotation back exactly as it was. */
export function restoreAnnotation(db: ClaimmarkDatabase, record: AnnotationRecord): Promise<void> {
  return db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
    await db.annotations.put(record);
    await refreshCatalog(db, [record.articleUrl]);
  });
}

/** Records how each annotation came back on its page, in one transaction. */
export function recordAnchoring(
  db: ClaimmarkDatabase,
  articleUrl: string,
  results: { id: string; status: AnchorStatus; text: string | null }[],
  now: Date = new Date(),
): Promise<number> {
  return db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
    let updated = 0;
    let statusChanged = false;
    for (const result of results) {
      const existing = await db.annotations.get(result.id);
      // Only the article's own annotations: a tab cannot touch another article's notes.
      if (existing?.articleUrl !== articleUrl) continue;
      statusChanged ||= (existing.anchoring?.status ?? 'anchored') !== result.status;
      await db.annotations.update(result.id, {
        anchoring: { status: result.status, text: result.text, checkedAt: now.toISOString() },
      });
      updated++;
    }
    // The catalog shows only the status: a page visit that changed none rewrites nothing there.
    if (statusChanged) await refreshCatalog(db, [articleUrl]);
    return updated;
  });
}

/** Every tag in use, most used first, for completion in the editor. */
export async function knownTags(db: ClaimmarkDatabase): Promise<string[]> {
  const counts = new Map<string, number>();
  await db.annotations.each((a) => {
    for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t);
}
