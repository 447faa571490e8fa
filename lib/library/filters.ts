/**
 * A query's filters, resolved once per query into lookup tables over the columns' codes and
 * ids, so testing an annotation is a few array reads.
 */
import { CLAIM_STATUSES } from '../model';
import { KINDS, type LibraryColumns } from './columns';
import { localDayStart } from './dates';
import { selection } from './names';
import { rowHasSelected } from './packed-rows';
import type { LibraryFilters } from './types';

/** A query's filters as lookup tables; null where the filter is off. */
export interface ResolvedFilter {
  /** By kind code. */
  kinds: boolean[] | null;
  /** By status code. */
  statuses: boolean[] | null;
  /** By tag id. */
  tags: Uint8Array | null;
  /** Per article: 1 when its site and entities pass; null when neither is filtered. */
  articles: Uint8Array | null;
  /** Creation times from `from` (inclusive) until `until` (exclusive), when `dates` is on. */
  from: number;
  until: number;
  dates: boolean;
  /** Only annotations whose story changed since they were made. */
  changed: boolean;
  /** By author id. */
  authors: Uint8Array | null;
  /** Only annotations with other devices' versions to settle. */
  conflicts: boolean;
  /** Whether any filter only annotations can satisfy is on. */
  itemsOnly: boolean;
}

/** Resolves the reader's filters against the columns' names and codes. */
export function resolveFilter(f: LibraryFilters, columns: LibraryColumns): ResolvedFilter {
  const kinds = f.kinds.length > 0 ? KINDS.map((k) => f.kinds.includes(k)) : null;
  const statuses =
    f.statuses.length > 0 ? [false, ...CLAIM_STATUSES.map((s) => f.statuses.includes(s))] : null;
  const tags = selection(columns.tagNames, f.tags);
  const authors = selection(columns.authorNames, f.authors);
  // An unreadable day is ignored rather than matching nothing.
  const from = f.from ? localDayStart(f.from) : NaN;
  const until = f.to ? localDayStart(f.to, 1) : NaN;
  const dates = !Number.isNaN(from) || !Number.isNaN(until);
  return {
    kinds,
    statuses,
    tags,
    articles: articleSelection(f, columns),
    from: Number.isNaN(from) ? -Infinity : from,
    until: Number.isNaN(until) ? Infinity : until,
    dates,
    changed: f.changed,
    authors,
    conflicts: f.conflicts,
    itemsOnly: Boolean(kinds ?? statuses ?? tags ?? authors) || dates || f.changed || f.conflicts,
  };
}

/** Per article, 1 when its site and its entities pass; null when neither is filtered. */
function articleSelection(f: LibraryFilters, columns: LibraryColumns): Uint8Array | null {
  const sites = selection(columns.siteNames, f.sites);
  const entities = selection(columns.entityNames, f.entities);
  if (!sites && !entities) return null;
  const { articleCount, site, articleEntities } = columns;
  const articles = new Uint8Array(articleCount);
  for (let a = 0; a < articleCount; a++) {
    const ok =
      (!sites || sites[site[a] ?? 0] === 1) &&
      (!entities || rowHasSelected(articleEntities, a, entities));
    articles[a] = ok ? 1 : 0;
  }
  return articles;
}

/** Whether annotation `i` passes the filters only annotations have (kind, status, tags, days, author). */
export function itemPasses(columns: LibraryColumns, f: ResolvedFilter, i: number): boolean {
  if (f.kinds && f.kinds[columns.kind[i] ?? 0] !== true) return false;
  if (f.statuses && f.statuses[columns.status[i] ?? 0] !== true) return false;
  if (f.changed && columns.outdated[i] !== 1) return false;
  if (f.conflicts && columns.conflicted[i] !== 1) return false;
  if (f.authors && f.authors[columns.author[i] ?? 0] !== 1) return false;
  if (f.tags && !rowHasSelected(columns.tags, i, f.tags)) return false;
  if (f.dates) {
    const t = columns.created[i] ?? NaN;
    if (!(t >= f.from && t < f.until)) return false;
  }
  return true;
}
