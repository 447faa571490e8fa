/**
 * Ranks a query's matches: walks every annotation and article newest first, scores those
 * holding all the query's words, counting-sorts them by score (no comparison sort, and ties
 * stay newest first), and groups them into hits, an article per hit in order of its best match.
 */
import type { LibraryColumns } from './columns';
import { itemPasses, type ResolvedFilter } from './filters';
import { MAX_QUERY_WORDS, type MatchMarks, type QueryMarks } from './matching';
import type { LibraryHit, LibraryResult } from './types';

// Score = tier × TIER + words matched in the annotation's own text × OWN + whole-word matches.
const OWN = 64;
const TIER = OWN * (MAX_QUERY_WORDS + 1);
const TIER_OWN_PHRASE = 3;
const TIER_ARTICLE_PHRASE = 2;
const TIER_OWN_WORDS = 1;
/** No score reaches this: the counting sort's number of buckets. */
export const MAX_SCORE = TIER * 4;

/** How many bits of a 32-bit mask are set. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Per-query scratch of the ranking, reused from query to query. */
export interface RankScratch {
  /** Matches in the order found (newest first): score and rank. */
  matchScore: Uint16Array;
  matchRank: Uint32Array;
  /** The same, best score first. */
  sortedScore: Uint16Array;
  sortedRank: Uint32Array;
  bucketStart: Uint32Array;
  /** Per article: matching annotations, then the next free slot of its hit's list. */
  perArticle: Uint32Array;
  /** Per article: its hit's position, -1 before it is met, -2 when beyond the limit. */
  hitOf: Int32Array;
}

/** Scratch sized for an index of this many annotations and articles. */
export function createRankScratch(itemCount: number, articleCount: number): RankScratch {
  const ranks = itemCount + articleCount;
  return {
    matchScore: new Uint16Array(ranks),
    matchRank: new Uint32Array(ranks),
    sortedScore: new Uint16Array(ranks),
    sortedRank: new Uint32Array(ranks),
    bucketStart: new Uint32Array(MAX_SCORE + 2),
    perArticle: new Uint32Array(articleCount),
    hitOf: new Int32Array(articleCount),
  };
}

/** Scores, sorts and groups the marked matches that pass the filter. */
export function rankMatches(
  columns: LibraryColumns,
  marks: MatchMarks,
  query: QueryMarks,
  f: ResolvedFilter,
  scratch: RankScratch,
  limit: number,
): LibraryResult {
  const matches = collectMatches(columns, marks, query, f, scratch);
  sortByScore(scratch, matches);
  return groupHits(columns, scratch, matches, limit);
}

/**
 * Scores every match, newest first, into the scratch's match lists, counting each score's
 * bucket and each article's matching annotations. Returns how many matched.
 */
export function collectMatches(
  columns: LibraryColumns,
  marks: MatchMarks,
  query: QueryMarks,
  f: ResolvedFilter,
  scratch: RankScratch,
): number {
  const { byRank, itemCount, itemArticle } = columns;
  const { matchScore, matchRank, bucketStart, perArticle } = scratch;
  bucketStart.fill(0);
  perArticle.fill(0);
  let matches = 0;
  for (let r = byRank.length - 1; r >= 0; r--) {
    const o = byRank[r] ?? 0;
    let score: number;
    if (o < itemCount) {
      score = itemScore(columns, marks, query, f, o);
      if (score < 0) continue;
      const a = itemArticle[o] ?? 0;
      perArticle[a] = (perArticle[a] ?? 0) + 1;
    } else {
      score = articleScore(columns, marks, query, f, o - itemCount);
      if (score < 0) continue;
    }
    matchScore[matches] = score;
    matchRank[matches] = r;
    matches++;
    const bucket = MAX_SCORE - score + 1;
    bucketStart[bucket] = (bucketStart[bucket] ?? 0) + 1;
  }
  return matches;
}

/** Annotation `o`'s score, or -1 when it does not match or pass. */
function itemScore(
  columns: LibraryColumns,
  marks: MatchMarks,
  query: QueryMarks,
  f: ResolvedFilter,
  o: number,
): number {
  const { all, single } = query;
  const a = columns.itemArticle[o] ?? 0;
  const own = marks.itemMatched[o] ?? 0;
  const fromArticle = marks.articleMatched[a] ?? 0;
  if ((own | fromArticle) !== all) return -1;
  if (f.articles && f.articles[a] !== 1) return -1;
  if (f.itemsOnly && !itemPasses(columns, f, o)) return -1;
  let tier = 0;
  if (own === all) {
    tier = single || marks.itemPhrase[o] === 1 ? TIER_OWN_PHRASE : TIER_OWN_WORDS;
  }
  if (
    tier < TIER_ARTICLE_PHRASE &&
    fromArticle === all &&
    (single || marks.articlePhrase[a] === 1)
  ) {
    tier = TIER_ARTICLE_PHRASE;
  }
  const whole = (marks.itemWhole[o] ?? 0) | (marks.articleWhole[a] ?? 0);
  return tier * TIER + popcount(own) * OWN + popcount(whole);
}

/**
 * Article `a`'s own score, or -1. An article whose text matches lists all its annotations, so it
 * is a hit of its own only when it has none, and only if no filter asks for what annotations have.
 */
function articleScore(
  columns: LibraryColumns,
  marks: MatchMarks,
  query: QueryMarks,
  f: ResolvedFilter,
  a: number,
): number {
  const { articleStart } = columns;
  if (f.itemsOnly || articleStart[a] !== articleStart[a + 1]) return -1;
  if ((marks.articleMatched[a] ?? 0) !== query.all) return -1;
  if (f.articles && f.articles[a] !== 1) return -1;
  const tier = query.single || marks.articlePhrase[a] === 1 ? TIER_ARTICLE_PHRASE : 0;
  return tier * TIER + popcount(marks.articleWhole[a] ?? 0);
}

/** Counting-sorts the first `matches` matches by score, best first, keeping their order on ties. */
export function sortByScore(scratch: RankScratch, matches: number): void {
  const { matchScore, matchRank, sortedScore, sortedRank, bucketStart } = scratch;
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
}

/**
 * Groups the sorted matches into hits. The first match of an article is its best, so hits come
 * out in order of their best match; only the first `limit` get lists, all are counted.
 */
export function groupHits(
  columns: LibraryColumns,
  scratch: RankScratch,
  matches: number,
  limit: number,
): LibraryResult {
  const { byRank, itemCount, itemArticle, ids, entries } = columns;
  const { sortedRank, sortedScore, perArticle, hitOf } = scratch;
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
