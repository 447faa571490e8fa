import { describe, expect, it } from 'vitest';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { MAX_POSITION } from '@/lib/exchange/settle';
import { RECORD_LIMITS, type AnnotationRecord } from '@/lib/model';
import { ANNOTATIONS, FULL_ARTICLE } from './exchange-fixtures';

// Files a hostile page or a careless tool could hand the reader: each is read without harm, and
// every record comes in as the extension itself would have written it, or not at all.

const NOW = new Date('2026-11-26T10:00:00Z');
const [claim] = ANNOTATIONS as [AnnotationRecord];

function file(annotations: unknown[], articles: unknown[] = []): string {
  return JSON.stringify({ format: 'claimmark', version: 1, articles, annotations });
}

function read(text: string) {
  const result = parseImportFile(text, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('hostile import files', () => {
  it('takes upper- and lower-case spellings of one UUID as one note', () => {
    const upper = { ...claim, id: claim.id.toUpperCase(), note: 'older' };
    const lower = { ...claim, note: 'newer', modifiedAt: '2026-11-01T00:00:00.000Z' };
    const result = read(file([upper, lower]));
    expect(result.annotations.map((a) => [a.id, a.note])).toEqual([[claim.id, 'newer']]);
    expect(result.skipped).toHaveLength(1);
  });

  it('refuses days that do not exist and times after the import', () => {
    const result = read(
      file([
        { ...claim, id: crypto.randomUUID(), createdAt: '2026-02-31T00:00:00.000Z' },
        { ...claim, id: crypto.randomUUID(), modifiedAt: '9999-12-31T23:59:59.000Z' },
      ]),
    );
    expect(result.annotations).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'no such day in the calendar',
      'a time in the future (9999-12-31T23:59:59.000Z)',
    ]);
  });

  it('files notes and articles under addresses normalised as the extension does', () => {
    const tracked = 'https://user:secret@news.example.com/2025/10/summit?utm_source=x#top';
    const w3c = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: `urn:uuid:${claim.id.toUpperCase()}`,
      target: {
        source: tracked,
        selector: { type: 'TextQuoteSelector', exact: claim.quote },
      },
    });
    const fromW3c = read(w3c).annotations[0];
    expect(fromW3c?.articleUrl).toBe(FULL_ARTICLE.url);
    expect(fromW3c?.id).toBe(claim.id);

    const own = read(
      file([{ ...claim, articleUrl: tracked }], [{ ...FULL_ARTICLE, url: tracked }]),
    );
    expect(own.articles[0]?.url).toBe(FULL_ARTICLE.url);
    expect(own.annotations[0]?.articleUrl).toBe(FULL_ARTICLE.url);
  });

  it('drops an article’s canonical link on another site, which the library would open', () => {
    const phish = { ...FULL_ARTICLE, canonicalUrl: 'https://phish.example.net/login' };
    const own = {
      ...FULL_ARTICLE,
      url: 'https://news.example.org/b',
      seenAt: ['https://news.example.org/b'],
      canonicalUrl: 'https://www.news.example.org/b',
    };
    const result = read(file([], [phish, own]));
    expect(result.articles.map((a) => a.canonicalUrl)).toEqual([null, own.canonicalUrl]);
  });

  it('trims an article seen at too many addresses instead of refusing it', () => {
    const seenAt = Array.from({ length: 400 }, (_, i) => `${FULL_ARTICLE.url}?page=${String(i)}`);
    const result = read(file([], [{ ...FULL_ARTICLE, seenAt }]));
    const kept = result.articles[0]?.seenAt ?? [];
    expect(kept).toHaveLength(RECORD_LIMITS.seenAt);
    expect(kept[0]).toBe(seenAt[0]);
    expect(kept.at(-1)).toBe(seenAt.at(-1));
  });

  it('says plainly what is wrong with a deeply nested file', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const text of [`{"format": ${deep}}`, `{"format": "claimmark", "version": ${deep}}`]) {
      const result = parseImportFile(text, NOW);
      expect(result.ok).toBe(false);
      // A sentence for the reader, not the engine's "Maximum call stack size exceeded".
      if (!result.ok) {
        expect(result.error).toMatch(/^This (file|Claimmark file)/);
        expect(result.error).not.toMatch(/stack|RangeError/i);
        expect(result.error.length).toBeLessThan(300);
      }
    }
    // Deep data in a field a record does not use is skipped like any other bad record.
    const note = read(file([{ ...claim, note: '<deep>' }]).replace('"<deep>"', deep));
    expect(note.annotations).toEqual([]);
  });

  it('never echoes more than a short excerpt of what the file holds', () => {
    const huge = 'x'.repeat(20_000_000);
    for (const text of [
      JSON.stringify({ format: huge }),
      JSON.stringify({ format: 'claimmark', version: huge }),
      `{"format": "claimmark", "version": 1, ${huge}`,
    ]) {
      const result = parseImportFile(text, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeLessThan(400);
    }
  });
});

describe('position hints in import files', () => {
  const withPosition = (position: unknown) => ({
    ...claim,
    id: crypto.randomUUID(),
    selectors: { ...claim.selectors, position },
  });

  it('mends a broken position rather than refusing the note, or drops it', () => {
    const cases: [unknown, { start: number; end: number } | undefined][] = [
      [
        { type: 'TextPositionSelector', start: -5, end: 3.7 },
        { start: 0, end: 4 },
      ],
      [
        { type: 'TextPositionSelector', start: 90, end: 20 },
        { start: 20, end: 90 },
      ],
      [
        { type: 'TextPositionSelector', start: 1e308, end: 1e308 },
        { start: MAX_POSITION, end: MAX_POSITION },
      ],
      [{ type: 'TextPositionSelector', start: 'x', end: 2 }, undefined],
      [{ type: 'TextPositionSelector', start: 1 }, undefined],
      [null, undefined],
      ['12-40', undefined],
    ];
    const records = cases.map(([position]) => withPosition(position));
    const result = read(file(records));
    expect(result.skipped).toEqual([]);
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    cases.forEach(([, want], i) => {
      const got = byId.get(records[i]?.id ?? '')?.selectors.position;
      expect(got, JSON.stringify(cases[i]?.[0])).toEqual(
        want ? { type: 'TextPositionSelector', ...want } : undefined,
      );
    });
  });

  it('mends a W3C annotation’s position the same way', () => {
    const w3c = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: `urn:uuid:${claim.id}`,
      target: {
        source: FULL_ARTICLE.url,
        selector: [
          { type: 'TextQuoteSelector', exact: claim.quote },
          { type: 'TextPositionSelector', start: 500.4, end: -3 },
        ],
      },
    });
    expect(read(w3c).annotations[0]?.selectors.position).toEqual({
      type: 'TextPositionSelector',
      start: 0,
      end: 500,
    });
  });
});
