import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readArticle } from '@/lib/article/read-article';
import { PageReportSchema } from '@/lib/model';

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
