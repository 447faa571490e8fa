import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseHttpUrl } from '@/lib/page/normalize-url';
import { articleKey, isTrustedCanonical } from '@/lib/page/article-key';

describe('normalizeUrl', () => {
  it('drops fragments, tracking parameters and credentials', () => {
    expect(
      normalizeUrl(
        'https://user:pw@Example.com:443/news/story?id=7&utm_source=nl&utm_medium=mail&fbclid=abc#comments',
      ),
    ).toBe('https://example.com/news/story?id=7');
  });

  it('removes an emptied query entirely and keeps the path as written', () => {
    expect(normalizeUrl('https://example.com/a/b/?gclid=1')).toBe('https://example.com/a/b/');
  });

  it('leaves meaningful parameters in their order', () => {
    expect(normalizeUrl('http://example.com/?b=2&a=1')).toBe('http://example.com/?b=2&a=1');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(normalizeUrl('file:///etc/passwd')).toBeNull();
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('chrome://extensions')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
    expect(parseHttpUrl('/relative')).toBeNull();
    expect(parseHttpUrl('/relative', 'https://example.com/x')?.toString()).toBe(
      'https://example.com/relative',
    );
  });
});

describe('articleKey', () => {
  const page = 'https://amp.example.com/news/story.amp?utm_campaign=x';

  it('keys an article by its canonical URL when it stays on the same site', () => {
    expect(
      articleKey({
        url: page,
        title: 't',
        article: null,
        canonicalUrl: 'https://www.example.com/news/story#top',
      }),
    ).toBe('https://www.example.com/news/story');
  });

  it('falls back to the page URL without a canonical link', () => {
    expect(articleKey({ url: page, title: 't', article: null, canonicalUrl: null })).toBe(
      'https://amp.example.com/news/story.amp',
    );
  });

  it('ignores a canonical link that points at another site', () => {
    expect(isTrustedCanonical(page, 'https://attacker.test/news/story')).toBe(false);
    expect(
      articleKey({ url: page, title: 't', article: null, canonicalUrl: 'https://attacker.test/x' }),
    ).toBe('https://amp.example.com/news/story.amp');
  });

  it('accepts sub- and parent domains of the page', () => {
    expect(isTrustedCanonical('https://m.news.example.com/a', 'https://example.com/a')).toBe(true);
    expect(isTrustedCanonical('https://example.com/a', 'https://news.example.com/a')).toBe(true);
    expect(isTrustedCanonical('https://badexample.com/a', 'https://example.com/a')).toBe(false);
  });
});
