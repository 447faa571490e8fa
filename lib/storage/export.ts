import type { AnnotationRecord, ArticleRecord } from '../model';
import type { VersionRecord } from '../model/version';
import type { ClaimmarkDatabase } from './database';
import { readAllNotes, unpackRow } from './notes';

/**
 * Which records to export: everything, one article, or chosen annotations of chosen articles
 * (a filter result: an article listed with no ids matched without a note and comes alone).
 */
export type ExportSelection =
  | { kind: 'all' }
  | { kind: 'article'; url: string }
  | { kind: 'annotations'; hits: readonly { url: string; ids: readonly string[] }[] };

/** The records an export of this selection carries: annotations and the articles they are on. */
export interface ExportRecords {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** The stored versions of those articles, oldest first; empty unless asked for. */
  versions: VersionRecord[];
}

const present = <T>(x: T | undefined): x is T => x !== undefined;

/** Every stored version of these articles, oldest first within an article. */
async function readVersionsOf(
  db: ClaimmarkDatabase,
  urls: readonly string[] | 'all',
): Promise<VersionRecord[]> {
  // Both orders (the key [articleUrl+n], and the index then the key) group an article's
  // versions, oldest first.
  if (urls === 'all') return db.versions.toArray();
  if (urls.length === 0) return [];
  return db.versions
    .where('articleUrl')
    .anyOf([...urls])
    .toArray();
}

/**
 * Reads what to export in one read transaction, a row per article, and with `versions` the
 * stored versions of the exported articles.
 */
export function readExportRecords(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
  { versions = false }: { versions?: boolean } = {},
): Promise<ExportRecords> {
  return db.transaction('r', db.articles, db.notes, db.versions, async () => {
    const records = await readNotesAndArticles(db, selection);
    if (!versions) return { ...records, versions: [] };
    const urls =
      selection.kind === 'all'
        ? 'all'
        : [
            ...new Set([
              ...records.articles.map((a) => a.url),
              ...records.annotations.map((a) => a.articleUrl),
            ]),
          ];
    return { ...records, versions: await readVersionsOf(db, urls) };
  });
}

async function readNotesAndArticles(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
): Promise<Omit<ExportRecords, 'versions'>> {
  if (selection.kind === 'all') {
    const [articles, annotations] = await Promise.all([db.articles.toArray(), readAllNotes(db)]);
    return { articles, annotations };
  }
  if (selection.kind === 'article') {
    const [article, row] = await Promise.all([
      db.articles.get(selection.url),
      db.notes.get(selection.url),
    ]);
    return { articles: article ? [article] : [], annotations: row ? unpackRow(row) : [] };
  }
  const urls = [...new Set(selection.hits.map((h) => h.url))];
  const wanted = new Map<string, Set<string>>();
  for (const hit of selection.hits) {
    const ids = wanted.get(hit.url) ?? new Set<string>();
    for (const id of hit.ids) ids.add(id);
    wanted.set(hit.url, ids);
  }
  const [articles, rows] = await Promise.all([db.articles.bulkGet(urls), db.notes.bulkGet(urls)]);
  const annotations = rows
    .filter(present)
    .flatMap((row) => unpackRow(row).filter((a) => wanted.get(row.articleUrl)?.has(a.id)));
  return { articles: articles.filter(present), annotations };
}
