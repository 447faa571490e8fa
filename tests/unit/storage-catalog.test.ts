import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import type { AnnotationRecord, ArticleRecord, StoredArticleFacts } from '@/lib/model';
import {
  createAnnotation,
  deleteAnnotation,
  recordAnchoring,
  restoreAnnotation,
  updateAnnotation,
} from '@/lib/storage/annotations';
import { saveArticle, updateArticleFacts } from '@/lib/storage/articles';
import { readNewestCatalog } from '@/lib/storage/catalog';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { describeStorageError } from '@/lib/storage/errors';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function facts(headline: string, entity: string): StoredArticleFacts {
  return {
    isArticle: true,
    metadata: {
      headline,
      byline: ['Jane Roe'],
      siteName: 'Example News',
      published: '2025-10-16T09:00:00+02:00',
      modified: null,
      language: 'en',
      canonicalUrl: null,
      description: null,
    },
    analysis: {
      entities: [
        { type: 'person', name: entity, aliases: ['Orbán'], mentions: [{ start: 0, end: 5 }] },
      ],
      dates: [{ text: 'Oct. 16', value: '2025-10-16', precision: 'day', start: 10, end: 17 }],
      length: 400,
    },
    analyzedAt: '2025-10-16T10:00:00.000Z',
  };
}

function article(i: number): ArticleRecord {
  const time = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
  return {
    url: `https://news.example.com/story-${i}`,
    title: `Story ${i}`,
    canonicalUrl: null,
    seenAt: [`https://news.example.com/story-${i}`],
    savedAt: time,
    updatedAt: time,
    ...(i % 2 ? { facts: facts(`Headline ${i} über Ungarn`, 'Viktor Orbán') } : {}),
  };
}

function annotation(i: number, articleUrl: string): AnnotationRecord {
  const time = new Date(Date.UTC(2025, 5, 1, 0, i)).toISOString();
  const quote = `Quote ${i}: “Orbán” said <script>alert(${i})</script>`;
  return {
    id: crypto.randomUUID(),
    articleUrl,
    kind: i % 3 ? 'highlight' : 'claim',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + quote.length },
    },
    quote,
    note: i % 2 ? `Note ${i}\nsecond line` : '',
    status: i % 3 ? null : 'disputed',
    evidence: i % 4 ? [] : ['https://evidence.example.org/x'],
    tags: i % 2 ? ['hungary', `t${i % 5}`] : [],
    color: 'yellow',
    createdAt: time,
    modifiedAt: time,
    articleModified: null,
    anchoring: i % 7 ? { status: 'anchored', text: null, checkedAt: time } : null,
  };
}

/** The catalog as it should be: one entry per article or annotated address, rebuilt from scratch. */
async function expectedCatalog(db: ClaimmarkDatabase) {
  const articles = await db.articles.toArray();
  const annotations = await db.annotations.toArray();
  const urls = new Set([...articles.map((a) => a.url), ...annotations.map((a) => a.articleUrl)]);
  return [...urls].sort().map((url) =>
    buildCatalogEntry(
      url,
      articles.find((a) => a.url === url),
      annotations.filter((a) => a.articleUrl === url),
    ),
  );
}

async function expectInSync(db: ClaimmarkDatabase) {
  const catalog = (await db.catalog.toArray()).sort((a, b) => a.url.localeCompare(b.url));
  expect(catalog).toEqual(await expectedCatalog(db));
}

describe('schema version 2', () => {
  it('upgrades a version-1 library with every record intact and builds its catalog', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: 'url, savedAt', annotations: 'id, articleUrl, createdAt' });
    const articles = Array.from({ length: 12 }, (_, i) => article(i));
    // Annotations on every article, and some on an address whose article record was lost.
    const annotations = Array.from({ length: 240 }, (_, i) =>
      annotation(i, i % 13 === 12 ? 'https://lost.example.com/x' : (articles[i % 12]?.url ?? '')),
    );
    await v1.table('articles').bulkAdd(articles);
    await v1.table('annotations').bulkAdd(annotations);
    v1.close();

    const db = new ClaimmarkDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await db.articles.toArray()).sort(byUrl)).toEqual([...articles].sort(byUrl));
    expect((await db.annotations.toArray()).sort(byId)).toEqual([...annotations].sort(byId));
    expect(await db.catalog.count()).toBe(13);
    await expectInSync(db);
    const lost = await db.catalog.get('https://lost.example.com/x');
    expect(lost?.items).toHaveLength(
      annotations.filter((a) => a.articleUrl.includes('lost')).length,
    );
    expect(lost?.headline).toBe('');
    // The lost article counts as saved when its first note was made (June), after the others.
    const newest = await readNewestCatalog(db, 3);
    expect(newest.map((e) => e.url)).toEqual([
      'https://lost.example.com/x',
      articles[11]?.url,
      articles[10]?.url,
    ]);
    db.close();
  });

  it('keeps the catalog in step with every write', async () => {
    const name = `catalog-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const report = {
      url: 'https://news.example.com/a',
      title: 'A',
      canonicalUrl: null,
      article: null,
    };
    const input = { key: report.url, report, seenAt: report.url };
    await saveArticle(db, report.url, report, report.url);
    await expectInSync(db);
    const draft = {
      kind: 'claim' as const,
      quote: 'Viktor Orbán said',
      selectors: annotation(0, '').selectors,
    };
    const fields = {
      kind: 'claim' as const,
      note: 'check',
      status: 'disputed' as const,
      evidence: [],
      tags: ['eu'],
      color: 'yellow' as const,
    };
    const first = await createAnnotation(db, input, draft, fields);
    const second = await createAnnotation(db, input, draft, { ...fields, kind: 'highlight' });
    await expectInSync(db);
    await updateAnnotation(db, first.id, {
      ...fields,
      note: 'checked: false',
      tags: ['eu', 'vote'],
    });
    await expectInSync(db);
    expect(
      (await db.catalog.get(report.url))?.items.find((i) => i.id === first.id)?.text,
    ).toContain('checked false');
    const gone = await deleteAnnotation(db, second.id);
    await expectInSync(db);
    if (gone) await restoreAnnotation(db, gone);
    await expectInSync(db);
    await recordAnchoring(db, report.url, [{ id: first.id, status: 'orphan', text: null }]);
    await expectInSync(db);
    expect(
      (await db.catalog.get(report.url))?.items.find((i) => i.id === first.id)?.anchoring,
    ).toBe('orphan');
    await updateArticleFacts(db, report.url, facts('A new headline', 'Péter Magyar'));
    await expectInSync(db);
    expect((await db.catalog.get(report.url))?.text).toContain('peter magyar');
  });

  it('a full disk while writing leaves neither the annotation nor its catalog row half-written', async () => {
    const name = `quota-${crypto.randomUUID()}`;
    names.push(name);
    const db = new ClaimmarkDatabase(name);
    const report = {
      url: 'https://news.example.com/b',
      title: 'B',
      canonicalUrl: null,
      article: null,
    };
    await saveArticle(db, report.url, report, report.url);
    const before = await db.catalog.toArray();
    // The catalog write is the last of the transaction: failing there must undo the annotation.
    db.catalog.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const draft = {
      kind: 'highlight' as const,
      quote: 'q',
      selectors: annotation(1, '').selectors,
    };
    const fields = {
      kind: 'highlight' as const,
      note: '',
      status: null,
      evidence: [],
      tags: [],
      color: 'yellow' as const,
    };
    const failure = await createAnnotation(
      db,
      { key: report.url, report, seenAt: report.url },
      draft,
      fields,
    ).catch((error: unknown) => error);
    expect(describeStorageError(failure)).toMatch(/disk is full/);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.catalog.toArray()).toEqual(before);
  });
});
