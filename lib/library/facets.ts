/** What the filter UI offers, counted over the whole library while the columns were built. */
import type { EntityType } from '../article/types';
import { CLAIM_STATUSES, type AnnotationKind, type ClaimStatus } from '../model';
import { KINDS, type FacetCounts, type LibraryColumns } from './columns';
import { localDay } from './dates';
import type { Names } from './names';

/** One value a filter offers, with how many annotations (or articles, for sites) have it. */
export interface FacetCount<T extends string = string> {
  value: T;
  count: number;
}

/** An entity the filter offers: its canonical name, its usual type and how many articles name it. */
export interface EntityFacet {
  name: string;
  type: EntityType;
  count: number;
}

/** What the filter UI offers, counted over the whole library. */
export interface LibraryFacets {
  /** Annotation counts, most used first. */
  tags: FacetCount[];
  /** Article counts, most saved first. */
  sites: FacetCount[];
  /** Article counts, most frequent first, at most MAX_ENTITY_FACETS. */
  entities: EntityFacet[];
  /** Claim counts in the scale's order, zero counts included. */
  statuses: FacetCount<ClaimStatus>[];
  /** Annotation counts, zero counts included. */
  kinds: FacetCount<AnnotationKind>[];
  /** Annotation counts by author, most first; "" is the reader's unsigned notes. */
  authors: FacetCount[];
  /** Annotations with other devices' versions to settle. */
  conflicted: number;
  /** The first and last local day an annotation was made on; null in an empty library. */
  dates: { from: string; to: string } | null;
}

/** The entity facet list is cut here: a popup cannot offer thousands of names usefully. */
export const MAX_ENTITY_FACETS = 200;

/** The facets of the columns, from the counts gathered while building them. */
export function computeFacets(columns: LibraryColumns, counts: FacetCounts): LibraryFacets {
  const { tagNames, siteNames, entityNames } = columns;
  const { firstCreated: first, lastCreated: last } = counts;
  return {
    tags: ranked(tagNames, counts.tags),
    sites: ranked(siteNames, counts.sites),
    entities: ranked(entityNames, counts.entities)
      .slice(0, MAX_ENTITY_FACETS)
      .map(({ value, count }) => ({
        name: value,
        type: usualType(counts.entityTypes[entityNames.find(value) ?? 0] ?? []),
        count,
      })),
    statuses: CLAIM_STATUSES.map((value, s) => ({ value, count: counts.statuses[s + 1] ?? 0 })),
    kinds: KINDS.map((value, k) => ({ value, count: counts.kinds[k] ?? 0 })),
    authors: ranked(columns.authorNames, counts.authors).filter((a) => a.count > 0),
    conflicted: counts.conflicted,
    dates: Number.isFinite(first) ? { from: localDay(first), to: localDay(last) } : null,
  };
}

/** Every name with its count, most counted first, then alphabetically. */
function ranked(names: Names, perId: number[]): FacetCount[] {
  return names.list
    .map((value, id) => ({ value, count: perId[id] ?? 0 }))
    .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
}

/** The type an entity is most often given, the first seen on a tie. */
export function usualType(types: readonly EntityType[]): EntityType {
  const counts = new Map<EntityType, number>();
  let best: EntityType = types[0] ?? 'organization';
  for (const t of types) {
    const c = (counts.get(t) ?? 0) + 1;
    counts.set(t, c);
    if (c > (counts.get(best) ?? 0)) best = t;
  }
  return best;
}
