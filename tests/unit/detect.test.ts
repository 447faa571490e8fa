import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle, proseStats } from '@/lib/article/detect/index';
import { urlHint } from '@/lib/article/detect/url';
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

  it("calls a declared story with a story's head an article though its body has not loaded", () => {
    const teasers = Array.from(
      { length: 15 },
      (_, i) => `<h3><a href="/related-${i}">Related story number ${i}</a></h3>`,
    ).join('');
    const html = `<html><head><meta property="og:type" content="article">
      <meta property="og:title" content="Council approves the new bridge over the river">
      <title>Council approves the new bridge over the river - Example News</title></head>
      <body><h1>Teasers</h1><h1>Council approves the new bridge over the river</h1>
      <div id="story-body"><p>Loading…</p></div><aside>${teasers}</aside></body></html>`;
    for (const url of [
      'https://x.example/news/council-approves-new-bridge-river',
      'https://x.example/Politics/bridge/story?id=63250123',
    ]) {
      const d = detectArticle(docOf(html, url), url);
      expect(d.isArticle).toBe(true);
      expect(d.reasons).toContain('one main headline, as the page titles itself');
    }
  });

  it('lets no lack of prose outweigh a declared story at a story-like address', () => {
    const html = `<html><head><meta property="og:type" content="article"><title>Example Blog</title></head>
      <body><h1>Example Blog</h1><h2>Monster talks, part one</h2><p>Read on after the break.</p></body></html>`;
    const story = 'https://example.wordpress.com/2009/12/23/monster-talks-1/';
    const d = detectArticle(docOf(html, story), story);
    expect(d.isArticle).toBe(true);
    expect(d.reasons).toContain('little prose: 0 chars in the largest block');
    // Declared alone, without a story's address or headline, it is not enough.
    const page = 'https://example.wordpress.com/about';
    expect(detectArticle(docOf(html, page), page).isArticle).toBe(false);
  });

  it("does not take a section's name for a story's headline", () => {
    const teasers = Array.from(
      { length: 15 },
      (_, i) => `<h3><a href="/politics/story-${i}">Story number ${i} of the day</a></h3>`,
    ).join('');
    const html = `<html><head><meta property="og:type" content="article"><title>Politics - Example News</title></head>
      <body><h1>Politics</h1>${teasers}</body></html>`;
    const url = 'https://x.example/politics';
    const d = detectArticle(docOf(html, url), url);
    expect(d.isArticle).toBe(false);
    expect(d.reasons).toContain('15 linked headings (teasers)');
  });

  it('counts the byline and date by the headline as part of a story', () => {
    const html = `<html><head><title>Council approves the new bridge over the river</title></head>
      <body><h1>Council approves the new bridge over the river</h1><p>Loading…</p></body></html>`;
    const url = 'https://x.example/news/council-approves-new-bridge-river';
    const metadata = {
      headline: 'Council approves the new bridge over the river',
      byline: ['Jane Doe'],
      siteName: null,
      published: '2020-11-30',
      modified: null,
      language: null,
      canonicalUrl: null,
      description: null,
    };
    expect(detectArticle(docOf(html, url), url).isArticle).toBe(false);
    const d = detectArticle(docOf(html, url), url, { metadata });
    expect(d.isArticle).toBe(true);
    expect(d.reasons).toContain('a byline and a date');
  });

  it('measures prose in scripts written without spaces or sentence marks', () => {
    const paragraph = (text: string, n: number) =>
      Array.from({ length: n }, () => `<p>${text}</p>`).join('');
    const chinese = paragraph(
      '北京市政府三十日宣布，新增确诊病例数量继续下降，地铁和公交线路将于下周一起全面恢复正常运营，市民出行不再需要出示健康码。',
      10,
    );
    const thai = paragraph(
      'กรุงเทพมหานครประกาศมาตรการใหม่ในวันจันทร์ที่ผ่านมา เพื่อลดปัญหาฝุ่นละอองในเขตเมือง โดยขอความร่วมมือจากประชาชนให้ใช้ขนส่งสาธารณะ',
      10,
    );
    for (const body of [chinese, thai]) {
      const url = 'https://x.example/news/2020/11/30/story';
      const doc = docOf(`<html><body><h1>标题</h1>${body}</body></html>`, url);
      // Every paragraph counts, and a Chinese one weighs what its meaning would in English.
      expect(proseStats(doc)).toMatchObject({ blockParagraphs: 10 });
      expect(proseStats(doc).blockChars).toBeGreaterThan(1000);
      expect(detectArticle(doc, url).isArticle).toBe(true);
    }
  });

  it('never throws on hostile documents', () => {
    const empty = new JSDOM('').window.document;
    empty.documentElement.replaceChildren();
    expect(detectArticle(empty, 'https://x.example/').isArticle).toBe(false);
    const broken = `<html><head><script type="application/ld+json">{"@type": "NewsArticle",,,</script></head><body></body></html>`;
    expect(() => detectArticle(docOf(broken, 'https://x.example/'), 'nonsense')).not.toThrow();
  });
});

describe('what the address says', () => {
  it('takes a numeric query value for a story id, but not a time, a year or a page number', () => {
    const story = (url: string) => urlHint(url).reason === 'url: story-like path';
    expect(story('https://x.example/story?id=63250123')).toBe(true);
    expect(story('https://x.example/?p=4711')).toBe(true);
    expect(story('https://x.example/list?page=1234&id=98765')).toBe(true);
    expect(story('https://x.example/news?_=1700000000')).toBe(false);
    expect(story('https://x.example/archive?year=2024')).toBe(false);
    expect(story('https://x.example/list?page=1234')).toBe(false);
  });
});
