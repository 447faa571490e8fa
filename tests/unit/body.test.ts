import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractBody } from '@/lib/article/body/index';
import { readFixture } from '../support/fixtures';

interface Expected {
  url?: string;
  headline: string;
  dates: { mustNot: { text: string }[] };
}

describe.each(['budapest-summit', 'budapest-summit-bare'])('body of %s', (name) => {
  const expected = JSON.parse(readFixture('pages', `${name}.expected.json`)) as Expected;
  const url = expected.url ?? `https://example.com/${name}.html`;
  const doc = new JSDOM(readFixture('pages', `${name}.html`), { url }).window.document;
  const before = doc.body.textContent;
  const body = extractBody(doc, url);

  it('holds the story and nothing of the teasers, feed or author bio', () => {
    expect(body).not.toBeNull();
    expect(body?.paragraphs[0]).toBe(expected.headline);
    expect(body?.text).toContain('Putin warned on Oct. 5');
    for (const { text } of expected.dates.mustNot) expect(body?.text).not.toContain(text);
    expect(body?.text).not.toContain('NEXTA');
    expect(body?.text).not.toContain('Narendra Modi');
  });

  it('leaves the page untouched', () => {
    expect(doc.body.textContent).toBe(before);
  });
});

describe('extractBody on hostile input', () => {
  it('returns null rather than throwing', () => {
    const empty = new JSDOM('').window.document;
    empty.documentElement.replaceChildren();
    expect(extractBody(empty, 'https://x.example/')).toBeNull();
    const xml = new JSDOM('<a><b>text</b></a>', { contentType: 'application/xml' }).window.document;
    expect(() => extractBody(xml, 'https://x.example/')).not.toThrow();
  });
});
