import type { Table } from 'dexie';
import type { ParsedImport } from '../exchange/parsed';
import {
  planImport,
  type ExistingRecords,
  type ImportPlan,
  type ImportSummary,
} from '../exchange/plan';
import { buildCatalogEntry } from '../library/catalog-entry';
import type { CatalogEntry, CatalogItem } from '../library/types';
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

/** What the library holds that an import meets, and the catalog rows it will rebuild from. */
interface LibraryState {
  existing: ExistingRecords;
  rows: Map<string, CatalogEntry>;
}

/**
 * Reads the library's side of an import. For a large file, annotations are known from the
 * catalog rows, which every write transaction keeps in step with them and which carry each
 * annotation's id, article and modifiedAt: a few thousand large rows read far faster than one
 * record per annotation (in Chromium, 100,000 annotations take seconds; their catalog, less).
 */
async function readLibrary(db: ClaimmarkDatabase, parsed: ParsedImport): Promise<LibraryState> {
  const urls = new Set(parsed.articles.map((a) => a.url));
  for (const a of parsed.annotations) urls.add(a.articleUrl);
  const articles = new Map((await readPresent(db.articles, [...urls])).map((a) => [a.url, a]));
  const annotations = new Map<string, Pick<AnnotationRecord, 'id' | 'articleUrl' | 'modifiedAt'>>();
  let catalog: CatalogEntry[];
  if (parsed.annotations.length <= FEW_KEYS) {
    // A small file: its own annotations, and the rows of every article it may touch.
    for (const a of await readPresent(
      db.annotations,
      parsed.annotations.map((a) => a.id),
    )) {
      annotations.set(a.id, a);
      urls.add(a.articleUrl);
    }
    catalog = await readPresent(db.catalog, [...urls]);
  } else {
    catalog = await db.catalog.toArray();
    for (const row of catalog) {
      for (const item of row.items) {
        annotations.set(item.id, { id: item.id, articleUrl: row.url, modifiedAt: item.modifiedAt });
      }
    }
  }
  return {
    existing: { articles, annotations },
    rows: new Map(catalog.map((row) => [row.url, row])),
  };
}

/** What importing this file would do to the library, without writing anything. */
export async function previewImport(
  db: ClaimmarkDatabase,
  parsed: ParsedImport,
): Promise<ImportPlan> {
  return db.transaction('r', db.articles, db.annotations, db.catalog, async () =>
    planImport(parsed, (await readLibrary(db, parsed)).existing),
  );
}

// The order buildCatalogEntry gives a row's items: newest first, then by id.
const newestFirst = (a: CatalogItem, b: CatalogItem) =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

/**
 * Rebuilds the catalog rows of the touched articles from their old rows and the plan, reading
 * no annotation: a row keeps its items the import does not replace or move away.
 */
async function rebuildCatalog(
  db: ClaimmarkDatabase,
  plan: ImportPlan,
  state: LibraryState,
): Promise<void> {
  const urls = plan.touchedUrls;
  if (urls.length === 0) return;
  const articles = new Map(state.existing.articles);
  for (const a of plan.articles) articles.set(a.url, a);
  // Only an article an annotation moved away from can be missing here.
  const unread = urls.filter((u) => !articles.has(u));
  for (const a of await readPresent(db.articles, unread)) articles.set(a.url, a);
  const incoming = new Map<string, AnnotationRecord[]>();
  for (const a of plan.annotations) {
    const list = incoming.get(a.articleUrl);
    if (list) list.push(a);
    else incoming.set(a.articleUrl, [a]);
  }
  const replaced = new Set(plan.annotations.map((a) => a.id));
  const rows: CatalogEntry[] = [];
  const gone: string[] = [];
  for (const url of urls) {
    const article = articles.get(url);
    const fresh = buildCatalogEntry(url, article, incoming.get(url) ?? []);
    const kept = (state.rows.get(url)?.items ?? []).filter((item) => !replaced.has(item.id));
    const items = kept.length === 0 ? fresh.items : [...kept, ...fresh.items].sort(newestFirst);
    if (!article && items.length === 0) gone.push(url);
    else rows.push({ ...fresh, items, savedAt: article?.savedAt ?? items.at(-1)?.createdAt ?? '' });
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
      const state = await readLibrary(db, parsed);
      const plan = planImport(parsed, state.existing);
      if (plan.articles.length > 0) await db.articles.bulkPut(plan.articles);
      if (plan.annotations.length > 0) await db.annotations.bulkPut(plan.annotations);
      await rebuildCatalog(db, plan, state);
      return { ...plan.summary, touchedUrls: plan.touchedUrls };
    });
  } catch (error) {
    throw new Error(describeImportError(error), { cause: error });
  }
}
