/**
 * The catalog as columns: per-annotation and per-article facts in flat typed arrays, numbered
 * so that a query's newest-first passes walk them nearly in order. Strings are kept only as
 * references to the catalog's own ids and entries, and as interned names.
 */
import type { EntityType } from '../article/types';
import { ANNOTATION_KINDS, CLAIM_STATUSES, type AnnotationKind } from '../model';
import { isoTimeMs } from './dates';
import { Names } from './names';
import type { PackedRows } from './packed-rows';
import { byRecency } from './recency';
import type { CatalogEntry, CatalogItem } from './types';
import { IntList } from './word-table';

/** Kind codes: an annotation's `kind` column holds its position here. */
export const KINDS: readonly AnnotationKind[] = ANNOTATION_KINDS;

/** The status code of an annotation without one; a claim's is its position in CLAIM_STATUSES + 1. */
export const NO_STATUS = 0;

/**
 * One catalog snapshot, read into columns. Annotations are numbered article by article, and
 * articles newest saved first; "item" is an annotation's number, "article" an article's.
 */
export interface LibraryColumns {
  articleCount: number;
  itemCount: number;
  /** The catalog's entries in article order (newest saved first). */
  entries: CatalogEntry[];
  /** Each annotation's id: results are made of these references, never of the items. */
  ids: string[];
  itemArticle: Uint32Array;
  /** An article's annotations are items articleStart[a] up to articleStart[a + 1]. */
  articleStart: Uint32Array;
  /** Creation times (ms; NaN when unreadable), for the date filter. */
  created: Float64Array;
  /** Kind codes (see KINDS). */
  kind: Uint8Array;
  /** Status codes (see NO_STATUS). */
  status: Uint8Array;
  /** 1 where the annotation's story changed since it was made. */
  outdated: Uint8Array;
  /** 1 where the annotation has other devices' versions to settle. */
  conflicted: Uint8Array;
  /** Authors' names; id 0 is "", the reader's unsigned notes. */
  authorNames: Names;
  /** Each annotation's author id. */
  author: Uint32Array;
  tagNames: Names;
  /** Each annotation's tag ids. */
  tags: PackedRows;
  siteNames: Names;
  /** Each article's site id. */
  site: Uint32Array;
  entityNames: Names;
  /** Each article's entity ids. */
  articleEntities: PackedRows;
  /**
   * Items (0 … itemCount - 1) and articles (itemCount + a) by rank, oldest first: annotations by
   * their last change, articles by their save time.
   */
  byRank: Uint32Array;
}

/** Per-value counts gathered while building, for the facets (indexed by name id or code). */
export interface FacetCounts {
  tags: number[];
  sites: number[];
  entities: number[];
  /** The types each entity was given, one per article naming it. */
  entityTypes: EntityType[][];
  statuses: number[];
  kinds: number[];
  /** By author id. */
  authors: number[];
  /** Annotations with conflicts. */
  conflicted: number;
  firstCreated: number;
  lastCreated: number;
}

/** The columns, the facet counts, and the annotations' texts that the word index still needs. */
export interface BuiltColumns {
  columns: LibraryColumns;
  counts: FacetCounts;
  /** Each annotation's folded text, by item; dropped once the word index is built. */
  texts: string[];
}

/** Reads a catalog snapshot into columns. */
export function buildColumns(catalog: readonly CatalogEntry[]): BuiltColumns {
  const entries = newestSavedFirst(catalog);
  let itemCount = 0;
  for (const entry of entries) itemCount += entry.items.length;
  const writer = new ColumnWriter(entries, itemCount);
  const order = new ItemOrder();
  entries.forEach((entry, a) => {
    writer.addArticle(entry, a);
    order.read(entry.items);
    for (let k = 0; k < order.items.length; k++) {
      const item = order.items[k];
      if (item) writer.addItem(item, order.times[k] ?? NaN, a);
    }
  });
  return writer.finish();
}

/** The entries newest saved first; unreadable save times last, ties in catalog order. */
function newestSavedFirst(catalog: readonly CatalogEntry[]): CatalogEntry[] {
  const savedAt = catalog.map((entry) => isoTimeMs(entry.savedAt));
  return Array.from(catalog.keys())
    .sort((x, y) => (savedAt[y] || -Infinity) - (savedAt[x] || -Infinity) || x - y)
    .map((k) => catalog[k])
    .filter((entry) => entry !== undefined);
}

/** One article's annotations newest made first, with their times; reused from article to article. */
class ItemOrder {
  readonly items: CatalogItem[] = [];
  readonly times: number[] = [];

  read(list: readonly CatalogItem[]): void {
    const { items, times } = this;
    items.length = 0;
    times.length = 0;
    let sorted = true;
    for (const item of list) {
      const t = isoTimeMs(item.createdAt);
      if (times.length > 0 && !(t <= (times.at(-1) ?? 0))) sorted = false;
      items.push(item);
      times.push(t);
    }
    // The catalog lists them newest first already; anything else is put in that order here.
    if (sorted) return;
    const positions = items.map((_, k) => k);
    positions.sort((x, y) => (times[y] || 0) - (times[x] || 0) || x - y);
    const inOrder = positions.map((k) => items[k]);
    const timesInOrder = positions.map((k) => times[k] ?? NaN);
    items.splice(0, items.length, ...inOrder.filter((item) => item !== undefined));
    times.splice(0, times.length, ...timesInOrder);
  }
}

/** Fills the columns article by article, then item by item. */
class ColumnWriter {
  private readonly articleCount: number;
  private readonly itemCount: number;
  private readonly ids: string[];
  private readonly itemArticle: Uint32Array;
  private readonly articleStart: Uint32Array;
  private readonly created: Float64Array;
  // Last change of each annotation, then each article's save time: the recency of ties.
  private readonly times: Float64Array;
  private readonly kind: Uint8Array;
  private readonly status: Uint8Array;
  private readonly outdated: Uint8Array;
  private readonly conflicted: Uint8Array;
  private readonly authorNames = new Names();
  private readonly author: Uint32Array;
  private readonly tagNames = new Names();
  private readonly tagIds: IntList;
  private readonly tagStart: Uint32Array;
  private readonly siteNames = new Names();
  private readonly site: Uint32Array;
  private readonly entityNames = new Names();
  private readonly entityIds: IntList;
  private readonly entityStart: Uint32Array;
  private readonly entityLastArticle: number[] = [];
  private readonly texts: string[];
  private readonly counts: FacetCounts;
  private n = 0;

  constructor(
    private readonly entries: CatalogEntry[],
    itemCount: number,
  ) {
    const articleCount = entries.length;
    this.articleCount = articleCount;
    this.itemCount = itemCount;
    this.ids = new Array<string>(itemCount);
    this.itemArticle = new Uint32Array(itemCount);
    this.articleStart = new Uint32Array(articleCount + 1);
    this.created = new Float64Array(itemCount);
    this.times = new Float64Array(itemCount + articleCount);
    this.kind = new Uint8Array(itemCount);
    this.status = new Uint8Array(itemCount);
    this.outdated = new Uint8Array(itemCount);
    this.conflicted = new Uint8Array(itemCount);
    // Unsigned notes, nearly all of a library that is not shared, are id 0 without a lookup.
    this.authorNames.id('');
    this.author = new Uint32Array(itemCount);
    this.tagIds = new IntList(itemCount);
    this.tagStart = new Uint32Array(itemCount + 1);
    this.site = new Uint32Array(articleCount);
    this.entityIds = new IntList(articleCount * 8);
    this.entityStart = new Uint32Array(articleCount + 1);
    this.texts = new Array<string>(itemCount);
    this.counts = {
      tags: [],
      sites: [],
      entities: [],
      entityTypes: [],
      statuses: new Array<number>(CLAIM_STATUSES.length + 1).fill(0),
      kinds: new Array<number>(KINDS.length).fill(0),
      authors: [0],
      conflicted: 0,
      firstCreated: Infinity,
      lastCreated: -Infinity,
    };
  }

  addArticle(entry: CatalogEntry, a: number): void {
    const { counts } = this;
    this.articleStart[a] = this.n;
    this.times[this.itemCount + a] = isoTimeMs(entry.savedAt);
    const siteId = this.siteNames.id(entry.site);
    this.site[a] = siteId;
    counts.sites[siteId] = (counts.sites[siteId] ?? 0) + 1;
    for (const entity of entry.entities) {
      const id = this.entityNames.id(entity.name);
      (counts.entityTypes[id] ??= []).push(entity.type);
      this.entityIds.push(id);
      // An article counts once per entity, even if a hand-edited catalog lists one twice.
      if (this.entityLastArticle[id] !== a) counts.entities[id] = (counts.entities[id] ?? 0) + 1;
      this.entityLastArticle[id] = a;
    }
    this.entityStart[a + 1] = this.entityIds.length;
  }

  /** Adds the article's next annotation, made at `t` (ms). */
  addItem(item: CatalogItem, t: number, a: number): void {
    const { counts, n } = this;
    this.ids[n] = item.id;
    this.itemArticle[n] = a;
    this.created[n] = t;
    if (t < counts.firstCreated) counts.firstCreated = t;
    if (t > counts.lastCreated) counts.lastCreated = t;
    // Most annotations are never edited: equal strings need no second parse.
    this.times[n] = item.modifiedAt === item.createdAt ? t : isoTimeMs(item.modifiedAt);
    const kindCode = item.kind === 'claim' ? 1 : 0;
    this.kind[n] = kindCode;
    counts.kinds[kindCode] = (counts.kinds[kindCode] ?? 0) + 1;
    const statusCode = item.status ? CLAIM_STATUSES.indexOf(item.status) + 1 : NO_STATUS;
    this.status[n] = statusCode;
    this.outdated[n] = item.outdated === true ? 1 : 0;
    if (item.conflicts) {
      this.conflicted[n] = 1;
      counts.conflicted++;
    }
    const authorId = item.author ? this.authorNames.id(item.author) : 0;
    this.author[n] = authorId;
    counts.authors[authorId] = (counts.authors[authorId] ?? 0) + 1;
    counts.statuses[statusCode] = (counts.statuses[statusCode] ?? 0) + 1;
    for (const tag of item.tags) {
      const id = this.tagNames.id(tag);
      this.tagIds.push(id);
      counts.tags[id] = (counts.tags[id] ?? 0) + 1;
    }
    this.tagStart[n + 1] = this.tagIds.length;
    this.texts[n] = item.text;
    this.n = n + 1;
  }

  finish(): BuiltColumns {
    const { times, articleCount, itemCount } = this;
    this.articleStart[articleCount] = itemCount;
    for (let t = 0; t < times.length; t++) {
      if (Number.isNaN(times[t])) times[t] = -Infinity;
    }
    const columns: LibraryColumns = {
      articleCount,
      itemCount,
      entries: this.entries,
      ids: this.ids,
      itemArticle: this.itemArticle,
      articleStart: this.articleStart,
      created: this.created,
      kind: this.kind,
      status: this.status,
      outdated: this.outdated,
      conflicted: this.conflicted,
      authorNames: this.authorNames,
      author: this.author,
      tagNames: this.tagNames,
      tags: { start: this.tagStart, values: this.tagIds.toArray() },
      siteNames: this.siteNames,
      site: this.site,
      entityNames: this.entityNames,
      articleEntities: { start: this.entityStart, values: this.entityIds.toArray() },
      byRank: byRecency(times),
    };
    return { columns, counts: this.counts, texts: this.texts };
  }
}
