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
  const middle = rows.slice(1, -1).filter((r) => !inUse.has(r.n));
  const retold = (r: T) => {
    const next = rows[rows.indexOf(r) + 1];
    return r.story !== undefined && r.story === next?.story;
  };
  return [...middle.filter(retold), ...middle.filter((r) => !retold(r))].slice(0, extra);
}
