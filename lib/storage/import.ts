import type { Table } from 'dexie';
import type { ParsedImport } from '../exchange/parsed';
import {
  planImport,
  type ExistingRecords,
  type ImportPlan,
  type ImportSummary,
} from '../exchange/plan';
import { buildCatalogEntry } from '../library/catalog-entry';
import type { AnnotationRecord } from '../model';
import type { ClaimmarkDatabase } from './database';
import { describeStorageError } from './errors';

// Below this many keys, reading the records asked for is cheaper than listing every key first.
const FEW_KEYS = 2000;

/** The records of these keys that exist, read in bulk (never one request per await). */
async function readPresent<T, I>(table: Table<T, string, I>, keys: string[]): Promise<T[]> {
  if (keys.length === 0) return [];
  let wanted = keys;
  if (keys.length > FEW_KEYS) {
    // Listing keys is cheap (no values); only records in both the file and the library are read.
    const present = new Set(await table.toCollection().primaryKeys());
    wanted = keys.filter((k) => present.has(k));
  }
  const found = await table.bulkGet(wanted);
  return found.filter((r): r is T => r !== undefined);
}

/** The library's records that the file's articles and annotations meet. */
async function readExisting(db: ClaimmarkDatabase, parsed: ParsedImport): Promise<ExistingRecords> {
  const urls = new Set(parsed.articles.map((a) => a.url));
  for (const a of parsed.annotations) urls.add(a.articleUrl);
  const [articles, annotations] = await Promise.all([
    readPresent(db.articles, [...urls]),
    readPresent(
      db.annotations,
      parsed.annotations.map((a) => a.id),
    ),
  ]);
  return {
    articles: new Map(articles.map((a) => [a.url, a])),
    annotations: new Map(annotations.map((a) => [a.id, a])),
  };
}

/** What importing this file would do to the library, without writing anything. */
export async function previewImport(
  db: ClaimmarkDatabase,
  parsed: ParsedImport,
): Promise<ImportPlan> {
  return db.transaction('r', db.articles, db.annotations, async () =>
    planImport(parsed, await readExisting(db, parsed)),
  );
}

/** Rebuilds the catalog rows of the touched articles after the plan's records were written. */
async function rebuildCatalog(
  db: ClaimmarkDatabase,
  plan: ImportPlan,
  existing: ExistingRecords,
): Promise<void> {
  const urls = plan.touchedUrls;
  if (urls.length === 0) return;
  const articles = new Map(existing.articles);
  for (const a of plan.articles) articles.set(a.url, a);
  const unread = urls.filter((u) => !articles.has(u));
  for (const a of await readPresent(db.articles, unread)) articles.set(a.url, a);
  // An article with a catalog row may have annotations the file does not carry: read them all.
  // A new one has only the plan's, so a first import into an empty library reads nothing.
  const rowUrls = new Set(await db.catalog.toCollection().primaryKeys());
  const stored = urls.filter((u) => rowUrls.has(u));
  const byArticle = new Map<string, AnnotationRecord[]>();
  const add = (a: AnnotationRecord) => {
    const list = byArticle.get(a.articleUrl);
    if (list) list.push(a);
    else byArticle.set(a.articleUrl, [a]);
  };
  if (stored.length > 0) {
    for (const a of await db.annotations.where('articleUrl').anyOf(stored).toArray()) add(a);
  }
  const storedSet = new Set(stored);
  for (const a of plan.annotations) if (!storedSet.has(a.articleUrl)) add(a);
  const rows = [];
  const gone: string[] = [];
  for (const url of urls) {
    const article = articles.get(url);
    const list = byArticle.get(url) ?? [];
    if (!article && list.length === 0) gone.push(url);
    else rows.push(buildCatalogEntry(url, article, list));
  }
  await db.catalog.bulkPut(rows);
  if (gone.length > 0) await db.catalog.bulkDelete(gone);
}

function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.pop();
    if (!(e instanceof Error) || seen.has(e)) continue;
    seen.add(e);
    if (e.name === 'QuotaExceededError') return true;
    // Dexie wraps the browser's error (inner) and lists a bulk operation's failures.
    if ('inner' in e) queue.push(e.inner);
    if ('failures' in e && Array.isArray(e.failures)) queue.push(...(e.failures as unknown[]));
  }
  return false;
}

/** The sentence for a failed import: nothing was written, and why. */
export function describeImportError(error: unknown): string {
  if (isQuotaError(error)) {
    return 'Your disk is full: the import was not saved and your library is unchanged. Free some space and try again.';
  }
  return `The import failed and your library is unchanged: ${describeStorageError(error)}`;
}

/** What an import wrote: its summary, and the articles whose notes changed (to redraw tabs). */
export interface ImportResult extends ImportSummary {
  touchedUrls: string[];
}

/**
 * Imports a parsed file in one transaction: plans again against the library as it is inside
 * the transaction, writes the records in bulk and rebuilds the touched catalog rows. Any
 * failure aborts the transaction, so the library is unchanged, and is thrown as an Error
 * whose message is a sentence for the reader.
 */
export async function applyImport(
  db: ClaimmarkDatabase,
  parsed: ParsedImport,
): Promise<ImportResult> {
  try {
    return await db.transaction('rw', db.articles, db.annotations, db.catalog, async () => {
      const existing = await readExisting(db, parsed);
      const plan = planImport(parsed, existing);
      if (plan.articles.length > 0) await db.articles.bulkPut(plan.articles);
      if (plan.annotations.length > 0) await db.annotations.bulkPut(plan.annotations);
      await rebuildCatalog(db, plan, existing);
      return { ...plan.summary, touchedUrls: plan.touchedUrls };
    });
  } catch (error) {
    throw new Error(describeImportError(error), { cause: error });
  }
}
