import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../support/random';
import {
  ANNOTATIONS,
  ARTICLES,
  HOSTILE,
  closeDatabases,
  dump,
  freshDb,
  seed,
} from './exchange-fixtures';
import { packRow } from '@/lib/storage/notes';
import { timeOf } from '@/lib/exchange/dedupe';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { planImport } from '@/lib/exchange/plan';
import { exportW3cJsonLd } from '@/lib/exchange/w3c-export';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { applyImport } from '@/lib/storage/import';

afterAll(closeDatabases);

/** mulberry32 (the NER trainer's too): seeded, so a failing case can be replayed from its number. */
const prng = mulberry32;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

const later = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** A file that meets the library: newer and older copies, new notes, new and newer articles. */
function baseFile(): { [key: string]: Json } {
  const [claim, plain, hostile, unicode] = ANNOTATIONS as [
    AnnotationRecord,
    AnnotationRecord,
    AnnotationRecord,
    AnnotationRecord,
  ];
  const [full] = ARTICLES as [ArticleRecord];
  const newUrl = 'https://fresh.example.com/new-story';
  const annotations: AnnotationRecord[] = [
    { ...claim, note: 'newer note', modifiedAt: later(claim.modifiedAt, 10) },
    { ...plain, note: 'older copy', modifiedAt: later(plain.modifiedAt, -10) },
    hostile,
    { ...unicode, status: 'false', modifiedAt: later(unicode.modifiedAt, 1) },
    { ...claim, id: '4f9d7a5c-ce81-4a5f-b1b2-5e6f708192a3', articleUrl: newUrl },
    {
      ...plain,
      id: '5a0e8b6d-df92-4b60-82c3-6f708192a3b4',
      articleUrl: 'https://nowhere.example/x',
    },
    { ...hostile, id: '6b1f9c7e-e0a3-4c71-93d4-708192a3b4c5', note: HOSTILE.repeat(3) },
  ];
  const articles: ArticleRecord[] = [
    { ...full, title: 'Newer title', updatedAt: later(full.updatedAt, 5) },
    { ...full, url: newUrl, canonicalUrl: newUrl, seenAt: [newUrl] },
  ];
  return JSON.parse(
    JSON.stringify({
      format: 'claimmark',
      version: 1,
      exportedAt: '2026-11-26T10:00:00.000Z',
      scope: { kind: 'all' },
      articles,
      annotations,
    }),
  ) as { [key: string]: Json };
}

/** Every container in a JSON value with the keys it holds, for picking a place to mutate. */
function places(
  value: Json,
  out: [Container, string | number][] = [],
): [Container, string | number][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      places(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      places(value[key] ?? null, out);
    }
  }
  return out;
}

const REPLACEMENTS: Json[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  '',
  'x',
  HOSTILE,
  'javascript:alert(1)',
  '2026-13-45T99:99:99Z',
  'not-a-uuid',
  'claim',
  'false',
  'x'.repeat(60_000),
  [],
  [1, 2],
  {},
  { type: 'TextPositionSelector', start: 5, end: 2 },
  // The hostile cases of issue 13: spellings of an id, days that do not exist, far futures,
  // tracked and credentialled addresses, broken positions, deep nesting, huge names.
  (ANNOTATIONS[0] as AnnotationRecord).id.toUpperCase(),
  '2026-02-31T00:00:00.000Z',
  '9999-12-31T23:59:59.000Z',
  'https://user:secret@news.example.com/story?utm_source=x&fbclid=y#top',
  { type: 'TextPositionSelector', start: -3, end: 1e308 },
  { type: 'TextPositionSelector', start: 2.5, end: 'x' },
  nested(1_000),
  'y'.repeat(5_000),
];

/** An array nested `depth` deep: a stack-overflow bait for recursive readers. */
function nested(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function mutate(doc: { [key: string]: Json }, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const steps = 1 + Math.floor(random() * 3);
  for (let s = 0; s < steps; s++) {
    const all = places(doc);
    const [container, key] = pick(all);
    const op = random();
    if (op < 0.3) {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else Reflect.deleteProperty(container, key);
    } else if (op < 0.75) {
      (container as Record<string | number, Json>)[key] = structuredClone(pick(REPLACEMENTS));
    } else if (op < 0.9) {
      // Duplicate a record, sometimes with a changed time so either copy may win.
      const list = pick([doc.annotations, doc.articles]);
      if (Array.isArray(list) && list.length > 0) {
        const copy = JSON.parse(JSON.stringify(pick(list))) as Json;
        if (copy && typeof copy === 'object' && !Array.isArray(copy) && random() < 0.5) {
          copy.modifiedAt = later('2026-01-01T00:00:00.000Z', Math.floor(random() * 10) - 5);
        }
        list.splice(Math.floor(random() * (list.length + 1)), 0, copy);
      }
    } else {
      // Another type at a record's place, or a record moved to another article.
      const list = doc.annotations;
      if (Array.isArray(list) && list.length > 0) {
        const record = pick(list);
        if (record && typeof record === 'object' && !Array.isArray(record)) {
          record.articleUrl = pick([...ARTICLES.map((a) => a.url), 'https://moved.example/y']);
        }
      }
    }
  }
  const text = JSON.stringify(doc);
  // Now and then the file is cut short.
  return random() < 0.05 ? text.slice(0, Math.floor(random() * text.length)) : text;
}

type Snapshot = Awaited<ReturnType<typeof dump>>;

/** What the library must hold after an import: the snapshot plus the plan's records. */
function expected(
  snapshot: Snapshot,
  puts: { articles: ArticleRecord[]; annotations: AnnotationRecord[] },
): Snapshot {
  const articles = new Map(snapshot.articles.map((a) => [a.url, a]));
  for (const a of puts.articles) articles.set(a.url, a);
  const annotations = new Map(snapshot.annotations.map((a) => [a.id, a]));
  for (const a of puts.annotations) annotations.set(a.id, a);
  const byUrl = new Map<string, AnnotationRecord[]>();
  for (const a of annotations.values())
    byUrl.set(a.articleUrl, [...(byUrl.get(a.articleUrl) ?? []), a]);
  const urls = [...new Set([...articles.keys(), ...byUrl.keys()])].sort();
  const sortBy = <T>(list: T[], key: (t: T) => string) =>
    list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    articles: sortBy([...articles.values()], (a) => a.url),
    annotations: sortBy([...annotations.values()], (a) => a.id),
    rows: [...byUrl.keys()].sort().map((url) => ({
      url,
      ids: (byUrl.get(url) ?? []).map((a) => a.id).sort(),
    })),
    catalog: urls.map((url) => buildCatalogEntry(url, articles.get(url), byUrl.get(url) ?? [])),
  };
}

async function restore(db: ClaimmarkDatabase, snapshot: Snapshot): Promise<void> {
  await db.transaction('rw', db.articles, db.notes, async () => {
    await Promise.all([db.articles.clear(), db.notes.clear()]);
    await db.articles.bulkPut(snapshot.articles);
    const byUrl = new Map<string, AnnotationRecord[]>();
    for (const a of snapshot.annotations)
      byUrl.set(a.articleUrl, [...(byUrl.get(a.articleUrl) ?? []), a]);
    await db.notes.bulkPut([...byUrl].map(([articleUrl, items]) => packRow(articleUrl, items)));
  });
}

/** Makes the `nth` record the library writes fail as a full disk would; returns the undo. */
function fullDiskAt(db: ClaimmarkDatabase, nth: number): () => void {
  let writes = 0;
  const fail = () => {
    if (++writes === nth) throw new DOMException('quota', 'QuotaExceededError');
  };
  const hooks = [db.articles, db.notes].flatMap((table) => [
    [table.hook('creating'), fail] as const,
    [table.hook('updating'), fail] as const,
  ]);
  for (const [hook, fn] of hooks) hook.subscribe(fn);
  return () => {
    for (const [hook, fn] of hooks) hook.unsubscribe(fn);
  };
}

describe('import fuzz', () => {
  it('leaves the library unchanged or exactly as planned, for 2,000 mutated and hostile files, a full disk among them', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const snapshot = await dump(db);
    const existing = {
      articles: new Map(snapshot.articles.map((a) => [a.url, a])),
      annotations: new Map(snapshot.annotations.map((a) => [a.id, a])),
    };
    const w3c = JSON.parse(exportW3cJsonLd(ANNOTATIONS)) as { [key: string]: Json };
    const outcomes = { refused: 0, unchanged: 0, changed: 0, skipped: 0, interrupted: 0 };
    for (let seedNo = 1; seedNo <= 2000; seedNo++) {
      const random = prng(seedNo);
      const source = random() < 0.2 ? w3c : baseFile();
      const text = mutate(JSON.parse(JSON.stringify(source)) as { [key: string]: Json }, random);
      const parsed = parseImportFile(text);
      if (!parsed.ok) {
        expect(parsed.error, `seed ${String(seedNo)}`).toMatch(/^This /);
        outcomes.refused++;
        continue;
      }
      const plan = planImport(parsed, existing);
      // The plan's own promises: only newer copies replace, and every note has its article.
      for (const a of plan.annotations) {
        const had = existing.annotations.get(a.id);
        if (had) expect(timeOf(a.modifiedAt)).toBeGreaterThan(timeOf(had.modifiedAt));
      }
      const want = expected(snapshot, plan);
      const articleUrls = new Set(want.articles.map((a) => a.url));
      for (const a of want.annotations) expect(articleUrls.has(a.articleUrl)).toBe(true);

      const wrote = plan.articles.length + plan.annotations.length > 0;
      // Every third file that would write meets a full disk at one of its writes: nothing of it
      // may stay (no partial write).
      if (wrote && seedNo % 3 === 0) {
        const stop = fullDiskAt(db, 1 + Math.floor(random() * 4));
        const failed = await applyImport(db, parsed).then(
          () => false,
          (error: unknown) => {
            expect(String(error), `seed ${String(seedNo)}`).toMatch(/disk is full/);
            return true;
          },
        );
        stop();
        if (failed) {
          outcomes.interrupted++;
          expect(await dump(db), `seed ${String(seedNo)}`).toEqual(snapshot);
          continue;
        }
        expect(await dump(db), `seed ${String(seedNo)}`).toEqual(want);
        outcomes.changed++;
        await restore(db, snapshot);
        continue;
      }
      const summary = await applyImport(db, parsed);
      expect(summary.added + summary.updated).toBe(plan.annotations.length);
      outcomes.skipped += summary.skipped.length;
      expect(await dump(db), `seed ${String(seedNo)}`).toEqual(wrote ? want : snapshot);
      if (wrote) {
        outcomes.changed++;
        await restore(db, snapshot);
      } else outcomes.unchanged++;
    }
    // The mutations reach every outcome, so the test exercises each path.
    expect(outcomes.refused).toBeGreaterThan(50);
    expect(outcomes.changed).toBeGreaterThan(500);
    expect(outcomes.skipped).toBeGreaterThan(1000);
    expect(outcomes.interrupted).toBeGreaterThan(200);
  }, 60_000);
});
