import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkedClaimReview } from '../support/claimreview-schema';
import { articleSaying, ANNOTATIONS } from './exchange-fixtures';
import { buildClaimReviews } from '@/lib/exchange/claimreview';
import { buildCsl } from '@/lib/exchange/csl';
import { exportVault } from '@/lib/exchange/vault';
import type { AnnotationRecord } from '@/lib/model';
import { DEFAULT_EXPORT_SETTINGS } from '@/lib/model/settings';

// Every converter on the same hard case: a 500-character claim of several sentences on an
// article with a non-Latin headline and no byline, site or date.
const QUOTE =
  `${'Министр заявил, что мост откроют весной, в срок и в рамках бюджета. '.repeat(8)}Конец.`.slice(
    0,
    500,
  );
const ARTICLE = articleSaying('https://news.example.ru/most', { headline: 'Мост откроют весной' });
const [base] = ANNOTATIONS as [AnnotationRecord];
const CLAIM: AnnotationRecord = {
  ...base,
  articleUrl: ARTICLE.url,
  status: 'false',
  quote: QUOTE,
  selectors: { quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } },
};
const NOW = new Date('2026-11-26T10:00:00Z');

describe('every export format on a 500-character claim under a non-Latin headline', () => {
  it('keeps what each format is for', () => {
    expect(QUOTE).toHaveLength(500);
    const settings = {
      ...DEFAULT_EXPORT_SETTINGS,
      reviewer: { name: 'Анна', organization: '', url: null },
    };
    const review = buildClaimReviews([ARTICLE], [CLAIM], settings);
    checkedClaimReview(review.document);
    expect(review.document['@graph']).toMatchObject([
      {
        claimReviewed: 'Министр заявил, что мост откроют весной, в срок и в рамках бюджета. …',
        itemReviewed: { appearance: { headline: 'Мост откроют весной' } },
      },
    ]);
    // The article's missing facts are reported, not guessed.
    expect(review.issues[0]?.lacking).toEqual([
      'itemReviewed.appearance.author',
      'itemReviewed.appearance.publisher',
      'itemReviewed.appearance.datePublished',
      'url',
    ]);
    const [item] = buildCsl([ARTICLE], [CLAIM]);
    expect(item?.title).toBe('Мост откроют весной');
    expect(item?.note).toContain(QUOTE.trim());
    expect(item).not.toHaveProperty('issued');
    const files = unzipSync(exportVault([ARTICLE], [CLAIM], NOW));
    const note = strFromU8(files['Claimmark/Мост откроют весной.md'] ?? new Uint8Array());
    expect(note).toContain(`> ${QUOTE.trim()}`);
    const link = /\[Open the passage\]\(<([^>]+)>\)/.exec(note)?.[1] ?? '';
    expect(link).toMatch(/^https:\/\/news\.example\.ru\/most#:~:text=[^,]+,[^,]+$/);
    expect(link.length).toBeLessThan(600);
  });
});
