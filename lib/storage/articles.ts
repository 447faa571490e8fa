import { keepSeenAt, type ArticleRecord, type PageReport, type StoredArticleFacts } from '../model';
import { trustedCanonical } from '../page/article-key';
import type { ClaimmarkDatabase } from './database';

/**
 * The addresses an article was seen at, with one more: the first (where the reader found it)
 * and the most recent, so a page that changes its address on every visit cannot grow the record
 * past what a message or an import file may hold.
 */
export function withSeenAt(seen: readonly string[], address: string): string[] {
  // Trimmed even when the address is known: a record from before the limit may hold more.
  return keepSeenAt(seen.includes(address) ? seen : [...seen, address]);
}

/** Reads one article by its key, or undefined. */
export function getArticle(db: ClaimmarkDatabase, key: string): Promise<ArticleRecord | undefined> {
  return db.articles.get(key);
}

/** Lists saved articles, most recently saved first. */
export function listArticles(db: ClaimmarkDatabase): Promise<ArticleRecord[]> {
  return db.articles.orderBy('savedAt').reverse().toArray();
}

/**
 * Saves the article a page reported, in one transaction: creates it on first save, otherwise
 * adds the address it was seen at and refreshes the title and, when given, the facts.
 */
export function saveArticle(
  db: ClaimmarkDatabase,
  key: string,
  report: PageReport,
  seenAt: string,
  now: Date = new Date(),
  facts?: StoredArticleFacts,
): Promise<ArticleRecord> {
  return db.transaction('rw', db.articles, async () => {
    const existing = await db.articles.get(key);
    const time = now.toISOString();
    // A canonical on another site did not make the key, and is not kept either.
    const canonicalUrl = trustedCanonical(report.url, report.canonicalUrl);
    const record: ArticleRecord = existing
      ? {
          ...existing,
          title: report.title || existing.title,
          canonicalUrl: canonicalUrl ?? existing.canonicalUrl,
          seenAt: withSeenAt(existing.seenAt, seenAt),
          updatedAt: time,
          ...((facts ?? existing.facts) ? { facts: facts ?? existing.facts } : {}),
        }
      : {
          url: key,
          title: report.title,
          canonicalUrl,
          seenAt: [seenAt],
          savedAt: time,
          updatedAt: time,
          ...(facts ? { facts } : {}),
        };
    await db.articles.put(record);
    return record;
  });
}

/**
 * Records another address of an article already in the library; writes nothing for an
 * article that was never saved. Returns whether the article is saved.
 */
export async function noteArticleSeen(
  db: ClaimmarkDatabase,
  key: string,
  seenAt: string,
): Promise<boolean> {
  // A read first: most pages are not in the library, and those must cost no write transaction.
  const existing = await db.articles.get(key);
  if (!existing) return false;
  if (existing.seenAt.includes(seenAt)) return true;
  await db.transaction('rw', db.articles, async () => {
    const current = await db.articles.get(key);
    if (current && !current.seenAt.includes(seenAt)) {
      await db.articles.update(key, { seenAt: withSeenAt(current.seenAt, seenAt) });
    }
  });
  return true;
}

/** Replaces what Claimmark understood of a saved article; does nothing for an unsaved one. */
export function updateArticleFacts(
  db: ClaimmarkDatabase,
  key: string,
  facts: StoredArticleFacts,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction('rw', db.articles, async () => {
    const updated = await db.articles.update(key, { facts, updatedAt: now.toISOString() });
    return updated > 0;
  });
}
