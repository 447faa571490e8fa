/**
 * A query without words: every article passing the filters, newest saved first, each with its
 * passing annotations newest first. No scoring, so no ranking pass.
 */
import type { LibraryColumns } from './columns';
import { itemPasses, type ResolvedFilter } from './filters';
import type { LibraryHit, LibraryResult } from './types';

/** Lists what passes the filter in column order, the first `limit` articles as hits. */
export function browse(columns: LibraryColumns, f: ResolvedFilter, limit: number): LibraryResult {
  const { articleCount, articleStart, ids, entries } = columns;
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
      for (let i = start; i < end; i++) if (itemPasses(columns, f, i)) count++;
      if (count === 0) continue;
    }
    articles++;
    annotationCount += count;
    if (hits.length >= limit) continue;
    const found = f.itemsOnly
      ? ids.slice(start, end).filter((_, k) => itemPasses(columns, f, start + k))
      : ids.slice(start, end);
    hits.push({ url: entries[a]?.url ?? '', score: 0, items: found });
  }
  return { hits, annotationCount, articleCount: articles };
}
