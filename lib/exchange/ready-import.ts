import type { VersionRecord } from '../model/version';
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

/**
 * Packs the file's versions (gzip, as recordVersion stores them) and checks each against its
 * hash: a text changed after export no longer matches the positions notes have in it, so that
 * version is skipped with the reason. Runs outside any transaction (compression is not IndexedDB
 * work, and a transaction that waits on it closes).
 */
export async function readyImport(parsed: ParsedImport): Promise<ReadyImport> {
  const versions: IncomingVersion[] = [];
  const skipped: SkippedItem[] = [];
  for (const [i, version] of parsed.versions.entries()) {
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
