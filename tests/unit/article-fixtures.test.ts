import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/article/extract-page';
import type { EntityType } from '@/lib/article/types';
import { fixturePages, readFixture, type ExpectedMetadata } from '../support/fixtures';

interface EntityExpectation {
  must?: string[];
  mustNot?: string[];
}

interface Expected extends ExpectedMetadata {
  entities?: Partial<Record<EntityType, EntityExpectation>> & { merged?: string[][] };
  dates?: {
    must: { text: string; date: string }[];
    mustNot: { text: string; date: string }[];
  };
}

const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));
const pages = fixturePages();

describe.each(pages)('shared fixture %s', (name) => {
  const expected = JSON.parse(readFixture('pages', `${name}.expected.json`)) as Expected;
  const url = expected.url ?? `https://example.com/${name}.html`;
  const { article, analysis } = extractPage(
    new JSDOM(readFixture('pages', `${name}.html`), { url }).window.document,
    url,
  );
  const meta = article.metadata;

  it('is recognised as an article or not', () => {
    expect(article.detection.isArticle).toBe(expected.isArticle);
    if (!expected.isArticle) {
      // The body is analysed only when the reader asks; the page's metadata is read anyway.
      expect(analysis).toBeNull();
      expect(meta).not.toBeNull();
    }
  });

  it.runIf(expected.isArticle)('has the expected metadata', () => {
    expect(meta?.headline).toBe(expected.headline);
    expect(day(meta?.published ?? null)).toBe(expected.published);
    expect(day(meta?.modified ?? null)).toBe(expected.modified);
    expect(meta?.byline).toEqual(expected.byline);
    expect(meta?.siteName ?? null).toBe(expected.siteName);
  });

  it.runIf(expected.entities)('finds the entities it must, and none it must not', () => {
    const entities = analysis?.entities ?? [];
    for (const type of ['person', 'place', 'organization'] as const) {
      const names = entities.filter((e) => e.type === type).map((e) => e.name);
      const allNames = entities.flatMap((e) => [e.name, ...e.aliases]);
      for (const name of expected.entities?.[type]?.must ?? []) expect(names).toContain(name);
      for (const name of expected.entities?.[type]?.mustNot ?? [])
        expect(allNames).not.toContain(name);
    }
    for (const [canonical, ...aliases] of expected.entities?.merged ?? []) {
      const entity = entities.find((e) => e.name === canonical);
      expect(entity?.aliases).toEqual(expect.arrayContaining(aliases));
    }
  });

  it.runIf(expected.dates)('finds the dates it must, resolved, and none it must not', () => {
    const dates = (analysis?.dates ?? []).map((d) => ({ text: d.text, date: d.value }));
    for (const want of expected.dates?.must ?? []) expect(dates).toContainEqual(want);
    for (const unwanted of expected.dates?.mustNot ?? []) {
      expect(dates.map((d) => d.text)).not.toContain(unwanted.text);
    }
  });
});
