import {
  VERSION_TEXT_LIMIT,
  VERSIONS_PER_ARTICLE,
  type VersionContent,
  type VersionRecord,
} from '../model/version';
import { versionsOverCap } from '../versions/cap';
import { hashText, packVersion, unpackVersion } from '../versions/codec';
import type { ClaimmarkDatabase } from './database';
import { readNotes } from './notes';

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

/** What recording a text did: nothing (the newest version is that text), added or replaced one. */
export type RecordOutcome = 'same' | 'added' | 'replaced';

/**
 * Stores the article's text as a version when it differs from the newest one stored, and
 * returns the version the text now is. When the story is the same (`storyOf`: its hash, see
 * lib/versions/story.ts) and only the page around it changed, a newest version no note was
 * made on is replaced rather than joined by another, so a page with a live feed keeps one
 * version for its unchanged story; the first version stays as the reader first read it.
 * Compression runs before the transaction: IndexedDB closes a transaction that waits on
 * anything else.
 */
export async function recordVersion(
  db: ClaimmarkDatabase,
  articleUrl: string,
  content: VersionContent,
  now: Date,
  /**
   * Versions in use besides those the stored notes were made on (read here, in the write's
   * transaction): one just handed to a note not yet written. Neither is replaced nor dropped.
   */
  held: ReadonlySet<number> = new Set(),
  /**
   * The story's hash, asked for only when the text differs (it costs the page a body
   * extraction); undefined when the page has no body to read.
   */
  storyOf: () => Promise<string | undefined> = () => Promise.resolve(undefined),
): Promise<{ version: VersionMeta; outcome: RecordOutcome }> {
  const newestOf = async () =>
    (await db.versions.where('articleUrl').equals(articleUrl).sortBy('n')).at(-1);
  const same = (row: VersionRecord) => ({ version: meta(row), outcome: 'same' as const });
  // Most visits find the text unchanged: a hash, and nothing compressed or written.
  const hash = await hashText(content.text.slice(0, VERSION_TEXT_LIMIT));
  const known = await newestOf();
  if (known?.hash === hash) return same(known);
  const [packed, story] = await Promise.all([packVersion(content), storyOf()]);
  return db.transaction('rw', db.versions, db.notes, async () => {
    const rows = await db.versions.where('articleUrl').equals(articleUrl).sortBy('n');
    const inUse = new Set(held);
    for (const note of await readNotes(db, articleUrl)) {
      if (note.version !== undefined) inUse.add(note.version);
    }
    const newest = rows.at(-1);
    if (newest?.hash === packed.hash) return same(newest);
    const replace =
      newest !== undefined &&
      story !== undefined &&
      newest.story === story &&
      newest.n > 1 &&
      !inUse.has(newest.n);
    const record: VersionRecord = {
      articleUrl,
      n: replace ? newest.n : (newest?.n ?? 0) + 1,
      hash: packed.hash,
      ...(story !== undefined ? { story } : {}),
      seenAt: now.toISOString(),
      modified: content.modified,
      chars: packed.chars,
      bytes: packed.data.byteLength,
      data: packed.data,
    };
    await db.versions.put(record);
    if (replace) return { version: meta(record), outcome: 'replaced' as const };
    const gone = versionsOverCap([...rows, record], inUse);
    if (gone.length > 0) {
      await db.versions.bulkDelete(gone.map((r): [string, number] => [r.articleUrl, r.n]));
    }
    return { version: meta(record), outcome: 'added' as const };
  });
}
