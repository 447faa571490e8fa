import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { VersionContent } from '@/lib/model/version';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import {
  VERSIONS_PER_ARTICLE,
  listVersions,
  readVersion,
  recordVersion,
} from '@/lib/storage/versions';
import { hashText, packVersion, unpackVersion } from '@/lib/versions/codec';
import { loadDiff } from '@/lib/storage/load-diff';
import { createAnnotation } from '@/lib/storage/annotations';
import { readCatalog, readNewestCatalog } from '@/lib/storage/catalog';
import { decodeDiffAddress, encodeDiffAddress } from '@/lib/versions/diff-address';
import { versionsOverCap } from '@/lib/versions/cap';

const URL_A = 'https://news.example.com/a';
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function fresh(): ClaimmarkDatabase {
  const name = `versions-${crypto.randomUUID()}`;
  names.push(name);
  return new ClaimmarkDatabase(name);
}

const content = (text: string): VersionContent => ({
  text,
  headline: 'Trump, Putin to meet in Budapest',
  byline: 'Jane Roe',
  published: '2025-10-16',
  modified: null,
});

describe('a version’s content', () => {
  it('packs with the browser’s gzip and unpacks to the same content, non-Latin text included', async () => {
    const story = content('Орбан сказал: «встреча в Будапеште». 習近平 '.repeat(500));
    const packed = await packVersion(story);
    expect(packed.chars).toBe(story.text.length);
    expect(packed.hash).toBe(await hashText(story.text));
    expect(packed.hash).toMatch(/^[0-9a-f]{64}$/);
    // Repetitive text compresses well; a real story about 3 to 1.
    expect(packed.data.byteLength).toBeLessThan(story.text.length / 4);
    expect(await unpackVersion(packed.data)).toEqual(story);
  });

  it('says plainly when stored bytes are not a version', async () => {
    await expect(unpackVersion(new Uint8Array([1, 2, 3]))).rejects.toThrow(/damaged/);
    const notAVersion = await packVersion(content('x'));
    const tampered = notAVersion.data.slice();
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0xff;
    await expect(unpackVersion(tampered)).rejects.toThrow(/damaged/);
  });
});

describe('versions of an article', () => {
  it('stores a new version only when the text differs from the newest one', async () => {
    const db = fresh();
    const first = await recordVersion(
      db,
      URL_A,
      content('The bridge opens in spring.'),
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(first).toMatchObject({ outcome: 'added', version: { n: 1, chars: 27 } });
    const same = await recordVersion(
      db,
      URL_A,
      content('The bridge opens in spring.'),
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(same).toMatchObject({
      outcome: 'same',
      version: { n: 1, seenAt: '2026-01-01T00:00:00.000Z' },
    });
    const edited = { ...content('The bridge opens in summer.'), modified: '2026-01-03' };
    const second = await recordVersion(db, URL_A, edited, new Date('2026-01-03T00:00:00Z'));
    expect(second).toMatchObject({ outcome: 'added', version: { n: 2, modified: '2026-01-03' } });
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2]);
    expect(await readVersion(db, URL_A, 1)).toEqual(content('The bridge opens in spring.'));
    expect(await readVersion(db, URL_A, 3)).toBeNull();
    expect(await listVersions(db, 'https://news.example.com/other')).toEqual([]);
  });

  it('keeps the first version and the newest, at most the cap per article', async () => {
    const db = fresh();
    for (let i = 0; i < VERSIONS_PER_ARTICLE + 5; i++) {
      await recordVersion(
        db,
        URL_A,
        content(`Edit number ${String(i)}.`),
        new Date(Date.UTC(2026, 0, 1 + i)),
      );
    }
    const kept = (await listVersions(db, URL_A)).map((v) => v.n);
    expect(kept).toHaveLength(VERSIONS_PER_ARTICLE);
    expect(kept[0]).toBe(1);
    expect(kept.at(-1)).toBe(VERSIONS_PER_ARTICLE + 5);
    expect(await readVersion(db, URL_A, 1)).toEqual(content('Edit number 0.'));
  });
});

describe('the diff page’s data', () => {
  it('says plainly when a story has no stored version, and reads one that has', async () => {
    const db = fresh();
    await expect(loadDiff(db, { articleUrl: URL_A, from: null, to: null })).rejects.toThrow(
      /no stored version/,
    );
    await recordVersion(
      db,
      URL_A,
      content('The bridge opens in spring. Costs doubled.'),
      new Date(0),
    );
    await recordVersion(
      db,
      URL_A,
      content('The bridge opens in summer. Costs doubled.'),
      new Date(1),
    );
    const loaded = await loadDiff(db, { articleUrl: URL_A, from: null, to: null });
    expect([loaded.from.n, loaded.to.n]).toEqual([1, 2]);
    expect(loaded.model.removed).toBeGreaterThan(0);
    // A version number that is not stored falls back to the first and the newest.
    const again = await loadDiff(db, { articleUrl: URL_A, from: 7, to: 9 });
    expect([again.from.n, again.to.n]).toEqual([1, 2]);
  });

  it('reads and writes its own address', () => {
    const address = { articleUrl: 'https://news.example.com/a?id=1&x=2', from: 1, to: 3 };
    expect(decodeDiffAddress(encodeDiffAddress(address))).toEqual(address);
    expect(decodeDiffAddress('?article=x&from=-1&to=zz')).toEqual({
      articleUrl: 'x',
      from: null,
      to: null,
    });
    expect(decodeDiffAddress('?from=1')).toBeNull();
  });
});

describe('the library’s view of changed stories', () => {
  it('marks the notes made on a version older than the story’s newest', async () => {
    const db = fresh();
    const report = { url: URL_A, title: 'A', canonicalUrl: null, article: null };
    const draft = {
      kind: 'highlight' as const,
      quote: 'spring',
      selectors: {
        quote: { type: 'TextQuoteSelector' as const, exact: 'spring', prefix: '', suffix: '' },
      },
    };
    const fields = {
      kind: 'highlight' as const,
      note: '',
      status: null,
      evidence: [],
      tags: [],
      color: 'yellow' as const,
    };
    const input = { key: URL_A, report, seenAt: URL_A };
    await recordVersion(db, URL_A, content('The bridge opens in spring.'), new Date(0));
    const old = await createAnnotation(db, input, draft, fields, new Date(0), 1);
    const versionless = await createAnnotation(db, input, draft, fields, new Date(0));
    expect((await readCatalog(db))[0]?.items.some((i) => i.outdated)).toBe(false);
    await recordVersion(db, URL_A, content('The bridge opens in summer.'), new Date(1));
    const items = (await readCatalog(db))[0]?.items ?? [];
    expect(items.find((i) => i.id === old.id)?.outdated).toBe(true);
    expect(items.find((i) => i.id === versionless.id)?.outdated).toBeUndefined();
    expect((await readNewestCatalog(db, 5))[0]?.items.find((i) => i.id === old.id)?.outdated).toBe(
      true,
    );
  });
});

describe('the cap on versions', () => {
  it('keeps the versions notes were made on, dropping the oldest unused ones first', async () => {
    const db = fresh();
    const inUse = new Set([3]);
    for (let i = 0; i < VERSIONS_PER_ARTICLE + 3; i++) {
      await recordVersion(
        db,
        URL_A,
        content(`Edit ${String(i)}.`),
        new Date(Date.UTC(2026, 0, 1 + i)),
        inUse,
      );
    }
    const kept = (await listVersions(db, URL_A)).map((v) => v.n);
    expect(kept).toHaveLength(VERSIONS_PER_ARTICLE);
    expect(kept).toContain(3);
    expect(kept[0]).toBe(1);
    expect(kept).not.toContain(2);
    expect(kept.at(-1)).toBe(VERSIONS_PER_ARTICLE + 3);
  });

  it('drops first the versions whose story the next one tells again', () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    // 12 versions: 2–7 tell story a again and again (a feed changed around it); 8–12 story b.
    const rows = Array.from({ length: VERSIONS_PER_ARTICLE + 2 }, (_, i) => ({
      n: i + 1,
      story: i < 7 ? a : b,
    }));
    const gone = versionsOverCap(rows, new Set([2])).map((r) => r.n);
    // Version 7 is the last telling of story a before b: kept; 2 holds a note: kept.
    expect(gone).toEqual([3, 4]);
    // Without stories, the oldest go first, as before.
    expect(
      versionsOverCap(
        rows.map(({ n }) => ({ n })),
        new Set([2]),
      ).map((r) => r.n),
    ).toEqual([3, 4]);
    const unknown = rows.map(({ n }) => ({ n }));
    expect(versionsOverCap(unknown, new Set()).map((r) => r.n)).toEqual([2, 3]);
    const retoldLate = rows.map((r) => ({
      n: r.n,
      story: r.n >= 9 ? a : String(r.n).padStart(64, 'c'),
    }));
    expect(versionsOverCap(retoldLate, new Set()).map((r) => r.n)).toEqual([9, 10]);
  });

  it('replaces a newest version of the same story only when no stored note stands on it', async () => {
    const db = fresh();
    const story = 's'.repeat(64);
    const record = (text: string, day: number) =>
      recordVersion(db, URL_A, content(text), new Date(Date.UTC(2026, 0, day)), new Set(), () =>
        Promise.resolve(story),
      );
    expect((await record('Story. Feed 1.', 1)).outcome).toBe('added');
    expect((await record('Story. Feed 2.', 2)).outcome).toBe('added');
    expect((await record('Story. Feed 3.', 3)).outcome).toBe('replaced');
    expect((await readVersion(db, URL_A, 2))?.text).toBe('Story. Feed 3.');
    // A note stored on version 2 (read inside the write): the next text joins, it does not replace.
    await createAnnotation(
      db,
      {
        key: URL_A,
        report: { url: URL_A, title: 'A', canonicalUrl: null, article: null },
        seenAt: URL_A,
      },
      {
        kind: 'highlight',
        quote: 'Story',
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'Story', prefix: '', suffix: '' } },
      },
      { kind: 'highlight', note: '', status: null, evidence: [], tags: [], color: 'yellow' },
      new Date(0),
      2,
    );
    expect((await record('Story. Feed 4.', 4)).outcome).toBe('added');
    expect((await readVersion(db, URL_A, 2))?.text).toBe('Story. Feed 3.');
    expect((await listVersions(db, URL_A)).map((v) => v.n)).toEqual([1, 2, 3]);
  });
});
