import type { AnnotationRecord, ArticleRecord } from '../model';
import type { VersionRecord } from '../model/version';
import { timeOf } from './dedupe';
import type { SkippedItem } from './issues';
import type { ImportFormat, ParsedImport } from './parsed';
import { capVersions, mergeArticleVersions, type IncomingVersion } from './plan-versions';

/**
 * The library's records that an import may meet: at least every article whose URL and every
 * annotation whose id appears in the file (more does no harm).
 */
export interface ExistingRecords {
  articles: ReadonlyMap<string, ArticleRecord>;
  annotations: ReadonlyMap<
    string,
    Pick<AnnotationRecord, 'id' | 'articleUrl' | 'modifiedAt'> &
      Partial<Pick<AnnotationRecord, 'version' | 'selectors'>>
  >;
  /** The stored versions of every article the file brings versions of (none needed otherwise). */
  versions?: ReadonlyMap<string, readonly VersionRecord[]>;
}

/** Counts of what an import adds and updates, and every record it skips with the reason. */
export interface ImportSummary {
  format: ImportFormat;
  /** Annotations new to the library. */
  added: number;
  /** Annotations the file has in a newer state than the library. */
  updated: number;
  /** Records left out (invalid, duplicated, or older than the library's), with the reasons. */
  skipped: SkippedItem[];
  articlesAdded: number;
  articlesUpdated: number;
  /** Versions of stories' text new to the library. */
  versionsAdded: number;
}

/** What an import will write: records to put, the catalog rows to rebuild, and the counts. */
export interface ImportPlan {
  /** Articles to add or replace (new ones, newer ones, and minimal ones for orphan notes). */
  articles: ArticleRecord[];
  /** Annotations to add or replace. */
  annotations: AnnotationRecord[];
  /** Articles whose catalog rows change: the ones written and those an annotation moved from. */
  touchedUrls: string[];
  /**
   * Per article whose versions change: every version it keeps (they replace its stored ones),
   * and the library's old number of each → its new one, for the notes not replaced.
   */
  versions: Map<string, { rows: VersionRecord[]; renumber: Map<number, number> }>;
  summary: ImportSummary;
}

/** The reason given for an incoming annotation the library already has in the same or a later state. */
export const LIBRARY_IS_NEWER = "the library's copy is newer or the same";

/**
 * The article record made for annotations whose article is neither in the file nor in the
 * library: its URL and the time of its oldest annotation, nothing guessed.
 */
export function minimalArticle(url: string, time: string): ArticleRecord {
  return { url, title: '', canonicalUrl: null, seenAt: [url], savedAt: time, updatedAt: time };
}

/**
 * Decides what importing a parsed file does to a library (pure). Annotations are matched by
 * id and the newer `modifiedAt` wins; an article is added when missing and replaced only when
 * the file's `updatedAt` is newer than the library's. Versions (packed, numbered as the file
 * numbers them) join their articles' stored versions; see planVersions.
 */
export function planImport(
  parsed: ParsedImport,
  existing: ExistingRecords,
  incomingVersions: readonly IncomingVersion[] = [],
): ImportPlan {
  const skipped = [...parsed.skipped];
  const putArticles = new Map<string, ArticleRecord>();
  let articlesAdded = 0;
  let articlesUpdated = 0;
  for (const article of parsed.articles) {
    const current = existing.articles.get(article.url);
    if (!current) {
      putArticles.set(article.url, article);
      articlesAdded++;
    } else if (timeOf(article.updatedAt) > timeOf(current.updatedAt)) {
      putArticles.set(article.url, article);
      articlesUpdated++;
    }
  }
  const inFile = new Set(parsed.articles.map((a) => a.url));
  const minimal = new Map<string, ArticleRecord>();
  const putAnnotations: AnnotationRecord[] = [];
  const touched = new Set(putArticles.keys());
  let added = 0;
  let updated = 0;
  parsed.annotations.forEach((annotation, i) => {
    const current = existing.annotations.get(annotation.id);
    if (current && timeOf(annotation.modifiedAt) <= timeOf(current.modifiedAt)) {
      skipped.push({
        where: parsed.annotationPlaces[i] ?? `annotation ${annotation.id}`,
        reason: LIBRARY_IS_NEWER,
      });
      return;
    }
    if (current) {
      updated++;
      // A note that moved to another article leaves its old article's catalog row.
      touched.add(current.articleUrl);
    } else added++;
    putAnnotations.push(annotation);
    const url = annotation.articleUrl;
    touched.add(url);
    if (inFile.has(url) || existing.articles.has(url)) return;
    const made = minimal.get(url);
    if (!made || timeOf(annotation.createdAt) < timeOf(made.savedAt)) {
      minimal.set(url, minimalArticle(url, annotation.createdAt));
    }
  });
  for (const article of minimal.values()) putArticles.set(article.url, article);
  const known = (url: string) => inFile.has(url) || existing.articles.has(url) || minimal.has(url);
  const versions = planVersions(incomingVersions, putAnnotations, existing, known, skipped);
  for (const url of versions.plan.keys()) touched.add(url);
  return {
    articles: [...putArticles.values()],
    annotations: versions.annotations,
    touchedUrls: [...touched],
    versions: versions.plan,
    summary: {
      format: parsed.format,
      added,
      updated,
      skipped,
      articlesAdded: articlesAdded + minimal.size,
      articlesUpdated,
      versionsAdded: versions.added,
    },
  };
}

function sameAnchor(a: AnnotationRecord, b: Partial<Pick<AnnotationRecord, 'selectors'>>): boolean {
  const [p, q] = [a.selectors.position, b.selectors?.position];
  return (
    a.selectors.quote.exact === b.selectors?.quote.exact &&
    p?.start === q?.start &&
    p?.end === q?.end
  );
}

/**
 * Merges the file's versions into their articles' and gives each incoming note the number its
 * version has in this library. A note's `version` names a version of the library that wrote it:
 * it is kept when the file carries that version, or when the library's copy of the note stands
 * on the same passage (the library's number then); otherwise it is dropped, so a note never
 * points at another text this library happens to number alike (its re-anchoring then searches).
 */
function planVersions(
  incoming: readonly IncomingVersion[],
  annotations: readonly AnnotationRecord[],
  existing: ExistingRecords,
  known: (url: string) => boolean,
  skipped: SkippedItem[],
): {
  plan: ImportPlan['versions'];
  annotations: AnnotationRecord[];
  added: number;
} {
  const byArticle = new Map<string, IncomingVersion[]>();
  for (const item of incoming) {
    const url = item.record.articleUrl;
    if (!known(url)) {
      skipped.push({
        where: item.where,
        reason: 'a version of an article that is neither in the file nor in the library',
      });
      continue;
    }
    const list = byArticle.get(url) ?? [];
    list.push(item);
    byArticle.set(url, list);
  }
  const merges = new Map(
    [...byArticle].map(([url, items]) => [
      url,
      mergeArticleVersions(existing.versions?.get(url) ?? [], items),
    ]),
  );
  // A library note whose number names no stored version (dropped, or from an older import)
  // would name an incoming text once the versions are renumbered: it loses the number instead.
  const renumbered = (url: string, n: number | undefined) => {
    const merge = merges.get(url);
    return n === undefined || !merge ? n : merge.fromLibrary.get(n);
  };
  const mapped = annotations.map((note): AnnotationRecord => {
    const { version: theirs, ...rest } = note;
    const fromFile =
      theirs === undefined ? undefined : merges.get(note.articleUrl)?.fromFile.get(theirs);
    const mine = existing.annotations.get(note.id);
    const version =
      fromFile ??
      (mine && mine.articleUrl === note.articleUrl && sameAnchor(note, mine)
        ? renumbered(mine.articleUrl, mine.version)
        : undefined);
    return version === undefined ? rest : { ...rest, version };
  });
  // The cap keeps every version a note stands on: the library's notes and the file's.
  const inUse = new Map<string, Set<number>>();
  const use = (url: string, n: number | undefined) => {
    if (n === undefined || !merges.has(url)) return;
    inUse.set(url, (inUse.get(url) ?? new Set()).add(n));
  };
  const replaced = new Set(mapped.map((a) => a.id));
  for (const a of existing.annotations.values()) {
    if (!replaced.has(a.id)) use(a.articleUrl, renumbered(a.articleUrl, a.version));
  }
  for (const a of mapped) use(a.articleUrl, a.version);
  const plan: ImportPlan['versions'] = new Map();
  let added = 0;
  for (const [url, merge] of merges) {
    if (merge.rows === null) continue;
    const rows = capVersions(merge.rows, inUse.get(url) ?? new Set());
    const kept = new Set(rows.map((r) => r.hash));
    added += merge.added.filter((item) => kept.has(item.record.hash)).length;
    plan.set(url, { rows, renumber: merge.fromLibrary });
  }
  return { plan, annotations: mapped, added };
}
