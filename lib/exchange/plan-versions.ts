import type { VersionRecord } from '../model/version';
import { versionsOverCap } from '../versions/cap';
import { timeOf } from './dedupe';

// A file numbers an article's versions as the library that wrote it did; this library has its
// own numbers, which its notes refer to. Versions are the same text when their hashes are, and
// the merged list keeps both libraries' versions in the order they were seen.

/** A version from a file, packed for storage and numbered as the file numbered it. */
export interface IncomingVersion {
  record: VersionRecord;
  where: string;
}

/** What merging a file's versions into the library does to one article. */
export interface ArticleVersionMerge {
  /**
   * Every version the article keeps, renumbered 1, 2 …, to replace its stored rows; null when
   * the file brings no new text and the stored rows stay as they are.
   */
  rows: VersionRecord[] | null;
  /** The library's number of each version it had → its number after the merge. */
  fromLibrary: Map<number, number>;
  /** The file's number of each of its versions → the number that text has after the merge. */
  fromFile: Map<number, number>;
  /** The file's versions new to the library. */
  added: IncomingVersion[];
}

type Source = VersionRecord | IncomingVersion;

const recordOf = (item: Source): VersionRecord => ('where' in item ? item.record : item);

/**
 * Merges one article's versions from a file into the library's (pure): a version whose text the
 * library holds is that version; the others join in the order they were seen, and the library's
 * own keep their order.
 */
export function mergeArticleVersions(
  library: readonly VersionRecord[],
  incoming: readonly IncomingVersion[],
): ArticleVersionMerge {
  const local = [...library].sort((a, b) => a.n - b.n);
  const byHash = new Map<string, Source>(local.map((r) => [r.hash, r]));
  const fresh: IncomingVersion[] = [];
  const target = new Map<number, Source>();
  for (const item of [...incoming].sort((a, b) => a.record.n - b.record.n)) {
    const same = byHash.get(item.record.hash);
    if (same) {
      target.set(item.record.n, same);
      continue;
    }
    byHash.set(item.record.hash, item);
    target.set(item.record.n, item);
    fresh.push(item);
  }
  if (fresh.length === 0) {
    return {
      rows: null,
      fromLibrary: new Map(local.map((r) => [r.n, r.n])),
      fromFile: new Map([...target].map(([n, t]) => [n, recordOf(t).n])),
      added: [],
    };
  }
  // A stable merge by the time each was seen, the library's versions in their own order.
  fresh.sort((a, b) => timeOf(a.record.seenAt) - timeOf(b.record.seenAt));
  const order: Source[] = [];
  let i = 0;
  let j = 0;
  while (i < local.length || j < fresh.length) {
    const mine = local[i];
    const theirs = fresh[j];
    if (theirs && (!mine || timeOf(theirs.record.seenAt) < timeOf(mine.seenAt))) {
      order.push(theirs);
      j++;
    } else if (mine) {
      order.push(mine);
      i++;
    }
  }
  const numberOf = new Map(order.map((item, at) => [item, at + 1]));
  const rows = order.map((item, at) => ({ ...recordOf(item), n: at + 1 }));
  const renumber = (item: Source) => numberOf.get(item) ?? recordOf(item).n;
  return {
    rows,
    fromLibrary: new Map(local.map((r) => [r.n, renumber(r)])),
    fromFile: new Map([...target].map(([n, t]) => [n, renumber(t)])),
    added: fresh,
  };
}

/** The versions an article keeps under the cap, as recordVersion keeps them (versionsOverCap). */
export function capVersions(
  rows: readonly VersionRecord[],
  inUse: ReadonlySet<number>,
): VersionRecord[] {
  const gone = new Set(versionsOverCap(rows, inUse));
  return rows.filter((r) => !gone.has(r));
}
