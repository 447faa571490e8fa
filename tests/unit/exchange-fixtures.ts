import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import { readCatalog } from '@/lib/storage/catalog';
import { readNotes, unpackRow, writeNotes } from '@/lib/storage/notes';
import { ClaimmarkDatabase } from '@/lib/storage/database';

/** A string that would be markup if anything parsed it as HTML. */
export const HOSTILE =
  '<script>alert("x")</script><img src=x onerror=alert(1)> & [link](javascript:alert(1))';

/** An article with every fact Claimmark records. */
export const FULL_ARTICLE: ArticleRecord = {
  url: 'https://news.example.com/2025/10/summit',
  title: 'Trump and Putin to meet in Budapest – News',
  canonicalUrl: 'https://news.example.com/2025/10/summit',
  seenAt: ['https://news.example.com/2025/10/summit', 'https://m.news.example.com/2025/10/summit'],
  savedAt: '2025-10-16T08:00:00.000Z',
  updatedAt: '2025-10-17T09:30:00.000Z',
  facts: {
    isArticle: true,
    metadata: {
      headline: 'Trump and Putin to meet in Budapest',
      byline: ['Anna Kovács', 'Jürgen Müller'],
      siteName: 'Example News',
      published: '2025-10-16T10:00:00+02:00',
      modified: '2025-10-16T12:30+02:00',
      language: 'en',
      canonicalUrl: 'https://news.example.com/2025/10/summit',
      description: 'The leaders will meet “within two weeks”.',
    },
    analysis: {
      entities: [
        {
          type: 'person',
          name: 'Donald Trump',
          aliases: ['Trump'],
          mentions: [
            { start: 0, end: 5 },
            { start: 40, end: 52 },
          ],
        },
        { type: 'place', name: 'Budapest', aliases: [], mentions: [{ start: 30, end: 38 }] },
        { type: 'organization', name: 'Fidesz', aliases: [], mentions: [] },
      ],
      dates: [
        { text: 'next Thursday', value: '2025-10-23', precision: 'day', start: 60, end: 73 },
        { text: 'this year', value: '2025', precision: 'year', start: 80, end: 89 },
      ],
      length: 4200,
    },
    analyzedAt: '2025-10-16T08:00:01.000Z',
  },
};

type PageFacts = NonNullable<NonNullable<ArticleRecord['facts']>['metadata']>;

/** A news article at `url` whose page says these things about itself (no analysis). */
export function articleSaying(url: string, said: Partial<PageFacts>): ArticleRecord {
  return {
    ...FULL_ARTICLE,
    url,
    canonicalUrl: null,
    facts: {
      isArticle: true,
      analysis: null,
      analyzedAt: null,
      metadata: {
        headline: null,
        byline: [],
        siteName: null,
        published: null,
        modified: null,
        language: null,
        canonicalUrl: null,
        description: null,
        ...said,
      },
    },
  };
}

const hostile: ArticleRecord = {
  url: 'https://blog.example.org/post?id=7',
  title: HOSTILE,
  canonicalUrl: null,
  seenAt: ['https://blog.example.org/post?id=7'],
  savedAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
  facts: { isArticle: false, metadata: null, analysis: null, analyzedAt: null },
};

const bare: ArticleRecord = {
  url: 'http://old.example.net/story',
  title: 'Ελληνικά 日本語 emoji 🎉',
  canonicalUrl: null,
  seenAt: ['http://old.example.net/story'],
  savedAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

/** The test library's articles: full facts, hostile strings, no facts at all. */
export const ARTICLES: ArticleRecord[] = [FULL_ARTICLE, hostile, bare];

/** The test library's annotations: both kinds, every field, unicode and markup in the text. */
export const ANNOTATIONS: AnnotationRecord[] = [
  {
    id: '0b5f3c1e-8a4d-4c1b-9f7e-1a2b3c4d5e6f',
    articleUrl: FULL_ARTICLE.url,
    kind: 'claim',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Trump will meet Putin',
        prefix: 'U.S. President ',
        suffix: ' in Budapest',
      },
      position: { type: 'TextPositionSelector', start: 120, end: 141 },
    },
    quote: 'Trump will meet Putin',
    note: `Check against the Kremlin readout.\n\nSecond paragraph ${HOSTILE}`,
    status: 'disputed',
    evidence: ['https://evidence.example.org/readout', 'http://archive.example.com/a?b=c&d=(e)'],
    tags: ['summit', 'hungary', 'ünïcödé'],
    color: 'pink',
    createdAt: '2025-10-16T08:05:00.000Z',
    modifiedAt: '2025-10-16T09:00:00.000Z',
    articleModified: '2025-10-16T12:30+02:00',
    anchoring: {
      status: 'changed',
      text: 'Trump would meet Putin',
      checkedAt: '2025-10-18T00:00:00.000Z',
    },
  },
  {
    id: '1c6a4d2f-9b5e-4d2c-8a8f-2b3c4d5e6f70',
    articleUrl: FULL_ARTICLE.url,
    kind: 'highlight',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'within two weeks', prefix: '', suffix: '.' },
    },
    quote: 'within two weeks',
    note: '',
    status: null,
    evidence: [],
    tags: [],
    color: 'yellow',
    createdAt: '2025-10-16T08:06:00.000Z',
    modifiedAt: '2025-10-16T08:06:00.000Z',
    articleModified: null,
    anchoring: null,
  },
  {
    id: '2d7b5e3a-ac6f-4e3d-9b90-3c4d5e6f7081',
    articleUrl: hostile.url,
    kind: 'highlight',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: HOSTILE, prefix: '# heading', suffix: '> quote' },
      position: { type: 'TextPositionSelector', start: 0, end: HOSTILE.length },
    },
    quote: HOSTILE,
    note: '* not a list\n1. not a list either\n    not code',
    status: null,
    evidence: [],
    tags: [HOSTILE.slice(0, 40)],
    color: 'green',
    createdAt: '2025-11-01T00:01:00.000Z',
    modifiedAt: '2025-11-02T00:00:00.000Z',
    articleModified: '2025-11-01',
    anchoring: { status: 'orphan', text: null, checkedAt: '2025-11-03T00:00:00.000Z' },
  },
  {
    id: '3e8c6f4b-bd70-4f4e-a0a1-4d5e6f708192',
    articleUrl: bare.url,
    kind: 'claim',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '東京 🎉 Ωmega', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 5 },
    },
    quote: '東京 🎉 Ωmega',
    note: 'Μη επαληθευμένο',
    status: 'unverified',
    evidence: [],
    tags: ['日本'],
    color: 'blue',
    createdAt: '2024-01-01T00:00:00.000Z',
    modifiedAt: '2024-01-01T00:00:00.000Z',
    articleModified: null,
    anchoring: { status: 'anchored', text: null, checkedAt: '2024-01-01T00:00:00.000Z' },
  },
];

const opened: ClaimmarkDatabase[] = [];

/** A new empty database, deleted by `closeDatabases`. */
export function freshDb(): ClaimmarkDatabase {
  const db = new ClaimmarkDatabase(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** Deletes every database `freshDb` opened. */
export async function closeDatabases(): Promise<void> {
  for (const db of opened.splice(0)) await db.delete();
}

/** Stores records as the extension would: in one transaction, a notes row per article. */
export async function seed(
  db: ClaimmarkDatabase,
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
): Promise<void> {
  await db.transaction('rw', db.articles, db.notes, async () => {
    await db.articles.bulkPut([...articles]);
    const rows = new Map<string, AnnotationRecord[]>();
    for (const a of annotations) {
      const row = rows.get(a.articleUrl) ?? (await readNotes(db, a.articleUrl));
      rows.set(a.articleUrl, [...row.filter((b) => b.id !== a.id), a]);
    }
    for (const [url, items] of rows) await writeNotes(db, url, items);
  });
}

/**
 * A whole library in a comparable form: articles, annotations and which article's row holds
 * each, sorted by key, and the catalog the popup builds from them.
 */
export async function dump(db: ClaimmarkDatabase) {
  const [articles, rows, catalog] = await Promise.all([
    db.articles.orderBy('url').toArray(),
    db.notes.orderBy('articleUrl').toArray(),
    readCatalog(db),
  ]);
  return {
    articles,
    annotations: rows.flatMap(unpackRow).sort((a, b) => a.id.localeCompare(b.id)),
    rows: rows.map((r) => ({ url: r.articleUrl, ids: r.items.map((a) => a.id).sort() })),
    catalog: catalog.sort((a, b) => a.url.localeCompare(b.url)),
  };
}
