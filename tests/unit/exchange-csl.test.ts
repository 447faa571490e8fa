import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, ARTICLES, FULL_ARTICLE, articleSaying } from './exchange-fixtures';
import { buildCsl, cslDate, cslName, type CslItem } from '@/lib/exchange/csl';

// A small CSL style and locale: citeproc-js needs both, and the test needs no network.
const STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Claimmark test</title><id>claimmark-test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <names variable="author" suffix=". "><name initialize-with="."/></names>
    <text variable="title"/>
    <text variable="container-title" prefix=". "/>
    <date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>
    <text variable="URL" prefix=". "/>
  </layout></bibliography>
</style>`;
const LOCALE = `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">
  <terms><term name="and">and</term><term name="et-al">et al.</term><term name="and others">and others</term></terms>
</locale>`;

/** The bibliography citeproc-js makes of these items, an entry per item. */
function bibliography(items: CslItem[]): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new CSL.Engine(
    { retrieveLocale: () => LOCALE, retrieveItem: (id) => byId.get(id) },
    STYLE,
  );
  engine.updateItems(items.map((i) => i.id));
  const result = engine.makeBibliography();
  if (!result) throw new Error('no bibliography');
  expect(result[0].bibliography_errors).toEqual([]);
  return result[1];
}

const JAPANESE = articleSaying('https://www.nikkei.example.jp/article/1', {
  headline: '日銀、金利を据え置き',
  byline: ['日経新聞'],
  siteName: '日本経済新聞',
  published: '2025-10',
  language: 'ja',
});

describe('CSL-JSON export', () => {
  it('writes one item per article, with its notes as plain text', () => {
    const items = buildCsl([...ARTICLES, JAPANESE], ANNOTATIONS);
    expect(items).toHaveLength(ARTICLES.length + 1);
    const full = items.find((i) => i.id === FULL_ARTICLE.url);
    expect(full).toMatchObject({
      type: 'article-newspaper',
      title: 'Trump and Putin to meet in Budapest',
      author: [
        { family: 'Kovács', given: 'Anna' },
        { family: 'Müller', given: 'Jürgen' },
      ],
      'container-title': 'Example News',
      issued: { 'date-parts': [[2025, 10, 16]] },
      accessed: { 'date-parts': [[2025, 10, 16]] },
      URL: FULL_ARTICLE.canonicalUrl,
      language: 'en',
    });
    // Made first, listed first; markup in a note stays text.
    expect(full?.note).toMatch(/^Claim \(disputed\): “Trump will meet Putin”\nCheck against/);
    expect(full?.note).toContain('Highlight: “within two weeks”');
    expect(full?.note).toContain('<script>');
    const japanese = items.find((i) => i.id === JAPANESE.url);
    expect(japanese).toMatchObject({
      title: '日銀、金利を据え置き',
      author: [{ literal: '日経新聞' }],
      issued: { 'date-parts': [[2025, 10]] },
      language: 'ja',
    });
    // A page Claimmark did not find to be an article is a web page.
    const bare = items.find((i) => i.type === 'webpage');
    expect(bare).toBeDefined();
    expect(bare).not.toHaveProperty('issued');
  });

  it('loads in citeproc-js, which renders a bibliography entry for each article', () => {
    const items = buildCsl([...ARTICLES, JAPANESE], ANNOTATIONS);
    const entries = bibliography(items);
    expect(entries).toHaveLength(items.length);
    const all = entries.join('\n');
    expect(all).toContain(
      'A. Kovács, J. Müller. Trump and Putin to meet in Budapest. Example News (2025)',
    );
    expect(all).toContain('日経新聞. 日銀、金利を据え置き. 日本経済新聞 (2025)');
  });

  it('splits a byline into family and given names only where it can', () => {
    expect(cslName('Anna  Kovács')).toEqual({ family: 'Kovács', given: 'Anna' });
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(cslName('Mary Ann de la Cruz')).toEqual({ family: 'de la Cruz', given: 'Mary Ann' });
    for (const literal of [
      'Reuters',
      'BBC News',
      'Staff Reporter',
      'AFP and Reuters',
      'the editors',
    ]) {
      expect(cslName(literal)).toEqual({ literal });
    }
    expect(cslDate('2025-10-16T12:30+02:00')).toEqual({ 'date-parts': [[2025, 10, 16]] });
    expect(cslDate('soon')).toBeNull();
    expect(cslDate('2025-13-45')).toEqual({ 'date-parts': [[2025]] });
    expect(cslDate('2025-02-30')).toEqual({ 'date-parts': [[2025, 2]] });
    expect(cslName('Martin Luther King Jr.')).toEqual({
      family: 'King',
      given: 'Martin Luther',
      suffix: 'Jr.',
    });
    expect(cslName('John Smith III')).toEqual({ family: 'Smith', given: 'John', suffix: 'III' });
    expect(cslName('de Gaulle')).toEqual({ literal: 'de Gaulle' });
  });
});
