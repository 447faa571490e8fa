import type { Table } from 'dexie';
import type { ParsedImport } from '../exchange/parsed';
import {
  planImport,
  type ExistingRecords,
  type ImportPlan,
  type ImportSummary,
} from '../exchange/plan';
import type { AnnotationRecord } from '../model';
import type { ClaimmarkDatabase } from './database';
import { describeStorageError } from './errors';
import { packRow, unpackRow } from './notes';

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

/** What the library holds that an import meets: its articles, and every article's notes. */
interface LibraryState {
  existing: ExistingRecords;
  notes: Map<string, AnnotationRecord[]>;
}

/**
 * Reads the library's side of an import: the articles the file names, and every stored note,
 * since a file's annotation may already be in the library under another article. Notes are
 * stored a row per article, so even 100,000 of them are a few thousand reads.
 */
async function readLibrary(db: ClaimmarkDatabase, parsed: ParsedImport): Promise<LibraryState> {
  const urls = new Set(parsed.articles.map((a) => a.url));
  for (const a of parsed.annotations) urls.add(a.articleUrl);
  const [found, rows] = await Promise.all([
    readPresent(db.articles, [...urls]),
    parsed.annotations.length > 0 ? db.notes.toArray() : Promise.resolve([]),
  ]);
  const notes = new Map(rows.map((row) => [row.articleUrl, unpackRow(row)]));
  const annotations = new Map<string, Pick<AnnotationRecord, 'id' | 'articleUrl' | 'modifiedAt'>>();
  for (const items of notes.values()) for (const a of items) annotations.set(a.id, a);
  return { existing: { articles: new Map(found.map((a) => [a.url, a])), annotations }, notes };
}

/** What importing this file would do to the library, without writing anything. */
export async function previewImport(
  db: ClaimmarkDatabase,
  parsed: ParsedImport,
): Promise<ImportPlan> {
  return db.transaction('r', db.articles, db.notes, async () =>
    planImport(parsed, (await readLibrary(db, parsed)).existing),
  );
}

/**
 * Writes the planned annotations into their articles' rows: a row keeps the notes the import
 * does not replace, and loses those the import moves to another article.
 */
async function writePlannedNotes(
  db: ClaimmarkDatabase,
  plan: ImportPlan,
  state: LibraryState,
): Promise<void> {
  if (plan.annotations.length === 0) return;
  const rows = new Map<string, Map<string, AnnotationRecord>>();
  const rowOf = (url: string) => {
    let row = rows.get(url);
    if (!row) {
      row = new Map((state.notes.get(url) ?? []).map((a) => [a.id, a]));
      rows.set(url, row);
    }
    return row;
  };
  for (const a of plan.annotations) {
    const before = state.existing.annotations.get(a.id);
    if (before && before.articleUrl !== a.articleUrl) rowOf(before.articleUrl).delete(a.id);
    rowOf(a.articleUrl).set(a.id, a);
  }
  const kept = [...rows].filter(([, items]) => items.size > 0);
  const emptied = [...rows].filter(([, items]) => items.size === 0).map(([url]) => url);
  await db.notes.bulkPut(
    kept.map(([articleUrl, items]) => packRow(articleUrl, [...items.values()])),
  );
  if (emptied.length > 0) await db.notes.bulkDelete(emptied);
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
 * the transaction and writes the records in bulk, a row per touched article. Any
 * failure aborts the transaction, so the library is unchanged, and is thrown as an Error
 * whose message is a sentence for the reader.
 */
export async function applyImport(
  db: ClaimmarkDatabase,
  parsed: ParsedImport,
): Promise<ImportResult> {
  try {
    return await db.transaction('rw', db.articles, db.notes, async () => {
      const state = await readLibrary(db, parsed);
      const plan = planImport(parsed, state.existing);
      if (plan.articles.length > 0) await db.articles.bulkPut(plan.articles);
      await writePlannedNotes(db, plan, state);
      return { ...plan.summary, touchedUrls: plan.touchedUrls };
    });
  } catch (error) {
    throw new Error(describeImportError(error), { cause: error });
  }
}
