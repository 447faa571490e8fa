import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findDatesInText, parseDateValue, parseIsoLike } from '@/lib/article/metadata/dates';
import { cleanTitle } from '@/lib/article/metadata/headline';
import { extractMetadata, normaliseLanguage } from '@/lib/article/metadata/index';
import { parseLenient } from '@/lib/article/metadata/jsonld';
import { parseByline } from '@/lib/article/metadata/byline';
import { fixturePages, readFixture, type ExpectedMetadata } from '../support/fixtures';

type Expected = ExpectedMetadata;

const NOW = Date.parse('2025-10-20T00:00:00Z');
const day = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 10));
const docOf = (html: string, url = 'https://news.example.com/2025/story'): Document =>
  new JSDOM(html, { url }).window.document;

describe.each(fixturePages())('metadata of shared fixture %s', (name) => {
  const expected = JSON.parse(readFixture('pages', `${name}.expected.json`)) as Expected;
  const url = expected.url ?? `https://example.com/${name}.html`;
  const meta = extractMetadata(docOf(readFixture('pages', `${name}.html`), url), url, { now: NOW });

  it.runIf(expected.isArticle)('matches the expected fields', () => {
    expect(meta.headline).toBe(expected.headline);
    expect(day(meta.published)).toBe(expected.published);
    expect(day(meta.modified)).toBe(expected.modified);
    expect(meta.byline).toEqual(expected.byline);
    expect(meta.siteName).toBe(expected.siteName);
  });
});

describe('extractMetadata on the full Budapest page', () => {
  const url =
    'https://kyivindependent.com/trump-putin-to-meet-in-budapest-for-new-ukraine-peace-push/';
  const meta = extractMetadata(docOf(readFixture('pages', 'budapest-summit.html'), url), url, {
    now: NOW,
  });

  it('keeps the page offset and reads the other fields', () => {
    expect(meta.published).toBe('2025-10-16T20:05:00+00:00');
    expect(meta.language).toBe('en');
    expect(meta.canonicalUrl).toBe(url);
    expect(meta.description).toMatch(/^U\.S\. President Donald Trump will meet/);
  });

  it('reads the later modified date of the updated page', () => {
    const updated = extractMetadata(
      docOf(readFixture('pages', 'budapest-summit-updated.html'), url),
      url,
      { now: NOW },
    );
    expect(day(updated.modified)).toBe('2025-10-17');
    expect(day(updated.published)).toBe('2025-10-16');
  });
});

describe('headline', () => {
  const hints = { siteName: 'The Kyiv Independent', hostKey: 'kyivindependent' };

  it('strips the site name from titles', () => {
    expect(cleanTitle('Budapest summit | The Kyiv Independent', hints)).toBe('Budapest summit');
    expect(cleanTitle('Budapest summit - The Kyiv Independent', hints)).toBe('Budapest summit');
    expect(cleanTitle('The Kyiv Independent: Budapest summit', hints)).toBe('Budapest summit');
    expect(cleanTitle('The Kyiv Independent', hints)).toBeNull();
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(cleanTitle('Bayern - Dortmund: a classic match ends in a draw again', hints)).toBe(
      'Bayern - Dortmund: a classic match ends in a draw again',
    );
  });

  it('prefers the visible h1 that agrees with og:title over a teaser heading', () => {
    const doc = docOf(`<html><head><title>Rates rise again – Daily Planet</title>
      <meta property="og:title" content="Rates rise again"></head><body>
      <h1>Rates rise again</h1><p>Text.</p>
      <aside><h1><a href="/other">Another story entirely</a></h1></aside></body></html>`);
    expect(extractMetadata(doc, 'https://dailyplanet.example/rates').headline).toBe(
      'Rates rise again',
    );
  });
});

describe('byline', () => {
  const hints = { siteName: 'Daily Planet', hostKey: 'dailyplanet' };

  it('drops "By", roles, dates and "and"', () => {
    expect(parseByline('By Jane Doe and John Roe', hints)).toEqual(['Jane Doe', 'John Roe']);
    expect(parseByline('Von Benjamin Fischer und Marcus Theurer', hints)).toEqual([
      'Benjamin Fischer',
      'Marcus Theurer',
    ]);
    expect(parseByline('By Evan Halper | Staff Writer', hints)).toEqual(['Evan Halper']);
    expect(parseByline('Jane Doe, Staff Writer', hints)).toEqual(['Jane Doe']);
    expect(parseByline('von lupa am 26/10/13, 03:48 pm', hints)).toEqual(['lupa']);
  });

  it('refuses organisations, URLs and labels', () => {
    expect(parseByline('https://www.facebook.com/dailyplanet', hints)).toEqual([]);
    expect(parseByline('Daily Planet', hints)).toEqual([]);
    expect(parseByline('Posted on', hints)).toEqual([]);
    expect(parseByline('Deutsches Rotes Kreuz e.V.', hints)).toEqual([]);
  });

  it('reads Person authors from JSON-LD, not Organizations', () => {
    const doc = docOf(`<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"A story",
       "author":[{"@id":"#p1"},{"@type":"Organization","name":"Daily Planet"}]},
       {"@type":"Person","@id":"#p1","name":"Lois Lane"}]}</script></head>
      <body><h1>A story</h1><p>By Lois Lane</p></body></html>`);
    expect(extractMetadata(doc, 'https://dailyplanet.example/a').byline).toEqual(['Lois Lane']);
  });

  it('is empty when the page names nobody', () => {
    const doc = docOf('<html><body><h1>A story</h1><p>Some text.</p></body></html>');
    expect(extractMetadata(doc, 'https://dailyplanet.example/a').byline).toEqual([]);
  });
});

describe('dates', () => {
  it('parses machine-readable values, keeping offsets', () => {
    expect(parseIsoLike('2019-05-07T10:00:00+0200', NOW)).toMatchObject({
      year: 2019,
      month: 5,
      day: 7,
      time: '10:00:00',
      offset: '+02:00',
    });
    expect(parseIsoLike('20190507', NOW)).toMatchObject({ year: 2019, month: 5, day: 7 });
  });

  it('refuses impossible and future dates', () => {
    expect(parseIsoLike('2025-13-45', NOW)).toBeNull();
    expect(parseIsoLike('2023-02-29', NOW)).toBeNull();
    expect(parseIsoLike('2031-01-01T00:00:00Z', NOW)).toBeNull();
    expect(parseIsoLike('0001-01-01T00:00:00Z', NOW)).toBeNull();
    expect(parseDateValue('32.01.2019', 'de', NOW)).toBeNull();
  });

  it('reads written dates in several languages', () => {
    const days = (text: string, lang: string | null) =>
      findDatesInText(text, lang, NOW).map(
        (d) => `${d.parts.year}-${d.parts.month}-${d.parts.day}`,
      );
    expect(days('Oct. 16, 2025 5:27 PM', 'en')).toEqual(['2025-10-16']);
    expect(days('Veröffentlicht am 7. Mai 2019', 'de')).toEqual(['2019-5-7']);
    expect(days('Stand: 07.05.2019', 'de')).toEqual(['2019-5-7']);
    expect(days('le 1er janvier 2020', 'fr')).toEqual(['2020-1-1']);
    expect(days('7 de mayo de 2019', 'es')).toEqual(['2019-5-7']);
    expect(days('5/7/2019', 'en-US')).toEqual(['2019-5-7']);
    expect(days('5/7/2019', 'en-GB')).toEqual(['2019-7-5']);
  });

  it('does not take a date from a teaser list or the footer', () => {
    const doc = docOf(`<html><body><h1>A story without a date</h1>
      <p>${'Words of the story. '.repeat(30)}</p>
      <aside><a href="/x">Other story</a> <time datetime="2025-10-09">Oct 9, 2025</time></aside>
      <footer>© 2025 Daily Planet</footer></body></html>`);
    expect(
      extractMetadata(doc, 'https://dailyplanet.example/a', { now: NOW }).published,
    ).toBeNull();
  });

  it('takes the day from the URL path', () => {
    const doc = docOf('<html><body><h1>A story</h1></body></html>');
    expect(
      extractMetadata(doc, 'https://x.example/2019/05/07/a-story/', { now: NOW }).published,
    ).toBe('2019-05-07');
  });
});

describe('hostile input', () => {
  it('survives broken JSON-LD and still reads what is readable', () => {
    expect(parseLenient('{"a": 1,}')).toEqual({ a: 1 });
    expect(parseLenient('{not json')).toBeUndefined();
    const doc = docOf(`<html><head>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-13-45"}</script>
      <meta property="article:published_time" content="2099-01-01T00:00:00Z">
      </head><body><h1>Hello world story</h1></body></html>`);
    const meta = extractMetadata(doc, 'https://x.example/a', { now: NOW });
    expect(meta.published).toBeNull();
    expect(meta.headline).toBe('Hello world story');
  });

  it('handles a document without body, an XML document and an empty one', () => {
    const noBody = new JSDOM('').window.document;
    noBody.documentElement.replaceChildren();
    expect(() => extractMetadata(noBody, 'https://x.example/')).not.toThrow();
    const xml = new JSDOM('<rss><channel><title>Feed</title></channel></rss>', {
      contentType: 'application/xml',
    }).window.document;
    const meta = extractMetadata(xml, 'not a url');
    expect(meta.published).toBeNull();
    expect(meta.byline).toEqual([]);
    expect(extractMetadata(docOf(''), 'https://x.example/').headline).toBeNull();
  });

  it('bounds a huge page', () => {
    const huge = docOf(
      `<html><body><h1>A big page</h1>${'<p>Paragraph of text, with a date 1. Mai 2019 in it.</p>'.repeat(20000)}</body></html>`,
    );
    // Reads are capped (nodes walked, characters scanned), so this finishes; speed is for the benchmark.
    const meta = extractMetadata(huge, 'https://x.example/a');
    expect(meta.headline).toBe('A big page');
  }, 30_000);

  it('normalises language tags', () => {
    expect(normaliseLanguage('de_DE')).toBe('de-DE');
    expect(normaliseLanguage('EN')).toBe('en');
    expect(normaliseLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseLanguage('not a language!')).toBeNull();
  });
});
