import {
  VERSION_TEXT_LIMIT,
  VERSIONS_PER_ARTICLE,
  type VersionContent,
  type VersionRecord,
} from '../model/version';
import { hashText, packVersion, unpackVersion } from '../versions/codec';
import type { ClaimmarkDatabase } from './database';

/** A version without its content: what lists and marks need. */
export type VersionMeta = Omit<VersionRecord, 'data'>;

export { VERSIONS_PER_ARTICLE };

const meta = ({ data: _data, ...rest }: VersionRecord): VersionMeta => rest;

/** Every stored version of an article, oldest first, without their content. */
export async function listVersions(
  db: ClaimmarkDatabase,
  articleUrl: string,
): Promise<VersionMeta[]> {
  const rows = await db.versions.where('articleUrl').equals(articleUrl).sortBy('n');
  return rows.map(meta);
}

/** One version's content, or null when it is not stored. */
export async function readVersion(
  db: ClaimmarkDatabase,
  articleUrl: string,
  n: number,
): Promise<VersionContent | null> {
  const row = await db.versions.get([articleUrl, n]);
  return row ? unpackVersion(row.data) : null;
}

/**
 * Stores the article's text as a new version when it differs from the newest one stored, and
 * returns the version the text now is (`added` when it is new). Compression runs before the
 * transaction: IndexedDB closes a transaction that waits on anything else.
 */
export async function recordVersion(
  db: ClaimmarkDatabase,
  articleUrl: string,
  content: VersionContent,
  now: Date,
  /** Versions notes were made on: kept over the cap, so those notes can still follow the diff. */
  inUse: ReadonlySet<number> = new Set(),
): Promise<{ version: VersionMeta; added: boolean }> {
  const newestOf = async () =>
    (await db.versions.where('articleUrl').equals(articleUrl).sortBy('n')).at(-1);
  // Most visits find the text unchanged: a hash, and nothing compressed or written.
  const hash = await hashText(content.text.slice(0, VERSION_TEXT_LIMIT));
  const known = await newestOf();
  if (known?.hash === hash) return { version: meta(known), added: false };
  const packed = await packVersion(content);
  return db.transaction('rw', db.versions, async () => {
    const rows = await db.versions.where('articleUrl').equals(articleUrl).sortBy('n');
    const newest = rows.at(-1);
    if (newest?.hash === packed.hash) return { version: meta(newest), added: false };
    const record: VersionRecord = {
      articleUrl,
      n: (newest?.n ?? 0) + 1,
      hash: packed.hash,
      seenAt: now.toISOString(),
      modified: content.modified,
      chars: packed.chars,
      bytes: packed.data.byteLength,
      data: packed.data,
    };
    await db.versions.put(record);
    // Over the cap, the oldest no note was made on go first; the first and the newest stay.
    const kept = [...rows, record];
    const extra = kept.length - VERSIONS_PER_ARTICLE;
    if (extra > 0) {
      const gone = kept
        .slice(1, -1)
        .filter((r) => !inUse.has(r.n))
        .slice(0, extra)
        .map((r): [string, number] => [r.articleUrl, r.n]);
      await db.versions.bulkDelete(gone);
    }
    return { version: meta(record), added: true };
  });
}
