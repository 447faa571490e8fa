import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findDatesInText } from '@/lib/article/metadata/dates';
import { monthFromUrl, nearMidnightDay } from '@/lib/article/metadata/dates-page';
import { extractMetadata } from '@/lib/article/metadata/index';

const NOW = Date.parse('2025-10-20T00:00:00Z');
const docOf = (html: string, url: string): Document => new JSDOM(html, { url }).window.document;
const ld = (date: string): string =>
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A story","datePublished":"${date}"}</script>`;

describe('published dates', () => {
  it('drops a JSON-LD date the page never shows', () => {
    const doc = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1><p>${'Words. '.repeat(40)}</p></body></html>`,
      'https://x.example/a',
    );
    expect(extractMetadata(doc, 'https://x.example/a', { now: NOW }).published).toBeNull();
  });

  it('keeps a JSON-LD date whose day is written on the page', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1>\n<p>9 October 2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-09T10:00:00Z');
  });

  it('keeps a JSON-LD date shown only as an age, or matching the URL month', () => {
    const a = 'https://x.example/a';
    const aged = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1><p>vor 11 Minuten</p></body></html>`,
      a,
    );
    expect(extractMetadata(aged, a, { now: NOW }).published).toBe('2025-10-09T10:00:00Z');
    const b = 'https://x.example/2025/10/a-story/';
    const byUrl = docOf(
      `<html><head>${ld('2025-10-09')}</head><body><h1>A story</h1></body></html>`,
      b,
    );
    expect(extractMetadata(byUrl, b, { now: NOW }).published).toBe('2025-10-09');
  });

  it('takes the written day for a time stored near midnight in another zone', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><head>${ld('2025-10-08T22:04:00Z')}</head><body><h1>A story</h1><p>09.10.2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-09');
  });

  it('finds a date line below a long lead, but not in an aside', () => {
    const url = 'https://x.example/a';
    const lead = `<p>${'A long lead paragraph. '.repeat(40)}</p>`;
    const doc = docOf(
      `<html><body><h1>A story</h1>${lead}<p>16. Oktober 2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-16');
    const aside = docOf(
      `<html><body><h1>A story</h1>${lead}<aside>16. Oktober 2025</aside></body></html>`,
      url,
    );
    expect(extractMetadata(aside, url, { now: NOW }).published).toBeNull();
  });
});

describe('date helpers', () => {
  it('reads day / month-name / year with slashes or hyphens', () => {
    expect(findDatesInText('29 / Dezember / 2022', 'de', NOW)[0]?.parts).toMatchObject({
      year: 2022,
      month: 12,
      day: 29,
    });
    expect(findDatesInText('29-Dec-2022', 'en', NOW)[0]?.parts).toMatchObject({ month: 12 });
  });

  it('gives the neighbouring day only near midnight', () => {
    expect(nearMidnightDay('2019-10-18T22:04:00Z')).toBe('2019-10-19');
    expect(nearMidnightDay('2020-03-01T02:00:00Z')).toBe('2020-02-29');
    expect(nearMidnightDay('2019-10-18T12:00:00Z')).toBeNull();
    expect(nearMidnightDay('2019-10-18')).toBeNull();
  });

  it('reads the month of a dated URL path', () => {
    expect(monthFromUrl('https://x.example/2020/02/a/')).toBe('2020-02');
    expect(monthFromUrl('https://x.example/a/')).toBeNull();
  });
});
