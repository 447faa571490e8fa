/**
 * The library view's search: an inverted index over the catalog, rebuilt whenever the popup
 * opens or the catalog changes, queried on every keystroke.
 *
 * Layout: every word of every annotation and article text gets an integer id in a sorted
 * vocabulary, so the words a query word prefixes are one contiguous id range found by binary
 * search. Postings (which annotations, which articles hold a word) and each text's word ids in
 * order (for phrases) sit in flat typed arrays; so do per-annotation facts (kind, status, dates,
 * tags). Strings are only the vocabulary and references to the catalog's own objects. The word
 * part, two thirds of the build, waits for the first query with text or prepare().
 *
 * A query marks, per annotation and per article, which query words it holds (one bit each),
 * then walks everything newest first scoring the matches, and counting-sorts them by score:
 * no comparison sort, and ties stay newest first.
 */
import type { EntityType } from '../article/types';
import { ANNOTATION_KINDS, CLAIM_STATUSES, type AnnotationKind, type ClaimStatus } from '../model';
import { isoTimeMs, localDay, localDayStart } from './dates';
import { foldWords } from './fold';
import type { CatalogEntry, CatalogItem, LibraryHit, LibraryQuery, LibraryResult } from './types';
import { IntList, WordTable } from './word-table';

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
  /** The first and last local day an annotation was made on; null in an empty library. */
  dates: { from: string; to: string } | null;
}

/** How much of a result to list. */
export interface QueryOptions {
  /** Hits (articles) to list at most; all when absent. */
  limit?: number;
}

/** A built index over one catalog snapshot. */
export interface LibraryIndex {
  /** Articles and annotations matching a query, best first. */
  /**
   * Articles and annotations matching a query, best first. With `limit`, only the first
   * `limit` hits are listed (the counts still cover all): a popup that shows a screenful need
   * not pay for 100,000 ids on every keystroke.
   */
  query(query: LibraryQuery, options?: QueryOptions): LibraryResult;
  /**
   * Builds the word index now. It is otherwise built by the first query with text: the popup
   * can list the library at once and call this when idle, before the reader types.
   */
  prepare(): void;
  /** The filter values with counts (computed once, then cached). */
  facets(): LibraryFacets;
  readonly articleCount: number;
  readonly annotationCount: number;
}

/** The entity facet list is cut here: a popup cannot offer thousands of names usefully. */
export const MAX_ENTITY_FACETS = 200;

/** Query words beyond this many are ignored (each word is one bit of a 32-bit mask). */
export const MAX_QUERY_WORDS = 32;

// Score = tier × TIER + words matched in the annotation's own text × OWN + whole-word matches.
const OWN = 64;
const TIER = OWN * (MAX_QUERY_WORDS + 1);
const TIER_OWN_PHRASE = 3;
const TIER_ARTICLE_PHRASE = 2;
const TIER_OWN_WORDS = 1;
const MAX_SCORE = TIER * 4;

const KINDS: readonly AnnotationKind[] = ANNOTATION_KINDS;
const NO_STATUS = 0;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The first index of a sorted list whose word is not below `key`. */
function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Compressed rows: the values of row r are values[start[r]] up to values[start[r + 1]]. */
interface Rows {
  start: Uint32Array;
  values: Uint32Array | Uint16Array;
}

/** Inverts rows of word ids into, for each word, the rows holding it (ascending, once each). */
function postingsOf(rows: Rows, words: number): Rows {
  const { start: rowStart, values: ids } = rows;
  const last = new Int32Array(words).fill(-1);
  const start = new Uint32Array(words + 1);
  const rowCount = rowStart.length - 1;
  for (let r = 0; r < rowCount; r++) {
    const end = rowStart[r + 1] ?? 0;
    for (let p = rowStart[r] ?? 0; p < end; p++) {
      const w = ids[p] ?? 0;
      if (last[w] === r) continue;
      last[w] = r;
      start[w + 1] = (start[w + 1] ?? 0) + 1;
    }
  }
  for (let w = 0; w < words; w++) start[w + 1] = (start[w + 1] ?? 0) + (start[w] ?? 0);
  const fill = start.slice(0, words);
  const values = new Uint32Array(start[words] ?? 0);
  last.fill(-1);
  for (let r = 0; r < rowCount; r++) {
    const end = rowStart[r + 1] ?? 0;
    for (let p = rowStart[r] ?? 0; p < end; p++) {
      const w = ids[p] ?? 0;
      if (last[w] === r) continue;
      last[w] = r;
      const at = fill[w] ?? 0;
      fill[w] = at + 1;
      values[at] = r;
    }
  }
  return { start, values };
}

/** Interns a list of names as ids, first seen first. */
class Names {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(name, id);
      this.list.push(name);
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

/** The ids of the listed names that exist, as a lookup table; null when the list is empty. */
function selection(names: Names, wanted: readonly string[]): Uint8Array | null {
  if (wanted.length === 0) return null;
  const selected = new Uint8Array(names.list.length);
  for (const name of wanted) {
    const id = names.find(name);
    if (id !== undefined) selected[id] = 1;
  }
  return selected;
}

function anySelected(rows: Rows, row: number, selected: Uint8Array): boolean {
  const end = rows.start[row + 1] ?? 0;
  for (let p = rows.start[row] ?? 0; p < end; p++) {
    if (selected[rows.values[p] ?? 0] === 1) return true;
  }
  return false;
}

/**
 * Orders all annotations and articles together by time, oldest first, ties by position, so a
 * rank names exactly one of them. (A native sort of the times plus a binary search each is
 * several times faster than sorting indices with a comparator.)
 */
function byRecency(times: Float64Array): Uint32Array {
  const sorted = times.slice().sort();
  const taken = new Uint32Array(times.length);
  const byRank = new Uint32Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    const ties = taken[lo] ?? 0;
    taken[lo] = ties + 1;
    byRank[lo + ties] = i;
  }
  return byRank;
}

/** A query's filters, resolved to lookup tables over the index's ids. */
interface Filter {
  kinds: boolean[] | null;
  statuses: boolean[] | null;
  tags: Uint8Array | null;
  /** Per article: 1 when its site and entities pass; null when neither is filtered. */
  articles: Uint8Array | null;
  from: number;
  until: number;
  dates: boolean;
  /** Whether any filter only annotations can satisfy is on. */
  itemsOnly: boolean;
}

/** The word index: a sorted vocabulary, each text's words in order, and postings both ways. */
interface Words {
  vocabulary: string[];
  /** Word ids of each annotation's text, in order, for phrases. */
  tokens: Rows;
  articleTokens: Rows;
  /** For each word, the annotations whose own text holds it. */
  itemPostings: Rows;
  /** For each word, the articles whose text holds it. */
  articlePostings: Rows;
}

/** Indexes the words of the articles' and annotations' folded texts. */
function buildWords(entries: readonly CatalogEntry[], texts: readonly string[]): Words {
  const articleCount = entries.length;
  const itemCount = texts.length;
  const table = new WordTable();
  let itemChars = 0;
  for (const text of texts) itemChars += text.length;
  // Folded words average over five characters with their space; growing would copy.
  const itemTokens = new IntList(itemChars / 4);
  const itemTokenStart = new Uint32Array(itemCount + 1);
  const articleTokens = new IntList(articleCount * 32);
  const articleTokenStart = new Uint32Array(articleCount + 1);
  for (let a = 0; a < articleCount; a++) {
    table.scan(entries[a]?.text ?? '', articleTokens);
    articleTokenStart[a + 1] = articleTokens.length;
  }
  for (let n = 0; n < itemCount; n++) {
    table.scan(texts[n] ?? '', itemTokens);
    itemTokenStart[n + 1] = itemTokens.length;
  }

  // Sorting the vocabulary makes the words a prefix starts one range of ids.
  const rawWords = table.words;
  const byWord = Array.from(rawWords.keys()).sort((x, y) => {
    const wx = rawWords[x] ?? '';
    const wy = rawWords[y] ?? '';
    return wx < wy ? -1 : wx > wy ? 1 : 0;
  });
  const vocabulary = byWord.map((id) => rawWords[id] ?? '');
  const remap = new Uint32Array(rawWords.length);
  byWord.forEach((id, rank) => (remap[id] = rank));
  const renumber = (list: IntList): Uint32Array | Uint16Array => {
    const ids = list.toArray();
    for (let p = 0; p < ids.length; p++) ids[p] = remap[ids[p] ?? 0] ?? 0;
    if (vocabulary.length > 0x10000) return ids;
    // Half the memory for the common case of fewer than 65,536 distinct words.
    const narrow = new Uint16Array(ids.length);
    narrow.set(ids);
    return narrow;
  };
  // Words stay in order, for phrases.
  const tokens: Rows = { start: itemTokenStart, values: renumber(itemTokens) };
  const itemPostings = postingsOf(tokens, vocabulary.length);
  const articleWords: Rows = { start: articleTokenStart, values: renumber(articleTokens) };
  const articlePostings = postingsOf(articleWords, vocabulary.length);
  return {
    vocabulary,
    tokens,
    articleTokens: articleWords,
    itemPostings,
    articlePostings,
  };
}

/** Per-value counts gathered while building, for the facets. */
interface Counts {
  tags: number[];
  sites: number[];
  entities: number[];
  statuses: number[];
  kinds: number[];
  firstCreated: number;
  lastCreated: number;
}

/**
 * Reads the catalog into typed arrays. Kept apart from the query closures so that the build's
 * scratch (token lists, the word table) is not captured by them and can be collected.
 */
function build(catalog: readonly CatalogEntry[]) {
  const articleCount = catalog.length;
  let itemCount = 0;
  for (const entry of catalog) itemCount += entry.items.length;
  // Articles are numbered newest saved first, and their annotations after them, so that the
  // newest-first passes of a query walk the arrays nearly in order.
  const savedAt = catalog.map((entry) => isoTimeMs(entry.savedAt));
  const entries = Array.from(catalog.keys())
    .sort((x, y) => (savedAt[y] || -Infinity) - (savedAt[x] || -Infinity) || x - y)
    .map((k) => catalog[k])
    .filter((entry) => entry !== undefined);

  // Annotations are numbered article by article, newest made first within each article.
  // Results are built from this array of references, never touching the items themselves.
  const ids = new Array<string>(itemCount);
  const itemArticle = new Uint32Array(itemCount);
  const articleStart = new Uint32Array(articleCount + 1);
  const created = new Float64Array(itemCount);
  // Last change of each annotation, then each article's save time: the recency of ties.
  const times = new Float64Array(itemCount + articleCount);
  const kind = new Uint8Array(itemCount);
  const status = new Uint8Array(itemCount);
  const tagNames = new Names();
  const tagIds = new IntList(itemCount);
  const tagStart = new Uint32Array(itemCount + 1);
  const siteNames = new Names();
  const site = new Uint32Array(articleCount);
  const entityNames = new Names();
  const entityTypes: EntityType[][] = [];
  const entityIds = new IntList(articleCount * 8);
  const entityStart = new Uint32Array(articleCount + 1);
  const counts: Counts = {
    tags: [],
    sites: [],
    entities: [],
    statuses: new Array<number>(CLAIM_STATUSES.length + 1).fill(0),
    kinds: new Array<number>(KINDS.length).fill(0),
    firstCreated: Infinity,
    lastCreated: -Infinity,
  };
  const entityLastArticle: number[] = [];
  // Kept only until the word index is built (see prepare()).
  const texts = new Array<string>(itemCount);

  const order: CatalogItem[] = [];
  const orderTimes: number[] = [];
  let n = 0;
  entries.forEach((entry, a) => {
    articleStart[a] = n;
    times[itemCount + a] = isoTimeMs(entry.savedAt);
    const siteId = siteNames.id(entry.site);
    site[a] = siteId;
    counts.sites[siteId] = (counts.sites[siteId] ?? 0) + 1;
    for (const entity of entry.entities) {
      const id = entityNames.id(entity.name);
      (entityTypes[id] ??= []).push(entity.type);
      entityIds.push(id);
      // An article counts once per entity, even if a hand-edited catalog lists one twice.
      if (entityLastArticle[id] !== a) counts.entities[id] = (counts.entities[id] ?? 0) + 1;
      entityLastArticle[id] = a;
    }
    entityStart[a + 1] = entityIds.length;

    order.length = 0;
    orderTimes.length = 0;
    let sorted = true;
    for (const item of entry.items) {
      const t = isoTimeMs(item.createdAt);
      if (orderTimes.length > 0 && !(t <= (orderTimes.at(-1) ?? 0))) sorted = false;
      order.push(item);
      orderTimes.push(t);
    }
    // The catalog lists them newest first already; anything else is put in that order here.
    if (!sorted) {
      const positions = order.map((_, k) => k);
      positions.sort((x, y) => (orderTimes[y] || 0) - (orderTimes[x] || 0) || x - y);
      const items = positions.map((k) => order[k]);
      const itemTimes = positions.map((k) => orderTimes[k] ?? NaN);
      order.splice(0, order.length, ...items.filter((item) => item !== undefined));
      orderTimes.splice(0, orderTimes.length, ...itemTimes);
    }
    for (let k = 0; k < order.length; k++) {
      const item = order[k];
      if (!item) continue;
      ids[n] = item.id;
      itemArticle[n] = a;
      const t = orderTimes[k] ?? NaN;
      created[n] = t;
      if (t < counts.firstCreated) counts.firstCreated = t;
      if (t > counts.lastCreated) counts.lastCreated = t;
      // Most annotations are never edited: equal strings need no second parse.
      times[n] = item.modifiedAt === item.createdAt ? t : isoTimeMs(item.modifiedAt);
      const kindCode = item.kind === 'claim' ? 1 : 0;
      kind[n] = kindCode;
      counts.kinds[kindCode] = (counts.kinds[kindCode] ?? 0) + 1;
      const statusCode = item.status ? CLAIM_STATUSES.indexOf(item.status) + 1 : NO_STATUS;
      status[n] = statusCode;
      counts.statuses[statusCode] = (counts.statuses[statusCode] ?? 0) + 1;
      for (const tag of item.tags) {
        const id = tagNames.id(tag);
        tagIds.push(id);
        counts.tags[id] = (counts.tags[id] ?? 0) + 1;
      }
      tagStart[n + 1] = tagIds.length;
      texts[n] = item.text;
      n++;
    }
  });
  articleStart[articleCount] = itemCount;
  for (let t = 0; t < times.length; t++) {
    if (Number.isNaN(times[t])) times[t] = -Infinity;
  }

  const tags: Rows = { start: tagStart, values: tagIds.toArray() };
  const articleEntities: Rows = { start: entityStart, values: entityIds.toArray() };
  const byRank = byRecency(times);
  const rankCount = byRank.length;

  return {
    articleCount,
    itemCount,
    ids,
    itemArticle,
    articleStart,
    created,
    kind,
    status,
    tagNames,
    tags,
    siteNames,
    site,
    entityNames,
    entityTypes,
    articleEntities,
    texts,
    byRank,
    rankCount,
    entries,
    counts,
  };
}

/** Builds the search index of a catalog snapshot. */
export function createLibraryIndex(catalog: readonly CatalogEntry[]): LibraryIndex {
  const {
    articleCount,
    itemCount,
    ids,
    itemArticle,
    articleStart,
    created,
    kind,
    status,
    tagNames,
    tags,
    siteNames,
    site,
    entityNames,
    entityTypes,
    articleEntities,
    texts,
    byRank,
    rankCount,
    entries,
    counts,
  } = build(catalog);
  let pendingTexts: string[] | null = texts;
  let built: Words | null = null;
  /** The word index, built on first use; the texts' references are then let go. */
  const wordIndex = (): Words => {
    if (!built) {
      built = buildWords(entries, pendingTexts ?? []);
      pendingTexts = null;
    }
    return built;
  };

  // Per-query scratch, reused so typing does not churn the garbage collector.
  const itemMatched = new Uint32Array(itemCount);
  const itemWhole = new Uint32Array(itemCount);
  const articleMatched = new Uint32Array(articleCount);
  const articleWhole = new Uint32Array(articleCount);
  const itemPhrase = new Uint8Array(itemCount);
  const articlePhrase = new Uint8Array(articleCount);
  const hitOf = new Int32Array(articleCount);
  const perArticle = new Uint32Array(articleCount);
  const matchScore = new Uint16Array(rankCount);
  const matchRank = new Uint32Array(rankCount);
  const sortedScore = new Uint16Array(rankCount);
  const sortedRank = new Uint32Array(rankCount);
  const bucketStart = new Uint32Array(MAX_SCORE + 2);

  function resolve(query: LibraryQuery): Filter {
    const f = query.filters;
    const kinds = f.kinds.length > 0 ? KINDS.map((k) => f.kinds.includes(k)) : null;
    const statuses =
      f.statuses.length > 0 ? [false, ...CLAIM_STATUSES.map((s) => f.statuses.includes(s))] : null;
    const tagSet = selection(tagNames, f.tags);
    const siteSet = selection(siteNames, f.sites);
    const entitySet = selection(entityNames, f.entities);
    let articles: Uint8Array | null = null;
    if (siteSet || entitySet) {
      articles = new Uint8Array(articleCount);
      for (let a = 0; a < articleCount; a++) {
        const ok =
          (!siteSet || siteSet[site[a] ?? 0] === 1) &&
          (!entitySet || anySelected(articleEntities, a, entitySet));
        articles[a] = ok ? 1 : 0;
      }
    }
    // An unreadable day is ignored rather than matching nothing.
    const from = f.from ? localDayStart(f.from) : NaN;
    const until = f.to ? localDayStart(f.to, 1) : NaN;
    const dates = !Number.isNaN(from) || !Number.isNaN(until);
    return {
      kinds,
      statuses,
      tags: tagSet,
      articles,
      from: Number.isNaN(from) ? -Infinity : from,
      until: Number.isNaN(until) ? Infinity : until,
      dates,
      itemsOnly: Boolean(kinds ?? statuses ?? tagSet) || dates,
    };
  }

  function itemPasses(f: Filter, i: number): boolean {
    if (f.kinds && f.kinds[kind[i] ?? 0] !== true) return false;
    if (f.statuses && f.statuses[status[i] ?? 0] !== true) return false;
    if (f.tags && !anySelected(tags, i, f.tags)) return false;
    if (f.dates) {
      const t = created[i] ?? NaN;
      if (!(t >= f.from && t < f.until)) return false;
    }
    return true;
  }

  function browse(f: Filter, limit: number): LibraryResult {
    const hits: LibraryHit[] = [];
    let annotationCount = 0;
    let articles = 0;
    for (let a = 0; a < articleCount; a++) {
      if (f.articles && f.articles[a] !== 1) continue;
      const start = articleStart[a] ?? 0;
      const end = articleStart[a + 1] ?? 0;
      let count = end - start;
      if (f.itemsOnly) {
        count = 0;
        for (let i = start; i < end; i++) if (itemPasses(f, i)) count++;
        if (count === 0) continue;
      }
      articles++;
      annotationCount += count;
      if (hits.length >= limit) continue;
      const found = f.itemsOnly
        ? ids.slice(start, end).filter((_, k) => itemPasses(f, start + k))
        : ids.slice(start, end);
      hits.push({ url: entries[a]?.url ?? '', score: 0, items: found });
    }
    return { hits, annotationCount, articleCount: articles };
  }

  function search(words: string[], f: Filter, limit: number): LibraryResult {
    const { vocabulary, tokens, articleTokens, itemPostings, articlePostings } = wordIndex();
    const unique = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
    const all = unique.length === 32 ? 0xffffffff : (1 << unique.length) - 1;
    itemMatched.fill(0);
    itemWhole.fill(0);
    articleMatched.fill(0);
    articleWhole.fill(0);
    let lastLo = 0;
    let lastHi = 0;
    for (let w = 0; w < unique.length; w++) {
      const word = unique[w] ?? '';
      const lo = lowerBound(vocabulary, word);
      const hi = lowerBound(vocabulary, `${word}\uffff`);
      if (lo === hi) return { hits: [], annotationCount: 0, articleCount: 0 };
      const exact = vocabulary[lo] === word ? lo : -1;
      const bit = 1 << w;
      mark(itemPostings, lo, hi, exact, bit, itemMatched, itemWhole);
      mark(articlePostings, lo, hi, exact, bit, articleMatched, articleWhole);
      if (word === words.at(-1)) {
        lastLo = lo;
        lastHi = hi;
      }
    }

    // In a phrase every word but the last is whole; the last may still be being typed.
    const single = words.length === 1;
    const leadingIds = words.slice(0, -1).map((word) => {
      const at = lowerBound(vocabulary, word);
      return vocabulary[at] === word ? at : -1;
    });
    // Which annotations and articles hold the phrase: only those holding all its words are read.
    itemPhrase.fill(0);
    articlePhrase.fill(0);
    const firstId = leadingIds[0] ?? -1;
    if (!single && !leadingIds.includes(-1)) {
      const phrase = { leading: leadingIds, lastLo, lastHi, all };
      markPhrases(tokens, itemPostings, firstId, phrase, itemMatched, itemPhrase);
      markPhrases(articleTokens, articlePostings, firstId, phrase, articleMatched, articlePhrase);
    }
    const inArticle = (a: number): boolean => single || articlePhrase[a] === 1;

    // Matches are collected newest first, then counting-sorted by score, which keeps that order.
    bucketStart.fill(0);
    perArticle.fill(0);
    let matches = 0;
    for (let r = rankCount - 1; r >= 0; r--) {
      const o = byRank[r] ?? 0;
      let score: number;
      if (o < itemCount) {
        const a = itemArticle[o] ?? 0;
        const own = itemMatched[o] ?? 0;
        const fromArticle = articleMatched[a] ?? 0;
        if ((own | fromArticle) !== all) continue;
        if (f.articles && f.articles[a] !== 1) continue;
        if (f.itemsOnly && !itemPasses(f, o)) continue;
        let tier = 0;
        if (own === all) {
          const phraseHere = single || itemPhrase[o] === 1;
          tier = phraseHere ? TIER_OWN_PHRASE : TIER_OWN_WORDS;
        }
        if (tier < TIER_ARTICLE_PHRASE && fromArticle === all && inArticle(a)) {
          tier = TIER_ARTICLE_PHRASE;
        }
        const whole = (itemWhole[o] ?? 0) | (articleWhole[a] ?? 0);
        score = tier * TIER + popcount(own) * OWN + popcount(whole);
        perArticle[a] = (perArticle[a] ?? 0) + 1;
      } else {
        // An article whose own text matches lists all its annotations, so it is a hit of its own
        // only when it has none, and only if no filter asks for something annotations have.
        const a = o - itemCount;
        if (f.itemsOnly || articleStart[a] !== articleStart[a + 1]) continue;
        if ((articleMatched[a] ?? 0) !== all) continue;
        if (f.articles && f.articles[a] !== 1) continue;
        const tier = inArticle(a) ? TIER_ARTICLE_PHRASE : 0;
        score = tier * TIER + popcount(articleWhole[a] ?? 0);
      }
      matchScore[matches] = score;
      matchRank[matches] = r;
      matches++;
      const bucket = MAX_SCORE - score + 1;
      bucketStart[bucket] = (bucketStart[bucket] ?? 0) + 1;
    }
    for (let s = 1; s < bucketStart.length; s++) {
      bucketStart[s] = (bucketStart[s] ?? 0) + (bucketStart[s - 1] ?? 0);
    }
    for (let m = 0; m < matches; m++) {
      const score = matchScore[m] ?? 0;
      const bucket = MAX_SCORE - score;
      const at = bucketStart[bucket] ?? 0;
      bucketStart[bucket] = at + 1;
      sortedRank[at] = matchRank[m] ?? 0;
      sortedScore[at] = score;
    }

    // The first match of an article is its best, so hits come out in order of their best match.
    const hits: LibraryHit[] = [];
    hitOf.fill(-1);
    let annotationCount = 0;
    let articles = 0;
    for (let m = 0; m < matches; m++) {
      const o = byRank[sortedRank[m] ?? 0] ?? 0;
      const isItem = o < itemCount;
      const a = isItem ? (itemArticle[o] ?? 0) : o - itemCount;
      if (isItem) annotationCount++;
      let h = hitOf[a] ?? -1;
      if (h === -1) {
        articles++;
        h = hits.length < limit ? hits.length : -2;
        hitOf[a] = h;
        if (h >= 0) {
          // Sized up front: growing thousands of arrays by push costs more than filling them.
          const found = new Array<string>(perArticle[a] ?? 0);
          hits.push({ url: entries[a]?.url ?? '', score: sortedScore[m] ?? 0, items: found });
          perArticle[a] = 0;
        }
      }
      const hit = hits[h];
      if (isItem && hit) {
        const at = perArticle[a] ?? 0;
        hit.items[at] = ids[o] ?? '';
        perArticle[a] = at + 1;
      }
    }
    return { hits, annotationCount, articleCount: articles };
  }

  let facetCache: LibraryFacets | null = null;

  return {
    articleCount,
    annotationCount: itemCount,
    query(query, options) {
      const filter = resolve(query);
      const words = foldWords(query.text);
      const limit = options?.limit ?? Infinity;
      return words.length === 0 ? browse(filter, limit) : search(words, filter, limit);
    },
    facets() {
      facetCache ??= computeFacets();
      return facetCache;
    },
    prepare() {
      wordIndex();
    },
  };

  function computeFacets(): LibraryFacets {
    const { firstCreated: first, lastCreated: last } = counts;
    const ranked = (names: Names, perId: number[]): FacetCount[] =>
      names.list
        .map((value, id) => ({ value, count: perId[id] ?? 0 }))
        .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
    return {
      tags: ranked(tagNames, counts.tags),
      sites: ranked(siteNames, counts.sites),
      entities: ranked(entityNames, counts.entities)
        .slice(0, MAX_ENTITY_FACETS)
        .map(({ value, count }) => ({
          name: value,
          type: usualType(entityTypes[entityNames.find(value) ?? 0] ?? []),
          count,
        })),
      statuses: CLAIM_STATUSES.map((value, s) => ({ value, count: counts.statuses[s + 1] ?? 0 })),
      kinds: KINDS.map((value, k) => ({ value, count: counts.kinds[k] ?? 0 })),
      dates: Number.isFinite(first) ? { from: localDay(first), to: localDay(last) } : null,
    };
  }
}

/** The type an entity is most often given, the first seen on a tie. */
function usualType(types: EntityType[]): EntityType {
  const counts = new Map<EntityType, number>();
  let best: EntityType = types[0] ?? 'organization';
  for (const t of types) {
    const c = (counts.get(t) ?? 0) + 1;
    counts.set(t, c);
    if (c > (counts.get(best) ?? 0)) best = t;
  }
  return best;
}

function mark(
  postings: Rows,
  lo: number,
  hi: number,
  exact: number,
  bit: number,
  matched: Uint32Array,
  whole: Uint32Array,
): void {
  const { start, values } = postings;
  for (let w = lo; w < hi; w++) {
    const end = start[w + 1] ?? 0;
    const target = w === exact ? whole : null;
    for (let p = start[w] ?? 0; p < end; p++) {
      const n = values[p] ?? 0;
      matched[n] = (matched[n] ?? 0) | bit;
      if (target) target[n] = (target[n] ?? 0) | bit;
    }
  }
}

/** A phrase as word ids: these words exactly, then one in [lastLo, lastHi) (being typed). */
interface Phrase {
  leading: number[];
  lastLo: number;
  lastHi: number;
  /** The mask of a row holding all the query's words. */
  all: number;
}

/**
 * Marks the rows holding the phrase. Only rows holding its first word and all the query's
 * words (per `matched`) are read, each in one tight pass over its word ids.
 */
function markPhrases(
  rows: Rows,
  postings: Rows,
  firstId: number,
  phrase: Phrase,
  matched: Uint32Array,
  marks: Uint8Array,
): void {
  const { start, values } = rows;
  const { leading, lastLo, lastHi, all } = phrase;
  const end = postings.start[firstId + 1] ?? 0;
  for (let q = postings.start[firstId] ?? 0; q < end; q++) {
    const row = postings.values[q] ?? 0;
    if (matched[row] !== all) continue;
    const last = (start[row + 1] ?? 0) - leading.length - 1;
    for (let p = start[row] ?? 0; p <= last; p++) {
      if (values[p] !== firstId) continue;
      let k = 1;
      while (k < leading.length && values[p + k] === leading[k]) k++;
      const tail = values[p + k] ?? -1;
      if (k === leading.length && tail >= lastLo && tail < lastHi) {
        marks[row] = 1;
        break;
      }
    }
  }
}
