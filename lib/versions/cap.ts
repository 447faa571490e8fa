import { VERSIONS_PER_ARTICLE, type VersionRecord } from '../model/version';

/**
 * The versions to drop to bring an article's versions (oldest first) back under the cap
 * (VERSIONS_PER_ARTICLE): never the first, the newest or one a note was made on; first those
 * whose story the next version tells again (they differ only around the story), then the oldest.
 */
export function versionsOverCap<T extends Pick<VersionRecord, 'n' | 'story'>>(
  rows: readonly T[],
  inUse: ReadonlySet<number>,
): T[] {
  const extra = rows.length - VERSIONS_PER_ARTICLE;
  if (extra <= 0) return [];
  const retold: T[] = [];
  const others: T[] = [];
  for (let i = 1; i < rows.length - 1; i++) {
    const row = rows[i] as T;
    if (inUse.has(row.n)) continue;
    const next = rows[i + 1];
    (row.story !== undefined && row.story === next?.story ? retold : others).push(row);
  }
  return [...retold, ...others].slice(0, extra);
}
