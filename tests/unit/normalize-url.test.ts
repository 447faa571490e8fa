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

  it('decides the site by the Public Suffix List, not by stripping prefixes', () => {
    // amp.co.uk is a registrable domain of its own: it may not speak for the BBC.
    expect(isTrustedCanonical('https://amp.co.uk/story', 'https://www.bbc.co.uk/news/1')).toBe(
      false,
    );
    expect(isTrustedCanonical('https://www.bbc.co.uk/a', 'https://news.bbc.co.uk/a')).toBe(true);
    // com.au is a public suffix: m.com.au is not a mobile copy of every Australian site.
    expect(isTrustedCanonical('https://m.com.au/a', 'https://example.com.au/a')).toBe(false);
    expect(isTrustedCanonical('https://m.example.com.au/a', 'https://example.com.au/a')).toBe(true);
    // .blog is a top-level domain: www.blog is a site, not a prefix.
    expect(isTrustedCanonical('https://www.blog/a', 'https://other.blog/a')).toBe(false);
    // Writers on a platform that is not on the list are separate sites too.
    expect(
      isTrustedCanonical('https://evil.substack.com/p/a', 'https://victim.substack.com/p/a'),
    ).toBe(false);
    expect(isTrustedCanonical('https://www.substack.com/a', 'https://substack.com/a')).toBe(true);
    // Blogs on a shared host (a private suffix) are separate sites.
    expect(isTrustedCanonical('https://alice.github.io/a', 'https://bob.github.io/a')).toBe(false);
    // Hosts without a registrable domain are their own site.
    expect(isTrustedCanonical('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe(true);
    expect(isTrustedCanonical('http://127.0.0.1/a', 'http://127.0.0.2/a')).toBe(false);
  });
});
