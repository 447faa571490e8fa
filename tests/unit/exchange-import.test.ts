import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ANNOTATIONS,
  ARTICLES,
  FULL_ARTICLE,
  HOSTILE,
  closeDatabases,
  dump,
  freshDb,
  seed,
} from './exchange-fixtures';
import { findNote, notesById } from './stored-notes';
import { exportClaimmarkJson } from '@/lib/exchange/claimmark-json';
import { parseImportFile } from '@/lib/exchange/parse-import';
import type { ParsedImport } from '@/lib/exchange/parsed';
import { LIBRARY_IS_NEWER, minimalArticle, planImport } from '@/lib/exchange/plan';
import { exportW3cJsonLd } from '@/lib/exchange/w3c-export';
import type { AnnotationRecord } from '@/lib/model';
import { readExportRecords } from '@/lib/storage/export';
import { applyImport, previewImport } from '@/lib/storage/import';

const NOW = new Date('2026-11-26T10:00:00Z');

afterEach(closeDatabases);

function parsed(text: string): ParsedImport {
  const result = parseImportFile(text, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function claimmarkFile(annotations: unknown[], articles: unknown[] = []): string {
  return JSON.stringify({
    format: 'claimmark',
    version: 1,
    exportedAt: NOW.toISOString(),
    scope: { kind: 'all' },
    articles,
    annotations,
  });
}

const [claim, plain, hostile, unicode] = ANNOTATIONS as [
  AnnotationRecord,
  AnnotationRecord,
  AnnotationRecord,
  AnnotationRecord,
];

describe('Claimmark JSON round trip', () => {
  it('restores every record field for field, catalog rows included', async () => {
    const source = freshDb();
    await seed(source, ARTICLES, ANNOTATIONS);
    const records = await readExportRecords(source, { kind: 'all' });
    const text = exportClaimmarkJson(records.articles, records.annotations, { kind: 'all' }, NOW);

    const target = freshDb();
    const file = parsed(text);
    expect(file.skipped).toEqual([]);
    const summary = await applyImport(target, file);
    expect(summary).toMatchObject({ added: 4, updated: 0, articlesAdded: 3, skipped: [] });
    expect([...summary.touchedUrls].sort()).toEqual(records.articles.map((a) => a.url).sort());
    expect(await dump(target)).toEqual(await dump(source));
    // Stored the compact way: a row's notes name neither their article nor a repeated quote.
    for (const row of await target.notes.toArray()) {
      for (const item of row.items) expect(item).not.toHaveProperty('articleUrl');
    }
    // Markup is stored as the text it is.
    expect((await findNote(target, hostile.id))?.quote).toBe(HOSTILE);
  });

  it('exports one article or chosen annotations with their articles', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const one = await readExportRecords(db, { kind: 'article', url: claim.articleUrl });
    expect(one.articles.map((a) => a.url)).toEqual([claim.articleUrl]);
    expect(one.annotations.map((a) => a.id).sort()).toEqual([claim.id, plain.id].sort());
    const chosen = await readExportRecords(db, {
      kind: 'annotations',
      hits: [
        { url: unicode.articleUrl, ids: [unicode.id, 'gone'] },
        // A note is exported only from the article the list found it under.
        { url: 'https://gone.example.com/', ids: [claim.id] },
      ],
    });
    expect(chosen.annotations).toEqual([unicode]);
    expect(chosen.articles.map((a) => a.url)).toEqual([unicode.articleUrl]);
    // A list shows articles that matched without a note: the export carries them too.
    const other = ARTICLES.find((a) => a.url !== unicode.articleUrl)?.url ?? '';
    const listed = await readExportRecords(db, {
      kind: 'annotations',
      hits: [
        { url: unicode.articleUrl, ids: [unicode.id] },
        { url: other, ids: [] },
      ],
    });
    expect(listed.annotations).toEqual([unicode]);
    expect(listed.articles.map((a) => a.url).sort()).toEqual([unicode.articleUrl, other].sort());
  });

  it('imports again as nothing new: the library’s copies are the same', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const before = await dump(db);
    const file = parsed(exportClaimmarkJson(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW));
    const plan = await previewImport(db, file);
    expect(plan.annotations).toEqual([]);
    expect(plan.articles).toEqual([]);
    expect(plan.summary.skipped).toHaveLength(4);
    expect(plan.summary.skipped[0]).toEqual({ where: 'annotations[0]', reason: LIBRARY_IS_NEWER });
    await applyImport(db, file);
    expect(await dump(db)).toEqual(before);
  });
});

describe('W3C round trip', () => {
  it('brings back every field W3C carries; colour and anchoring take defaults', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, []);
    const file = parsed(exportW3cJsonLd(ANNOTATIONS, NOW));
    expect(file.format).toBe('w3c');
    expect(file.skipped).toEqual([]);
    const summary = await applyImport(db, file);
    expect(summary).toMatchObject({ added: 4, articlesAdded: 0 });
    const stored = await notesById(db);
    expect(stored).toEqual(
      ANNOTATIONS.map((a) => ({ ...a, color: 'yellow', anchoring: null })).sort((a, b) =>
        a.id.localeCompare(b.id),
      ),
    );
    const row = await db.notes.get(claim.articleUrl);
    expect(row?.items.map((i) => i.id).sort()).toEqual([claim.id, plain.id].sort());
  });

  it('makes a minimal article for notes on an article the library does not have', async () => {
    const db = freshDb();
    const file = parsed(exportW3cJsonLd([unicode], NOW));
    await applyImport(db, file);
    expect(await db.articles.toArray()).toEqual([
      minimalArticle(unicode.articleUrl, unicode.createdAt),
    ]);
    expect((await db.notes.get(unicode.articleUrl))?.items).toHaveLength(1);
  });

  it('fills Claimmark fields another tool leaves out', () => {
    const text = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2024-05-01T10:00:00Z',
          body: { type: 'TextualBody', value: 'A note' },
          target: {
            source: 'https://example.com/story',
            selector: { type: 'TextQuoteSelector', exact: 'quoted' },
          },
        },
        {
          type: 'Annotation',
          body: [{ type: 'TextualBody', purpose: 'assessing', value: 'Misleading' }],
          target: {
            source: 'https://example.com/story',
            selector: [{ type: 'TextQuoteSelector', exact: 'claimed', prefix: 'x'.repeat(500) }],
          },
        },
        {
          type: 'Annotation',
          motivation: 'assessing',
          body: [{ type: 'TextualBody', purpose: 'assessing', value: 'half true' }],
          target: { source: 'https://example.com/story' },
        },
        { type: 'Annotation', target: 'https://example.com/story' },
      ],
    });
    const file = parsed(text);
    const [first, second] = file.annotations;
    expect(first).toMatchObject({
      kind: 'highlight',
      note: 'A note',
      color: 'yellow',
      status: null,
      createdAt: '2024-05-01T10:00:00.000Z',
      modifiedAt: '2024-05-01T10:00:00.000Z',
      selectors: { quote: { exact: 'quoted', prefix: '', suffix: '' } },
    });
    // An id that is not a UUID becomes the same UUID on every import.
    expect(first?.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-8[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(parsed(text).annotations.map((a) => a.id)).toEqual(file.annotations.map((a) => a.id));
    expect(second).toMatchObject({ kind: 'claim', status: 'misleading' });
    expect(second?.selectors.quote.prefix).toHaveLength(200);
    expect(second?.createdAt).toBe(NOW.toISOString());
    expect(file.skipped).toEqual([
      { where: 'items[2].target', reason: 'missing selector' },
      { where: 'items[3].target', reason: 'missing selector' },
    ]);
  });
});

describe('planImport', () => {
  const older = { ...claim, note: 'old', modifiedAt: '2025-10-16T08:30:00.000Z' };
  const newer = { ...claim, note: 'new', modifiedAt: '2025-10-20T00:00:00.000Z' };
  const existing = {
    articles: new Map([[FULL_ARTICLE.url, FULL_ARTICLE]]),
    annotations: new Map([[claim.id, claim]]),
  };

  it('lets the newer modifiedAt win and counts new, updated and skipped', () => {
    const file = parsed(claimmarkFile([newer, plain]));
    const plan = planImport(file, existing);
    expect(plan.annotations).toEqual([newer, plain]);
    expect(plan.summary).toMatchObject({ added: 1, updated: 1, skipped: [], articlesAdded: 0 });
    expect(plan.touchedUrls).toEqual([claim.articleUrl]);
    const stale = planImport(parsed(claimmarkFile([older])), existing);
    expect(stale.annotations).toEqual([]);
    expect(stale.summary.skipped).toEqual([{ where: 'annotations[0]', reason: LIBRARY_IS_NEWER }]);
  });

  it('keeps the library’s article unless the file’s is newer', () => {
    const article = FULL_ARTICLE;
    const oldCopy = { ...article, title: 'old title', updatedAt: '2020-01-01T00:00:00.000Z' };
    const newCopy = { ...article, title: 'new title', updatedAt: '2026-11-20T00:00:00.000Z' };
    expect(planImport(parsed(claimmarkFile([], [oldCopy])), existing).articles).toEqual([]);
    const plan = planImport(parsed(claimmarkFile([], [newCopy])), existing);
    expect(plan.articles).toEqual([newCopy]);
    expect(plan.summary.articlesUpdated).toBe(1);
  });

  it('takes an updated annotation out of the row of the article it moved away from', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const moved = { ...plain, articleUrl: unicode.articleUrl, modifiedAt: NOW.toISOString() };
    await applyImport(db, parsed(claimmarkFile([moved])));
    expect((await db.notes.get(claim.articleUrl))?.items.map((i) => i.id)).toEqual([claim.id]);
    expect((await db.notes.get(unicode.articleUrl))?.items.map((i) => i.id).sort()).toEqual(
      [plain.id, unicode.id].sort(),
    );
  });
});

const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

describe('a large import', () => {
  it('updates, moves and adds thousands of notes into the rows a fresh build makes', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const later = '2026-11-20T00:00:00.000Z';
    const many = Array.from({ length: 2_500 }, (_, i) => ({
      ...plain,
      id: crypto.randomUUID(),
      articleUrl: ARTICLES[i % 3]?.url ?? '',
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    }));
    const incoming = [
      { ...claim, note: 'newer', modifiedAt: later },
      { ...hostile, articleUrl: unicode.articleUrl, modifiedAt: later },
      { ...unicode, note: 'older', modifiedAt: '2000-01-01T00:00:00.000Z' },
      ...many,
    ];
    const summary = await applyImport(db, parsed(claimmarkFile(incoming)));
    expect(summary).toMatchObject({ added: 2_500, updated: 2, articlesAdded: 0 });
    expect(summary.skipped).toEqual([{ where: 'annotations[2]', reason: LIBRARY_IS_NEWER }]);

    const reference = freshDb();
    await seed(reference, ARTICLES, [plain, unicode, ...incoming.slice(0, 2), ...many]);
    expect(await dump(db)).toEqual(await dump(reference));
  });
});

describe('bad input', () => {
  async function expectUntouched(text: string): Promise<void> {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const before = await dump(db);
    const result = parseImportFile(text, NOW);
    if (result.ok) await applyImport(db, result);
    expect(await dump(db)).toEqual(before);
  }

  it.each([
    ['not JSON', 'hello, world', /not valid JSON/],
    ['empty', '  \n', /empty/],
    [
      'cut short',
      exportClaimmarkJson(ARTICLES, ANNOTATIONS, { kind: 'all' }).slice(0, 900),
      /ends too early/,
    ],
    ['a list', '[1, 2]', /holds a list where an object/],
    ['a number', '42', /holds a number/],
    ['another format', '{"format": "hypothesis"}', /"hypothesis"\) is not one Claimmark imports/],
    ['no format', '{"annotations": []}', /neither "format": "claimmark" nor/],
    [
      'a newer version',
      '{"format": "claimmark", "version": 2, "annotations": []}',
      /newer version of Claimmark \(format version 2\)/,
    ],
    [
      'an odd version',
      '{"format": "claimmark", "version": "1", "annotations": []}',
      /unknown format version \("1"\)/,
    ],
    [
      'annotations not a list',
      '{"format": "claimmark", "version": 1, "annotations": {}}',
      /"annotations" is not a list/,
    ],
    [
      'articles not a list',
      '{"format": "claimmark", "version": 1, "articles": 3, "annotations": []}',
      /"articles" is not a list/,
    ],
    [
      'a linked W3C page',
      '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "https://x.example/p1"}',
      /in other files/,
    ],
  ])('refuses %s with a clear sentence', async (_name, text, error) => {
    const result = parseImportFile(text, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
    await expectUntouched(text);
  });

  it('says the disk is full and changes nothing when the write runs out of space', async () => {
    const db = freshDb();
    await seed(db, ARTICLES.slice(0, 1), []);
    const before = await dump(db);
    // The articles are written first; the notes' write fails and must undo them.
    const write = vi
      .spyOn(db.notes, 'bulkPut')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const file = parsed(exportClaimmarkJson(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW));
    await expect(applyImport(db, file)).rejects.toThrow(
      'Your disk is full: the import was not saved and your library is unchanged. Free some space and try again.',
    );
    expect(write).toHaveBeenCalledOnce();
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a file over 256 MB before parsing it', async () => {
    const { checkImportSize } = await import('@/lib/exchange/parse-import');
    expect(checkImportSize(256 * 1024 * 1024)).toBeNull();
    expect(checkImportSize(300 * 1024 * 1024)).toMatch(
      /too large to import \(300 MB; the limit is 256 MB\)/,
    );
  });

  it('skips each invalid annotation with the problem and its place', () => {
    const bad = (patch: Record<string, unknown>) => ({
      ...claim,
      id: crypto.randomUUID(),
      ...patch,
    });
    const file = parsed(
      claimmarkFile([
        plain,
        bad({ selectors: { quote: { ...claim.selectors.quote, exact: 5 } } }),
        bad({ selectors: { quote: { ...claim.selectors.quote, exact: '' } } }),
        // (A broken position is mended instead: see import-hostile.test.ts.)
        bad({ id: 'not-a-uuid' }),
        bad({ status: 'pants-on-fire' }),
        bad({ evidence: ['javascript:alert(1)'] }),
        bad({ articleUrl: 'file:///etc/passwd' }),
        bad({ createdAt: 'yesterday' }),
        bad({ note: 'x'.repeat(50_001) }),
        bad({ tags: 'a,b' }),
        bad({ kind: undefined }),
        'not an object',
        bad({ note: HOSTILE, tags: [HOSTILE.slice(0, 40)] }),
      ]),
    );
    expect(file.skipped).toEqual([
      {
        where: 'annotations[1].selectors.quote.exact',
        reason: 'expected a string, found a number',
      },
      { where: 'annotations[2].selectors.quote.exact', reason: 'must not be empty' },
      { where: 'annotations[3].id', reason: 'expected a UUID' },
      { where: 'annotations[4].status', reason: matching(/^expected .*"unverified"/) },
      { where: 'annotations[5].evidence[0]', reason: 'expected an absolute http(s) URL' },
      { where: 'annotations[6].articleUrl', reason: 'expected an absolute http(s) URL' },
      {
        where: 'annotations[7].createdAt',
        reason: matching(/^expected an ISO 8601 time/),
      },
      { where: 'annotations[8].note', reason: 'longer than 50000 characters' },
      { where: 'annotations[9].tags', reason: 'expected a list, found a string' },
      { where: 'annotations[10].kind', reason: 'missing' },
      { where: 'annotations[11]', reason: 'expected an object, found a string' },
    ]);
    // Markup in text fields is not an error: it is stored as text.
    expect(file.annotations.map((a) => a.note)).toEqual([plain.note, HOSTILE]);
  });

  it('keeps the newest of 10,000 copies of one id and says why the others went', async () => {
    const copies = Array.from({ length: 10_000 }, (_, i) => ({
      ...plain,
      note: String(i),
      modifiedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 10_000) * 1000).toISOString(),
    }));
    const newest = copies.reduce((a, b) => (a.modifiedAt >= b.modifiedAt ? a : b));
    const file = parsed(claimmarkFile(copies));
    expect(file.annotations).toEqual([newest]);
    expect(file.skipped).toHaveLength(9_999);
    expect(file.skipped[0]?.reason).toBe(
      `duplicate id ${plain.id}: kept the newest copy, at annotations[${String(copies.indexOf(newest))}]`,
    );
    const db = freshDb();
    const summary = await applyImport(db, file);
    expect(summary.added).toBe(1);
    expect(await notesById(db)).toEqual([newest]);
  });

  it('reads a 50 MB file in reasonable time, skipping its bad records cleanly', () => {
    const notes = 'n'.repeat(4000);
    const annotations = Array.from({ length: 12_000 }, (_, i) => ({
      ...plain,
      id: crypto.randomUUID(),
      note: notes,
      ...(i % 1000 === 0 ? { color: 'ultraviolet' } : {}),
    }));
    const text = claimmarkFile(annotations, ARTICLES);
    expect(text.length).toBeGreaterThan(50_000_000);
    const started = performance.now();
    const file = parsed(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(file.annotations).toHaveLength(11_988);
    expect(file.skipped).toHaveLength(12);
    expect(file.skipped[0]).toMatchObject({ where: 'annotations[0].color' });
  });
});
