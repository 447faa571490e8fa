import { VERSIONS_PER_ARTICLE, type VersionRecord } from '../model/version';
import { packVersion } from '../versions/codec';
import type { SkippedItem } from './issues';
import type { ParsedImport } from './parsed';
import type { IncomingVersion } from './plan-versions';

/** A parsed file whose versions are packed for storage, ready to be planned and written. */
export interface ReadyImport {
  parsed: ParsedImport;
  /** The file's versions compressed as the library stores them, numbered as the file numbers them. */
  versions: IncomingVersion[];
}

/** Most versions one import takes: far beyond a real library's, within what packing bears. */
export const MAX_IMPORT_VERSIONS = 100_000;

/**
 * Which of the file's versions are worth packing: per article, those a note in the file stands
 * on, the first and the newest, then the newest others up to the cap a library keeps; at most
 * MAX_IMPORT_VERSIONS in all. The others are skipped with the reason, before any is compressed.
 */
function versionsToPack(parsed: ParsedImport): { keep: Set<number>; skipped: SkippedItem[] } {
  const byArticle = new Map<string, number[]>();
  parsed.versions.forEach((v, i) => {
    const list = byArticle.get(v.articleUrl) ?? [];
    list.push(i);
    byArticle.set(v.articleUrl, list);
  });
  const noted = new Set(
    parsed.annotations.flatMap((a) =>
      a.version === undefined ? [] : [`${String(a.version)} ${a.articleUrl}`],
    ),
  );
  const keep = new Set<number>();
  const skipped: SkippedItem[] = [];
  const placeOf = (i: number) => parsed.versionPlaces[i] ?? `versions[${String(i)}]`;
  for (const indices of byArticle.values()) {
    const order = [...indices].sort(
      (a, b) => (parsed.versions[a]?.n ?? 0) - (parsed.versions[b]?.n ?? 0),
    );
    const stands = (i: number) => {
      const v = parsed.versions[i];
      return v !== undefined && noted.has(`${String(v.n)} ${v.articleUrl}`);
    };
    const chosen = new Set(order.filter(stands));
    for (const i of [order[0], order.at(-1)]) if (i !== undefined) chosen.add(i);
    for (let k = order.length - 2; k > 0 && chosen.size < VERSIONS_PER_ARTICLE; k--) {
      chosen.add(order[k] as number);
    }
    for (const i of order) {
      if (chosen.has(i)) keep.add(i);
      else {
        skipped.push({
          where: placeOf(i),
          reason: `one of more versions of this article than Claimmark keeps (${String(VERSIONS_PER_ARTICLE)}), and no note in the file stands on it`,
        });
      }
    }
  }
  if (keep.size > MAX_IMPORT_VERSIONS) {
    for (const i of [...keep].sort((a, b) => a - b).slice(MAX_IMPORT_VERSIONS)) {
      keep.delete(i);
      skipped.push({
        where: placeOf(i),
        reason: `more versions than one import takes (${MAX_IMPORT_VERSIONS.toLocaleString('en')})`,
      });
    }
  }
  return { keep, skipped };
}

/**
 * Packs the file's versions (gzip, as recordVersion stores them) and checks each against its
 * hash: a text changed after export no longer matches the positions notes have in it, so that
 * version is skipped with the reason. Runs outside any transaction (compression is not IndexedDB
 * work, and a transaction that waits on it closes).
 */
export async function readyImport(parsed: ParsedImport): Promise<ReadyImport> {
  const versions: IncomingVersion[] = [];
  const { keep, skipped } = versionsToPack(parsed);
  for (const [i, version] of parsed.versions.entries()) {
    if (!keep.has(i)) continue;
    const where =
      parsed.versionPlaces[i] ?? `version ${String(version.n)} of ${version.articleUrl}`;
    const packed = await packVersion(version.content);
    if (packed.hash !== version.hash) {
      skipped.push({
        where,
        reason: 'its text does not match its hash (the file was changed after it was exported)',
      });
      continue;
    }
    const record: VersionRecord = {
      articleUrl: version.articleUrl,
      n: version.n,
      hash: packed.hash,
      // Unchecked (the body it hashes is not in the file): it only tells a changed page from an
      // edited story, for the "changed since" marks.
      ...(version.story !== undefined ? { story: version.story } : {}),
      seenAt: version.seenAt,
      modified: version.content.modified,
      chars: packed.chars,
      bytes: packed.data.byteLength,
      data: packed.data,
    };
    versions.push({ record, where });
  }
  return { parsed: { ...parsed, skipped: [...parsed.skipped, ...skipped] }, versions };
}
