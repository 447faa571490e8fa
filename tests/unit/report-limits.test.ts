import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readArticle } from '@/lib/article/read-article';
import { fitArticle } from '@/lib/article/report-limits';
import { PageReportSchema, type PageArticle } from '@/lib/model';

const url = 'https://news.example.com/2025/10/16/story';

describe('page report limits', () => {
  it("keeps a page's report valid however long the strings the page supplies", () => {
    const huge = 'x'.repeat(5_000);
    const types = Array.from({ length: 400 }, (_, i) => `NewsArticle${i}`);
    const ld = JSON.stringify({
      '@type': types,
      headline: `A story ${huge}`,
      author: [
        { '@type': 'Person', name: `Jane ${huge}` },
        { '@type': 'Person', name: 'Jo Roe' },
      ],
      datePublished: '2025-10-16T08:00:00Z',
    });
    const doc = new JSDOM(
      `<html lang="${huge}"><head><meta property="og:site_name" content="${huge}"><meta property="og:type" content="article${huge}"><meta name="description" content="${huge}"><script type="application/ld+json">${ld}</script></head><body><h1>A story ${huge}</h1><p>${'Words of the story. '.repeat(200)}</p></body></html>`,
      { url },
    ).window.document;
    const article = readArticle(doc, url);
    const report = { url, title: 'A story', canonicalUrl: null, article };
    const parsed = v.safeParse(PageReportSchema, report);
    expect(
      parsed.issues?.map((i) => `${i.path?.map((p) => String(p.key)).join('.')}: ${i.message}`),
    ).toBeUndefined();
    expect(article.metadata?.siteName?.length).toBeLessThanOrEqual(300);
    expect(article.metadata?.siteName?.endsWith('…')).toBe(true);
    expect(article.metadata?.published).toBe('2025-10-16T08:00:00Z');
    expect(article.metadata?.language).toBeNull();
  });
});

describe('fitArticle', () => {
  it('drops a date the report schema would refuse, and keeps the rest of the report', () => {
    const base: PageArticle = {
      detection: { isArticle: true, reasons: [] },
      metadata: {
        headline: 'A story',
        byline: [],
        siteName: null,
        published: '2025-10',
        modified: '2025-10-17T09:30:00+02:00',
        language: 'en',
        canonicalUrl: null,
        description: null,
      },
      hints: [],
    };
    const fitted = fitArticle(base);
    expect(fitted.metadata?.published).toBeNull();
    expect(fitted.metadata?.modified).toBe('2025-10-17T09:30:00+02:00');
    const report = { url, title: 'A story', canonicalUrl: null, article: fitted };
    expect(v.safeParse(PageReportSchema, report).success).toBe(true);
    expect(v.safeParse(PageReportSchema, { ...report, article: base }).success).toBe(false);
  });
});
