import { afterEach, describe, expect, it } from 'vitest';
import { checkedClaimReview } from '../support/claimreview-schema';
import {
  ANNOTATIONS,
  ARTICLES,
  FULL_ARTICLE,
  articleSaying,
  closeDatabases,
  freshDb,
  seed,
} from './exchange-fixtures';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { buildExportFile } from '@/lib/storage/export-file';
import { buildClaimReviews, claimSentence } from '@/lib/exchange/claimreview';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '@/lib/model/settings';

const NOW = new Date('2026-11-26T10:00:00Z');
afterEach(closeDatabases);

const checked = checkedClaimReview;

const [claim, , , unicode] = ANNOTATIONS as [
  AnnotationRecord,
  AnnotationRecord,
  AnnotationRecord,
  AnnotationRecord,
];
const REVIEWER: ExportSettings = {
  ...DEFAULT_EXPORT_SETTINGS,
  reviewer: {
    name: 'Anna Roe',
    organization: 'Factcheck Desk',
    url: 'https://www.factchecker.org/',
  },
};
const LONG = `${'The minister said the bridge would open in spring, on time and within its budget. '.repeat(3)}And more.`;
const BARE: ArticleRecord = {
  url: 'https://blog.example.org/note',
  title: '',
  canonicalUrl: null,
  seenAt: ['https://blog.example.org/note'],
  savedAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
};
const GREEK = articleSaying('https://news.example.gr/a', {
  headline: 'Ο υπουργός είπε ότι η γέφυρα θα ανοίξει την άνοιξη',
  byline: ['Μαρία Παπαδοπούλου'],
  siteName: 'Ειδήσεις',
  published: '2025-10-20',
  language: 'el',
});

const claims: AnnotationRecord[] = [
  claim,
  unicode,
  {
    ...claim,
    id: '7c2a0b9e-1d3f-4a5b-8c6d-0e1f2a3b4c5d',
    status: 'false',
    quote: LONG,
    selectors: { quote: { type: 'TextQuoteSelector', exact: LONG, prefix: '', suffix: '' } },
    evidence: ['https://other.example.com/x', 'https://factchecker.org/2025/bridge'],
    modifiedAt: '2025-10-21T08:00:00.000Z',
  },
  {
    ...claim,
    id: '8d3b1c0f-2e4a-4b6c-9d7e-1f2a3b4c5d6e',
    articleUrl: BARE.url,
    status: 'misleading',
    evidence: [],
  },
  {
    ...claim,
    id: '9e4c2d1a-3f5b-4c7d-8e8f-2a3b4c5d6e7f',
    articleUrl: GREEK.url,
    status: 'supported',
  },
];

describe('ClaimReview export', () => {
  it('writes one ClaimReview per claim with a verdict, valid against the schema', () => {
    const result = buildClaimReviews([...ARTICLES, BARE, GREEK], claims, REVIEWER);
    const graph = (checked(result.document) as { '@graph': Record<string, unknown>[] })['@graph'];
    // The unverified claim and the highlights are not reviews.
    expect(result.claims).toBe(4);
    expect(graph).toHaveLength(4);
    expect(graph[0]).toEqual({
      '@type': 'ClaimReview',
      claimReviewed: 'Trump will meet Putin',
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          url: FULL_ARTICLE.canonicalUrl,
          headline: 'Trump and Putin to meet in Budapest',
          author: [
            { '@type': 'Person', name: 'Anna Kovács' },
            { '@type': 'Person', name: 'Jürgen Müller' },
          ],
          publisher: { '@type': 'Organization', name: 'Example News' },
          datePublished: '2025-10-16T10:00:00+02:00',
        },
      },
      author: {
        '@type': 'Organization',
        name: 'Factcheck Desk',
        url: 'https://www.factchecker.org/',
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Disputed',
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
      },
      datePublished: '2025-10-16',
    });
    // The reviewer's own publication (same site, another host) is the review's url; a long
    // quote is cut to its first sentence.
    expect(graph[1]).toMatchObject({
      url: 'https://factchecker.org/2025/bridge',
      claimReviewed:
        'The minister said the bridge would open in spring, on time and within its budget. …',
      reviewRating: { alternateName: 'False', ratingValue: 1 },
    });
    expect(graph[3]).toMatchObject({
      itemReviewed: { appearance: { headline: GREEK.facts?.metadata?.headline } },
      reviewRating: { alternateName: 'Supported', ratingValue: 5 },
    });
  });

  it('lists what each claim lacks: without a reviewer none is written, but none is dropped silently', () => {
    const none = buildClaimReviews([...ARTICLES, BARE, GREEK], claims, DEFAULT_EXPORT_SETTINGS);
    checked(none.document);
    expect(none.document['@graph']).toEqual([]);
    expect(none.issues.map((i) => i.missing)).toEqual([
      ['author'],
      ['author'],
      ['author'],
      ['author'],
    ]);
    const some = buildClaimReviews([...ARTICLES, BARE, GREEK], claims, REVIEWER);
    const bare = some.issues.find((i) => i.id === '8d3b1c0f-2e4a-4b6c-9d7e-1f2a3b4c5d6e');
    expect(bare).toEqual({
      id: '8d3b1c0f-2e4a-4b6c-9d7e-1f2a3b4c5d6e',
      quote: 'Trump will meet Putin',
      missing: [],
      lacking: [
        'itemReviewed.appearance.headline',
        'itemReviewed.appearance.author',
        'itemReviewed.appearance.publisher',
        'itemReviewed.appearance.datePublished',
        'url',
      ],
    });
    // A person without an organisation signs as a person; statuses take the reader's labels.
    const person = buildClaimReviews(ARTICLES, [claim], {
      ...DEFAULT_EXPORT_SETTINGS,
      reviewer: { name: 'Anna Roe', organization: '', url: null },
      ratings: {
        ...DEFAULT_EXPORT_SETTINGS.ratings,
        disputed: { label: 'Needs context', value: 2 },
      },
    });
    expect(checked(person.document)).toMatchObject({
      '@graph': [
        {
          author: { '@type': 'Person', name: 'Anna Roe' },
          reviewRating: { alternateName: 'Needs context', ratingValue: 2 },
        },
      ],
    });
  });

  it('states a claim as one sentence', () => {
    expect(claimSentence('  Trump will\n meet   Putin ')).toBe('Trump will meet Putin');
    expect(claimSentence('It rose 3.1 percent. Then it fell.')).toBe('It rose 3.1 percent. …');
    expect(claimSentence('Он сказал: «Да». И ушёл.')).toBe('Он сказал: «Да». …');
    // Initials and titles do not end a sentence.
    expect(claimSentence('U.S. President Trump will meet Putin. Then more.')).toBe(
      'U.S. President Trump will meet Putin. …',
    );
    expect(claimSentence('Mr. Smith met Dr. Jones on Oct. 16 in Washington.')).toBe(
      'Mr. Smith met Dr. Jones on Oct. 16 in Washington.',
    );
  });

  it('is what the popup saves, with the reader’s settings, and the library’s export carries them', async () => {
    const db = freshDb();
    await seed(db, [...ARTICLES, BARE, GREEK], claims);
    const all = { kind: 'all' } as const;
    const file = await buildExportFile(db, all, all, 'claimreview', NOW, { settings: REVIEWER });
    expect(file).toMatchObject({
      name: 'claimmark-2026-11-26-claimreview.jsonld',
      mime: 'application/ld+json',
      claims: { reviewed: 4, leftOut: 0 },
    });
    const doc = checked(JSON.parse(file.parts.join(''))) as { '@graph': unknown[] };
    expect(doc['@graph']).toHaveLength(4);
    const unnamed = await buildExportFile(db, all, all, 'claimreview', NOW);
    expect(unnamed.claims).toEqual({ reviewed: 4, leftOut: 4 });
    const library = await buildExportFile(db, all, all, 'claimmark', NOW, { settings: REVIEWER });
    const parsed = parseImportFile(library.parts.join(''), NOW);
    expect(parsed.ok && parsed.settings).toEqual(REVIEWER);
  });
});
