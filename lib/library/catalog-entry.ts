import type { AnnotationRecord, ArticleRecord } from '../model';
import { foldText } from './fold';
import type { CatalogEntry, CatalogItem } from './types';
import { changedSince, type VersionMarks } from '../versions/changes';

/** Display text in the catalog is cut here; search still sees the whole text. */
export const CATALOG_TEXT_LIMIT = 300;

function cut(text: string): string {
  return text.length > CATALOG_TEXT_LIMIT ? `${text.slice(0, CATALOG_TEXT_LIMIT - 1)}…` : text;
}

/** The host of a URL without "www.", or the URL itself when it does not parse. */
export function siteOfUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The catalog's view of one annotation; `marks` says what its story's versions are. */
export function catalogItem(
  annotation: AnnotationRecord,
  marks: VersionMarks | null = null,
): CatalogItem {
  const outdated = changedSince(annotation.version, marks);
  const conflicts = annotation.conflicts?.length ?? 0;
  return {
    ...(outdated ? { outdated } : {}),
    ...(annotation.author ? { author: annotation.author } : {}),
    ...(conflicts > 0 ? { conflicts } : {}),
    id: annotation.id,
    kind: annotation.kind,
    status: annotation.status,
    tags: annotation.tags,
    color: annotation.color,
    createdAt: annotation.createdAt,
    modifiedAt: annotation.modifiedAt,
    anchoring: annotation.anchoring?.status ?? 'anchored',
    quote: cut(annotation.quote),
    note: cut(annotation.note),
    text: foldText(`${annotation.quote} ${annotation.note} ${annotation.tags.join(' ')}`),
  };
}

/**
 * The catalog row of an article: its record (absent only for annotations whose article record
 * was lost) and its annotations, newest first.
 */
export function buildCatalogEntry(
  url: string,
  article: ArticleRecord | undefined,
  annotations: AnnotationRecord[],
  versions: VersionMarks | null = null,
): CatalogEntry {
  const metadata = article?.facts?.metadata ?? null;
  const entities = (article?.facts?.analysis?.entities ?? []).map((e) => ({
    type: e.type,
    name: e.name,
    aliases: e.aliases,
  }));
  const headline = metadata?.headline ?? article?.title ?? '';
  const site = siteOfUrl(article?.canonicalUrl ?? url);
  const byline = metadata?.byline ?? [];
  const items = annotations
    .map((a) => catalogItem(a, versions))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return {
    url,
    headline,
    site,
    savedAt: article?.savedAt ?? items.at(-1)?.createdAt ?? '',
    published: metadata?.published ?? null,
    byline,
    entities,
    text: foldText(
      [headline, site, ...byline, ...entities.flatMap((e) => [e.name, ...e.aliases])].join(' '),
    ),
    items,
  };
}
