import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS, FULL_ARTICLE, closeDatabases, freshDb, seed } from './exchange-fixtures';
import { findNote } from './stored-notes';
import { parseImportFile } from '@/lib/exchange/parse-import';
import type { ParsedImport } from '@/lib/exchange/parsed';
import { readyImport } from '@/lib/exchange/ready-import';
import { ClaimmarkExportSchema } from '@/lib/exchange/schema';
import type { AnnotationRecord } from '@/lib/model';
import { VERSIONS_PER_ARTICLE, type VersionContent } from '@/lib/model/version';
import { readCatalog } from '@/lib/storage/catalog';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { buildExportFile } from '@/lib/storage/export-file';
import { applyImport, previewImport } from '@/lib/storage/import';
import { listVersions, readVersion, recordVersion } from '@/lib/storage/versions';
import { hashText, packVersion } from '@/lib/versions/codec';

const NOW = new Date('2026-11-26T10:00:00Z');
const URL = FULL_ARTICLE.url;
afterEach(closeDatabases);

const [claim, plain] = ANNOTATIONS as [AnnotationRecord, AnnotationRecord];
const LOCAL_ID = '9f1e2d3c-4b5a-4c6d-8e7f-a0b1c2d3e4f5';

const V1 = 'U.S. President Trump will meet Putin in Budapest within two weeks.';
const V2 = 'U.S. President Trump will meet Putin in Budapest, within two weeks, he said.';
const V3 = 'The meeting in Budapest was called off.';

const [STORY_1, STORY_2] = ['1'.repeat(64), '2'.repeat(64)];

const content = (text: string): VersionContent => ({
  text,
  headline: 'Trump and Putin to meet in Budapest',
  byline: 'Anna Kovács, Jürgen Müller',
  published: '2025-10-16T10:00:00+02:00',
  modified: null,
});

function parsed(text: string): ParsedImport {
  const result = parseImportFile(text, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Library A: the summit story in two versions, the claim made on the first, the highlight on the second. */
async function libraryA(): Promise<ClaimmarkDatabase> {
  const db = freshDb();
  await seed(
    db,
    [FULL_ARTICLE],
    [
      { ...claim, version: 1 },
      { ...plain, version: 2 },
    ],
  );
  await recordVersion(db, URL, content(V1), new Date('2025-10-16T08:04:00Z'), new Set(), () =>
    Promise.resolve(STORY_1),
  );
  await recordVersion(db, URL, content(V2), new Date('2025-10-16T08:05:30Z'), new Set(), () =>
    Promise.resolve(STORY_2),
  );
  return db;
}

/**
 * Library B: it read the first text earlier than A, and a third, later text since; its own
 * note is on that third text (its version 2).
 */
async function libraryB(): Promise<{ db: ClaimmarkDatabase; local: AnnotationRecord }> {
  const db = freshDb();
  const local: AnnotationRecord = { ...plain, id: LOCAL_ID, version: 2 };
  await seed(db, [FULL_ARTICLE], [local]);
  await recordVersion(db, URL, content(V1), new Date('2025-10-16T08:00:00Z'));
  await recordVersion(db, URL, content(V3), new Date('2025-10-18T00:00:00Z'));
  return { db, local };
}

async function exportText(db: ClaimmarkDatabase, versions: boolean): Promise<string> {
  const file = await buildExportFile(db, { kind: 'all' }, { kind: 'all' }, 'claimmark', NOW, {
    versions,
  });
  return file.parts.join('');
}

const numbers = async (db: ClaimmarkDatabase) =>
  (await listVersions(db, URL)).map((m) => [m.n, m.hash]);

describe('exporting versions', () => {
  it('carries the stories’ versions only when asked, as text any tool can read', async () => {
    const db = await libraryA();
    const without = JSON.parse(await exportText(db, false)) as Record<string, unknown>;
    expect(without).not.toHaveProperty('versions');
    const file = await buildExportFile(db, { kind: 'all' }, { kind: 'all' }, 'claimmark', NOW, {
      versions: true,
    });
    expect(file).toMatchObject({ versions: 2, damagedVersions: 0, annotations: 2 });
    const doc: unknown = JSON.parse(file.parts.join(''));
    expect(v.safeParse(ClaimmarkExportSchema, doc).success).toBe(true);
    expect(doc).toMatchObject({
      versions: [
        {
          articleUrl: URL,
          n: 1,
          hash: await hashText(V1),
          story: STORY_1,
          seenAt: '2025-10-16T08:04:00.000Z',
          content: content(V1),
        },
        { articleUrl: URL, n: 2, hash: await hashText(V2), content: content(V2) },
      ],
    });
    // Other formats never carry them.
    const w3c = await buildExportFile(db, { kind: 'all' }, { kind: 'all' }, 'w3c', NOW, {
      versions: true,
    });
    expect(w3c.versions).toBe(0);
  });

  it('exports one article’s versions with it, and leaves out a damaged one, saying so', async () => {
    const db = await libraryA();
    await db.versions.put({
      articleUrl: 'https://elsewhere.example.com/x',
      n: 1,
      hash: 'a'.repeat(64),
      seenAt: NOW.toISOString(),
      modified: null,
      chars: 3,
      bytes: 3,
      data: new Uint8Array([1, 2, 3]),
    });
    const one = await buildExportFile(
      db,
      { kind: 'article', url: URL },
      { kind: 'article', url: URL },
      'claimmark',
      NOW,
      { versions: true },
    );
    expect(one).toMatchObject({ versions: 2, damagedVersions: 0 });
    const all = await buildExportFile(db, { kind: 'all' }, { kind: 'all' }, 'claimmark', NOW, {
      versions: true,
    });
    expect(all).toMatchObject({ versions: 2, damagedVersions: 1 });
  });
});

describe('importing versions', () => {
  it('restores the versions and the numbers the notes were made on', async () => {
    const text = await exportText(await libraryA(), true);
    const db = freshDb();
    const result = await applyImport(db, parsed(text));
    expect(result).toMatchObject({ added: 2, versionsAdded: 2, skipped: [] });
    expect(await numbers(db)).toEqual([
      [1, await hashText(V1)],
      [2, await hashText(V2)],
    ]);
    expect(await readVersion(db, URL, 1)).toEqual(content(V1));
    expect((await listVersions(db, URL)).map((m) => m.story)).toEqual([STORY_1, STORY_2]);
    expect((await findNote(db, claim.id))?.version).toBe(1);
    expect((await findNote(db, plain.id))?.version).toBe(2);
    // The claim was made on the older text: the library marks its story as changed since.
    const items = (await readCatalog(db))[0]?.items ?? [];
    expect(items.find((i) => i.id === claim.id)?.outdated).toBe(true);
    expect(items.find((i) => i.id === plain.id)?.outdated).toBeUndefined();
    // Importing the same file again brings nothing.
    const again = await applyImport(db, parsed(text));
    expect(again).toMatchObject({ added: 0, versionsAdded: 0 });
    expect(await numbers(db)).toHaveLength(2);
  });

  it('imports a version-less export as before, without version numbers that name no text here', async () => {
    const text = await exportText(await libraryA(), false);
    const db = freshDb();
    expect(await applyImport(db, parsed(text))).toMatchObject({ added: 2, versionsAdded: 0 });
    expect(await numbers(db)).toEqual([]);
    const note = await findNote(db, claim.id);
    expect(note).toBeDefined();
    expect(note).not.toHaveProperty('version');
  });

  it('merges another library’s versions by their text and renumbers both sides’ notes', async () => {
    const text = await exportText(await libraryA(), true);
    const { db } = await libraryB();
    const ready = await readyImport(parsed(text));
    const preview = await previewImport(db, ready);
    expect(preview.summary).toMatchObject({ added: 2, versionsAdded: 1 });
    expect(await numbers(db)).toHaveLength(2);
    await applyImport(db, ready);
    expect(await numbers(db)).toEqual([
      [1, await hashText(V1)],
      [2, await hashText(V2)],
      [3, await hashText(V3)],
    ]);
    expect((await readVersion(db, URL, 1))?.text).toBe(V1);
    expect((await readVersion(db, URL, 3))?.text).toBe(V3);
    // Each note still names the text it was made on.
    expect((await findNote(db, LOCAL_ID))?.version).toBe(3);
    expect((await findNote(db, claim.id))?.version).toBe(1);
    expect((await findNote(db, plain.id))?.version).toBe(2);
    const items = (await readCatalog(db))[0]?.items ?? [];
    expect(items.find((i) => i.id === LOCAL_ID)?.outdated).toBeUndefined();
    expect(items.find((i) => i.id === plain.id)?.outdated).toBe(true);
  });

  it('keeps the library’s version for an updated note on the same passage, and only then', async () => {
    const db = freshDb();
    await seed(db, [FULL_ARTICLE], [{ ...claim, version: 1 }]);
    await recordVersion(db, URL, content(V1), new Date('2025-10-16T08:04:00Z'));
    const later = '2025-10-20T00:00:00.000Z';
    const file = (note: AnnotationRecord) =>
      JSON.stringify({
        format: 'claimmark',
        version: 1,
        exportedAt: NOW.toISOString(),
        scope: { kind: 'all' },
        articles: [],
        annotations: [note],
      });
    await applyImport(
      db,
      parsed(file({ ...claim, note: 'edited elsewhere', modifiedAt: later, version: 7 })),
    );
    expect(await findNote(db, claim.id)).toMatchObject({ note: 'edited elsewhere', version: 1 });
    const moved = {
      ...claim,
      modifiedAt: '2025-10-21T00:00:00.000Z',
      selectors: {
        ...claim.selectors,
        position: { type: 'TextPositionSelector' as const, start: 0, end: 21 },
      },
      version: 1,
    };
    await applyImport(db, parsed(file(moved)));
    expect(await findNote(db, claim.id)).not.toHaveProperty('version');
  });

  it('skips a version changed after export, one of an article nobody has, and duplicates', async () => {
    const doc = JSON.parse(await exportText(await libraryA(), true)) as {
      versions: { articleUrl: string; n: number; content: { text: string } }[];
    };
    const [first, second] = doc.versions as [(typeof doc.versions)[0], (typeof doc.versions)[0]];
    first.content.text += ' (edited)';
    doc.versions.push({ ...second, articleUrl: 'https://other.example.com/story' });
    doc.versions.push({ ...second, content: { ...second.content, text: V3 } });
    const db = freshDb();
    const result = await applyImport(db, parsed(JSON.stringify(doc)));
    expect(result.skipped).toEqual([
      { where: 'versions[3]', reason: expect.stringMatching(/^duplicate version 2 of /) as string },
      { where: 'versions[0]', reason: expect.stringMatching(/does not match its hash/) as string },
      {
        where: 'versions[2]',
        reason: 'a version of an article that is neither in the file nor in the library',
      },
    ]);
    expect(result).toMatchObject({ added: 2, versionsAdded: 1 });
    expect(await numbers(db)).toEqual([[1, await hashText(V2)]]);
    // The claim's version was the one refused: it is dropped, not pointed at another text.
    expect(await findNote(db, claim.id)).not.toHaveProperty('version');
    expect((await findNote(db, plain.id))?.version).toBe(1);
  });

  it('imports the notes of a file whose versions are not a list, saying why none came', async () => {
    const doc = JSON.parse(await exportText(await libraryA(), false)) as Record<string, unknown>;
    doc.versions = 'many';
    const db = freshDb();
    const result = await applyImport(db, parsed(JSON.stringify(doc)));
    expect(result).toMatchObject({ added: 2, versionsAdded: 0 });
    expect(result.skipped).toEqual([
      { where: 'versions', reason: 'not a list, so no version was imported' },
    ]);
  });

  it('keeps the first, the newest and the versions notes stand on under the cap', async () => {
    /** Stores versions as another build might have (over the cap), one a day from `day`. */
    const putVersions = async (
      db: ClaimmarkDatabase,
      label: string,
      count: number,
      day: number,
    ) => {
      for (let n = 1; n <= count; n++) {
        const packed = await packVersion(content(`${label} ${String(n)}.`));
        await db.versions.put({
          articleUrl: URL,
          n,
          hash: packed.hash,
          seenAt: new Date(Date.UTC(2025, 8, day + n)).toISOString(),
          modified: null,
          chars: packed.chars,
          bytes: packed.data.byteLength,
          data: packed.data,
        });
      }
    };
    const source = freshDb();
    await seed(source, [FULL_ARTICLE], [{ ...claim, version: 5 }]);
    const count = VERSIONS_PER_ARTICLE + 4;
    await putVersions(source, 'Edit', count, 10);
    // The library read four texts of the story before any of the file's, its note on the second.
    const db = freshDb();
    const local: AnnotationRecord = { ...plain, id: LOCAL_ID, version: 2 };
    await seed(db, [FULL_ARTICLE], [local]);
    await putVersions(db, 'Local', 4, 0);
    const result = await applyImport(db, parsed(await exportText(source, true)));
    // The file's oldest unused ones are left out before anything is packed…
    const early = result.skipped.filter((s) => /than Claimmark keeps \(10\)/.test(s.reason));
    expect(early.map((s) => s.where)).toEqual([
      'versions[1]',
      'versions[2]',
      'versions[3]',
      'versions[5]',
    ]);
    // …and the merged 14 are brought under the cap like the library's own.
    const texts = await Promise.all(
      (await listVersions(db, URL)).map(async (m) => (await readVersion(db, URL, m.n))?.text),
    );
    expect(texts).toHaveLength(VERSIONS_PER_ARTICLE);
    expect(texts[0]).toBe('Local 1.');
    expect(texts.at(-1)).toBe(`Edit ${String(count)}.`);
    const textOf = async (id: string) => {
      const n = (await findNote(db, id))?.version;
      return n === undefined ? undefined : (await readVersion(db, URL, n))?.text;
    };
    expect(await textOf(LOCAL_ID)).toBe('Local 2.');
    expect(await textOf(claim.id)).toBe('Edit 5.');
    expect(result.versionsAdded).toBe(texts.filter((t) => t?.startsWith('Edit')).length);
  });

  it('drops a library note’s number that names no stored version when versions are renumbered', async () => {
    const text = await exportText(await libraryA(), true);
    const db = freshDb();
    // Version 2 is not stored (an older import kept another library's number): once the file's
    // versions come in, "2" would name one of them.
    const stray: AnnotationRecord = { ...plain, id: LOCAL_ID, version: 2 };
    await seed(db, [FULL_ARTICLE], [stray]);
    await recordVersion(db, URL, content(V3), new Date('2025-10-18T00:00:00Z'));
    await applyImport(db, parsed(text));
    expect(await numbers(db)).toHaveLength(3);
    expect(await findNote(db, LOCAL_ID)).not.toHaveProperty('version');
  });

  it('renumbers the library’s notes for a file that brings versions alone', async () => {
    const doc = JSON.parse(await exportText(await libraryA(), true)) as Record<string, unknown>;
    doc.annotations = [];
    const { db } = await libraryB();
    const result = await applyImport(db, parsed(JSON.stringify(doc)));
    expect(result).toMatchObject({ added: 0, versionsAdded: 1 });
    expect((await findNote(db, LOCAL_ID))?.version).toBe(3);
    expect((await readVersion(db, URL, 3))?.text).toBe(V3);
  });

  it('changes nothing, notes’ numbers included, when the disk fills as versions are written', async () => {
    const text = await exportText(await libraryA(), true);
    const { db, local } = await libraryB();
    const before = await numbers(db);
    let writes = 0;
    const full = () => {
      // The third version row written: the notes and two versions are already in.
      if (++writes === 3) throw new DOMException('quota', 'QuotaExceededError');
    };
    db.versions.hook('creating').subscribe(full);
    await expect(applyImport(db, parsed(text))).rejects.toThrow(/disk is full/);
    db.versions.hook('creating').unsubscribe(full);
    expect(await numbers(db)).toEqual(before);
    expect(await findNote(db, LOCAL_ID)).toEqual(local);
    expect(await findNote(db, claim.id)).toBeUndefined();
  });

  it('packs no more than the cap of one article’s versions from a file that brings 20,000', async () => {
    const doc = JSON.parse(await exportText(await libraryA(), false)) as Record<string, unknown>;
    doc.versions = Array.from({ length: 20_000 }, (_, i) => ({
      articleUrl: URL,
      n: i + 1,
      hash: 'f'.repeat(64),
      seenAt: '2025-10-16T08:00:00.000Z',
      content: content(`Text ${String(i)}.`),
    }));
    const ready = await readyImport(parsed(JSON.stringify(doc)));
    const reasons = ready.parsed.skipped.map((s) => s.reason);
    // Only the cap's worth were packed (and found not to match their hash): the rest never were.
    expect(reasons.filter((r) => /than Claimmark keeps/.test(r))).toHaveLength(20_000 - 10);
    expect(reasons.filter((r) => /does not match its hash/.test(r))).toHaveLength(10);
    expect(ready.versions).toEqual([]);
  });
});
