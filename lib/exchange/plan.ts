import type { AnnotationRecord, ArticleRecord } from '../model';
import { timeOf } from './dedupe';
import type { SkippedItem } from './issues';
import type { ImportFormat, ParsedImport } from './parsed';

/**
 * The library's records that an import may meet: at least every article whose URL and every
 * annotation whose id appears in the file (more does no harm).
 */
export interface ExistingRecords {
  articles: ReadonlyMap<string, ArticleRecord>;
  annotations: ReadonlyMap<string, Pick<AnnotationRecord, 'id' | 'articleUrl' | 'modifiedAt'>>;
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
}

/** What an import will write: records to put, the catalog rows to rebuild, and the counts. */
export interface ImportPlan {
  /** Articles to add or replace (new ones, newer ones, and minimal ones for orphan notes). */
  articles: ArticleRecord[];
  /** Annotations to add or replace. */
  annotations: AnnotationRecord[];
  /** Articles whose catalog rows change: the ones written and those an annotation moved from. */
  touchedUrls: string[];
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
 * the file's `updatedAt` is newer than the library's.
 */
export function planImport(parsed: ParsedImport, existing: ExistingRecords): ImportPlan {
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
  return {
    articles: [...putArticles.values()],
    annotations: putAnnotations,
    touchedUrls: [...touched],
    summary: {
      format: parsed.format,
      added,
      updated,
      skipped,
      articlesAdded: articlesAdded + minimal.size,
      articlesUpdated,
    },
  };
}
