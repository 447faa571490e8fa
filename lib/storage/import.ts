import type { Table } from 'dexie';
import type { ParsedImport } from '../exchange/parsed';
import {
  planImport,
  type ExistingRecords,
  type ImportPlan,
  type ImportSummary,
} from '../exchange/plan';
import { readyImport, type ReadyImport } from '../exchange/ready-import';
import type { AnnotationRecord } from '../model';
import type { VersionRecord } from '../model/version';
import { noteDocId } from '../sync/docs';
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
async function readLibrary(db: ClaimmarkDatabase, ready: ReadyImport): Promise<LibraryState> {
  const { parsed } = ready;
  const urls = new Set(parsed.articles.map((a) => a.url));
  for (const a of parsed.annotations) urls.add(a.articleUrl);
  const versioned = [...new Set(ready.versions.map((v) => v.record.articleUrl))];
  for (const url of versioned) urls.add(url);
  const [found, rows, versionRows] = await Promise.all([
    readPresent(db.articles, [...urls]),
    // An imported id may be filed under any article; renumbered versions need only their own.
    parsed.annotations.length > 0 ? db.notes.toArray() : readPresent(db.notes, versioned),
    versioned.length > 0
      ? db.versions.where('articleUrl').anyOf(versioned).toArray()
      : Promise.resolve([]),
  ]);
  const notes = new Map(rows.map((row) => [row.articleUrl, unpackRow(row)]));
  const annotations = new Map<string, AnnotationRecord>();
  for (const items of notes.values()) for (const a of items) annotations.set(a.id, a);
  const versions = new Map<string, VersionRecord[]>();
  for (const row of versionRows) {
    const list = versions.get(row.articleUrl) ?? [];
    list.push(row);
    versions.set(row.articleUrl, list);
  }
  return {
    existing: { articles: new Map(found.map((a) => [a.url, a])), annotations, versions },
    notes,
  };
}

/** The file ready to plan: its versions packed (done once; the popup keeps it between steps). */
function ready(input: ParsedImport | ReadyImport): Promise<ReadyImport> {
  return 'parsed' in input ? Promise.resolve(input) : readyImport(input);
}

/** What importing this file would do to the library, without writing anything. */
export async function previewImport(
  db: ClaimmarkDatabase,
  input: ParsedImport | ReadyImport,
): Promise<ImportPlan> {
  const file = await ready(input);
  return db.transaction('r', db.articles, db.notes, db.versions, async () =>
    planImport(file.parsed, (await readLibrary(db, file)).existing, file.versions),
  );
}

/**
 * The article's stored notes, their versions renumbered as the import renumbers them; a number
 * that names no stored version is dropped, so it cannot come to name an imported text.
 */
function storedNotes(plan: ImportPlan, state: LibraryState, url: string): AnnotationRecord[] {
  const notes = state.notes.get(url) ?? [];
  const renumber = plan.versions.get(url)?.renumber;
  if (!renumber) return notes;
  return notes.map((a) => {
    if (a.version === undefined) return a;
    const n = renumber.get(a.version);
    if (n === a.version) return a;
    const { version: _gone, ...rest } = a;
    return n === undefined ? rest : { ...rest, version: n };
  });
}

/**
 * Writes the planned annotations into their articles' rows: a row keeps the notes the import
 * does not replace, and loses those the import moves to another article. The rows of articles
 * whose versions are renumbered are rewritten too.
 */
async function writePlannedNotes(
  db: ClaimmarkDatabase,
  plan: ImportPlan,
  state: LibraryState,
): Promise<void> {
  const rows = new Map<string, Map<string, AnnotationRecord>>();
  const rowOf = (url: string) => {
    let row = rows.get(url);
    if (!row) {
      row = new Map(storedNotes(plan, state, url).map((a) => [a.id, a]));
      rows.set(url, row);
    }
    return row;
  };
  for (const url of plan.versions.keys()) if (state.notes.has(url)) rowOf(url);
  const moved: { id: string; to: string }[] = [];
  for (const a of plan.annotations) {
    const before = state.existing.annotations.get(a.id);
    if (before && before.articleUrl !== a.articleUrl) {
      rowOf(before.articleUrl).delete(a.id);
      moved.push({ id: a.id, to: a.articleUrl });
    }
    rowOf(a.articleUrl).set(a.id, a);
  }
  // Sync knows a note by the article it was pushed under: a note that moved is followed there,
  // or its old article's next push would send its deletion (lib/storage/sync.ts).
  await rehomeSyncState(db, moved);
  if (rows.size === 0) return;
  const kept = [...rows].filter(([, items]) => items.size > 0);
  const emptied = [...rows].filter(([, items]) => items.size === 0).map(([url]) => url);
  await db.notes.bulkPut(
    kept.map(([articleUrl, items]) => packRow(articleUrl, [...items.values()])),
  );
  if (emptied.length > 0) await db.notes.bulkDelete(emptied);
}

async function rehomeSyncState(
  db: ClaimmarkDatabase,
  moved: readonly { id: string; to: string }[],
): Promise<void> {
  if (moved.length === 0) return;
  const ids = moved.map((m) => noteDocId(m.id));
  const states = await db.syncState.bulkGet(ids);
  const rehomed = states.flatMap((state, i) => {
    const to = moved[i]?.to;
    return state && to ? [{ ...state, articleUrl: to }] : [];
  });
  if (rehomed.length > 0) await db.syncState.bulkPut(rehomed);
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

/** Replaces the stored versions of each article the import gives versions to. */
async function writePlannedVersions(db: ClaimmarkDatabase, plan: ImportPlan): Promise<void> {
  if (plan.versions.size === 0) return;
  const urls = [...plan.versions.keys()];
  await db.versions.where('articleUrl').anyOf(urls).delete();
  await db.versions.bulkPut([...plan.versions.values()].flatMap((v) => v.rows));
}

/**
 * Imports a parsed file in one transaction: plans again against the library as it is inside
 * the transaction and writes the records in bulk, a row per touched article. Any
 * failure aborts the transaction, so the library is unchanged, and is thrown as an Error
 * whose message is a sentence for the reader.
 */
export async function applyImport(
  db: ClaimmarkDatabase,
  input: ParsedImport | ReadyImport,
): Promise<ImportResult> {
  try {
    const file = await ready(input);
    return await db.transaction(
      'rw',
      [db.articles, db.notes, db.versions, db.syncState],
      async () => {
        const state = await readLibrary(db, file);
        const plan = planImport(file.parsed, state.existing, file.versions);
        if (plan.articles.length > 0) await db.articles.bulkPut(plan.articles);
        await writePlannedNotes(db, plan, state);
        await writePlannedVersions(db, plan);
        return { ...plan.summary, touchedUrls: plan.touchedUrls };
      },
    );
  } catch (error) {
    throw new Error(describeImportError(error), { cause: error });
  }
}
