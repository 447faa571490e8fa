import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/lib/article/detect/index';
import { fixturePages, readFixture } from '../support/fixtures';

const docOf = (html: string, url: string): Document => new JSDOM(html, { url }).window.document;
const prose = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Sentence ${i} of a long story, told in full words so that it reads like prose. It goes on.</p>`,
  ).join('');

describe.each(fixturePages())('detection of shared fixture %s', (name) => {
  const expected = JSON.parse(readFixture('pages', `${name}.expected.json`)) as {
    url?: string;
    isArticle: boolean;
  };
  const url = expected.url ?? `https://example.com/${name}.html`;

  it('agrees with the expectation and gives reasons', () => {
    const d = detectArticle(docOf(readFixture('pages', `${name}.html`), url), url);
    expect(d.isArticle).toBe(expected.isArticle);
    expect(d.reasons.length).toBeGreaterThan(0);
  });
});

describe('detectArticle', () => {
  it('finds the article type inside @graph and arrays', () => {
    const html = `<html><head><script type="application/ld+json">[{"@context":"https://schema.org",
      "@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"],"headline":"Story"}]}]</script>
      </head><body><h1>Story</h1>${prose(12)}</body></html>`;
    const d = detectArticle(
      docOf(html, 'https://x.example/news/a-long-story-slug'),
      'https://x.example/news/a-long-story-slug',
    );
    expect(d.isArticle).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/ReportageNewsArticle/);
  });

  it('does not call a teaser list with article claims of its items an article', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<div><h3><a href="/s${i}">Story ${i}</a></h3><p>Teaser.</p></div>`,
    ).join('');
    const html = `<html><head><meta property="og:type" content="website"><script type="application/ld+json">
      {"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle","headline":"Story 1"}}]}</script>
      </head><body><h1>World</h1>${items}</body></html>`;
    expect(
      detectArticle(docOf(html, 'https://x.example/world'), 'https://x.example/world').isArticle,
    ).toBe(false);
  });

  it('does not call a video or recipe page an article', () => {
    const video = `<html><head><meta property="og:type" content="video.other"></head>
      <body><h1>Clip</h1><video></video><p>A short description of the clip.</p></body></html>`;
    expect(
      detectArticle(docOf(video, 'https://x.example/video/clip'), 'https://x.example/video/clip')
        .isArticle,
    ).toBe(false);
    const recipe = `<html><head><script type="application/ld+json">{"@type":"Recipe","name":"Cake"}</script></head>
      <body><h1>Cake</h1>${prose(3)}</body></html>`;
    expect(
      detectArticle(docOf(recipe, 'https://x.example/cake'), 'https://x.example/cake').isArticle,
    ).toBe(false);
  });

  it('recognises an unmarked story by its prose', () => {
    const html = `<html><body><h1>An unmarked story</h1>${prose(20)}</body></html>`;
    const url = 'https://x.example/2025/10/16/an-unmarked-story';
    expect(detectArticle(docOf(html, url), url).isArticle).toBe(true);
  });

  it('never throws on hostile documents', () => {
    const empty = new JSDOM('').window.document;
    empty.documentElement.replaceChildren();
    expect(detectArticle(empty, 'https://x.example/').isArticle).toBe(false);
    const broken = `<html><head><script type="application/ld+json">{"@type": "NewsArticle",,,</script></head><body></body></html>`;
    expect(() => detectArticle(docOf(broken, 'https://x.example/'), 'nonsense')).not.toThrow();
  });
});
