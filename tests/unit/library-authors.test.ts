import { describe, expect, it } from 'vitest';
import { authorKey, authorOptions, othersAuthor } from '@/lib/library/authors';
import { buildCatalogEntry } from '@/lib/library/catalog-entry';
import { createLibraryIndex } from '@/lib/library/search-index';
import { NO_FILTERS, type LibraryFilters } from '@/lib/library/types';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import { highlightRecord } from '../support/records';

// Issue 16: a shared library filtered by author and by notes edited on two devices.

const time = '2026-01-01T12:00:00.000Z';
const story: ArticleRecord = {
  url: 'https://news.example.com/story',
  title: 'Story',
  canonicalUrl: null,
  seenAt: ['https://news.example.com/story'],
  savedAt: time,
  updatedAt: time,
};

function note(quote: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return highlightRecord(story.url, quote, time, extra);
}

const unsigned = note('unsigned');
const bea = note('signed by Bea', { author: 'Bea' });
const ana = note('signed by Ana', { author: 'Ana' });
const ana2 = note('Ana again', {
  author: 'Ana',
  conflicts: [
    {
      at: time,
      fields: { kind: 'highlight', note: 'x', status: null, evidence: [], tags: [], color: 'blue' },
    },
  ],
});
const index = createLibraryIndex([buildCatalogEntry(story.url, story, [unsigned, bea, ana, ana2])]);
const ids = (filters: Partial<LibraryFilters>) =>
  new Set(
    index.query({ text: '', filters: { ...NO_FILTERS, ...filters } }).hits.flatMap((h) => h.items),
  );

describe('the author facet and filter', () => {
  it('the catalog keeps each note’s author and how many conflicts wait', () => {
    const entry = buildCatalogEntry(story.url, story, [unsigned, ana2]);
    const byId = new Map(entry.items.map((i) => [i.id, i]));
    expect(byId.get(unsigned.id)).not.toHaveProperty('author');
    expect(byId.get(unsigned.id)).not.toHaveProperty('conflicts');
    expect(byId.get(ana2.id)).toMatchObject({ author: 'Ana', conflicts: 1 });
  });

  it('counts notes by author, unsigned ones under ""', () => {
    expect(index.facets().authors).toEqual([
      { value: 'Ana', count: 2 },
      { value: '', count: 1 },
      { value: 'Bea', count: 1 },
    ]);
    expect(index.facets().conflicted).toBe(1);
  });

  it('a library with no signed note has one author, the reader', () => {
    const own = createLibraryIndex([buildCatalogEntry(story.url, story, [unsigned])]);
    expect(own.facets().authors).toEqual([{ value: '', count: 1 }]);
    expect(authorOptions(own.facets().authors, 'Bea')).toHaveLength(1);
  });

  it('the reader’s options merge their unsigned and signed notes into "me", first', () => {
    const options = authorOptions(index.facets().authors, 'Bea');
    expect(options).toEqual([
      { key: 'me', label: 'Bea (me)', names: ['', 'Bea'], count: 2 },
      { key: 'author:Ana', label: 'Ana', names: ['Ana'], count: 2 },
    ]);
    // Without a name, only unsigned notes are the reader's; Bea is someone else.
    expect(authorOptions(index.facets().authors, '').map((o) => o.label)).toEqual([
      'Me',
      'Ana',
      'Bea',
    ]);
    expect(authorKey(['', 'Bea'], 'Bea')).toBe('me');
    expect(authorKey(['Ana'], 'Bea')).toBe('author:Ana');
    expect(authorKey([], 'Bea')).toBe('');
  });

  it('filters by author: "me" is unsigned and signed with the reader’s name', () => {
    expect(ids({ authors: ['Ana'] })).toEqual(new Set([ana.id, ana2.id]));
    expect(ids({ authors: ['', 'Bea'] })).toEqual(new Set([unsigned.id, bea.id]));
    expect(ids({ authors: ['Nobody'] })).toEqual(new Set());
    expect(ids({ authors: ['Ana'], conflicts: true })).toEqual(new Set([ana2.id]));
    expect(ids({ conflicts: true })).toEqual(new Set([ana2.id]));
  });

  it('the row names the author only when the note is not the reader’s', () => {
    expect(othersAuthor(undefined, 'Bea')).toBeNull();
    expect(othersAuthor('Bea', 'Bea')).toBeNull();
    expect(othersAuthor('Ana', 'Bea')).toBe('Ana');
    expect(othersAuthor('Ana', '')).toBe('Ana');
  });
});
