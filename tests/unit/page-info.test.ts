import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPageInfo } from '@/lib/page/page-info';

function doc(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('readPageInfo', () => {
  it('reports URL, collapsed title and the canonical link resolved against the page', () => {
    const page = doc(`<title>  Trump, Putin
      to meet  </title><link rel="canonical" href="/news/story">`);
    expect(readPageInfo(page, 'https://example.com/amp/story?x=1')).toEqual({
      url: 'https://example.com/amp/story?x=1',
      title: 'Trump, Putin to meet',
      canonicalUrl: 'https://example.com/news/story',
    });
  });

  it('falls back to og:url, and to null for a page with no canonical link', () => {
    const og = doc('<meta property="og:url" content="https://example.com/og">');
    expect(readPageInfo(og, 'https://example.com/a')?.canonicalUrl).toBe('https://example.com/og');
    expect(readPageInfo(doc('<title>x</title>'), 'https://example.com/a')?.canonicalUrl).toBeNull();
  });

  it('ignores canonical links that are not http(s)', () => {
    const page = doc('<link rel="canonical" href="javascript:alert(1)">');
    expect(readPageInfo(page, 'https://example.com/a')?.canonicalUrl).toBeNull();
  });

  it('does nothing on pages that are not http(s)', () => {
    expect(readPageInfo(doc('<title>x</title>'), 'file:///home/me/a.html')).toBeNull();
    expect(readPageInfo(doc('<title>x</title>'), 'about:blank')).toBeNull();
  });

  it('caps an absurdly long title so the report stays valid', () => {
    const page = doc(`<title>${'a'.repeat(10_000)}</title>`);
    expect(readPageInfo(page, 'https://example.com/')?.title).toHaveLength(500);
  });
});
