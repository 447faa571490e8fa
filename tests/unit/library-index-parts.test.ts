import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../lib/library/columns';
import { usualType } from '../../lib/library/facets';
import { itemPasses, resolveFilter } from '../../lib/library/filters';
import { foldText } from '../../lib/library/fold';
import { createMatchMarks, markQuery } from '../../lib/library/matching';
import { Names, selection } from '../../lib/library/names';
import { invertRows, rowHasSelected, type PackedRows } from '../../lib/library/packed-rows';
import { popcount } from '../../lib/library/ranking';
import { byRecency } from '../../lib/library/recency';
import { NO_FILTERS, type CatalogEntry, type CatalogItem } from '../../lib/library/types';
import { buildWordIndex, prefixRange, wordId } from '../../lib/library/word-index';

/** Packs plain arrays as rows. */
function pack(rows: number[][]): PackedRows {
  const start = new Uint32Array(rows.length + 1);
  rows.forEach((row, r) => (start[r + 1] = (start[r] ?? 0) + row.length));
  return { start, values: Uint32Array.from(rows.flat()) };
}

/** Unpacks rows as plain arrays. */
function unpack(rows: PackedRows): number[][] {
  return Array.from({ length: rows.start.length - 1 }, (_, r) =>
    Array.from(rows.values.subarray(rows.start[r], rows.start[r + 1])),
  );
}

function item(id: string, createdAt: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id,
    kind: 'highlight',
    status: null,
    tags: [],
    color: 'yellow',
    createdAt,
    modifiedAt: createdAt,
    anchoring: 'anchored',
    quote: id,
    note: '',
    text: foldText(id),
    ...extra,
  };
}

function entry(url: string, savedAt: string, items: CatalogItem[], text = ''): CatalogEntry {
  return {
    url,
    headline: url,
    site: `${url}.example`,
    savedAt,
    published: null,
    byline: [],
    entities: [],
    text: foldText(text),
    items,
  };
}

describe('packed rows', () => {
  it('inverts rows into postings, each row once per value, in row order', () => {
    const postings = invertRows(pack([[2, 0, 2], [1], [], [0, 1]]), 4);
    expect(unpack(postings)).toEqual([[0, 3], [1, 3], [0], []]);
  });

  it('tells whether a row holds a selected value', () => {
    const rows = pack([[0, 2], [1], []]);
    const selected = Uint8Array.from([0, 0, 1]);
    expect([0, 1, 2].map((r) => rowHasSelected(rows, r, selected))).toEqual([true, false, false]);
  });
});

describe('names', () => {
  it('numbers names first seen first, and selects only the names that exist', () => {
    const names = new Names();
    expect(['b', 'a', 'b', 'c'].map((n) => names.id(n))).toEqual([0, 1, 0, 2]);
    expect(names.find('zzz')).toBeUndefined();
    expect(selection(names, [])).toBeNull();
    expect(Array.from(selection(names, ['c', 'zzz', 'b']) ?? [])).toEqual([1, 0, 1]);
  });
});

describe('byRecency', () => {
  it('ranks oldest first, ties in position order, unreadable times first', () => {
    const ranks = byRecency(Float64Array.from([30, 10, -Infinity, 30, 20, 10]));
    expect(Array.from(ranks)).toEqual([2, 1, 5, 4, 0, 3]);
  });
});

describe('the vocabulary', () => {
  const vocabulary = ['ant', 'can', 'car', 'cart', 'dog'];

  it('finds the ids a prefix starts as one range, and the word itself when it is one', () => {
    expect(prefixRange(vocabulary, 'ca')).toEqual({ lo: 1, hi: 4, exact: -1 });
    expect(prefixRange(vocabulary, 'car')).toEqual({ lo: 2, hi: 4, exact: 2 });
    expect(prefixRange(vocabulary, 'zebra')).toEqual({ lo: 5, hi: 5, exact: -1 });
    expect(prefixRange(vocabulary, '')).toEqual({ lo: 0, hi: 5, exact: -1 });
  });

  it('gives the id of a whole word only', () => {
    expect(wordId(vocabulary, 'cart')).toBe(3);
    expect(wordId(vocabulary, 'ca')).toBe(-1);
  });
});

describe('buildWordIndex', () => {
  it('keeps each text’s words in order as ids of a sorted vocabulary, with postings both ways', () => {
    const entries = [entry('x', '2026-01-01T00:00:00.000Z', [], 'dog house')];
    const index = buildWordIndex(entries, ['red car', 'car  car dog']);
    expect(index.vocabulary).toEqual(['car', 'dog', 'house', 'red']);
    expect(unpack(index.itemTokens)).toEqual([
      [3, 0],
      [0, 0, 1],
    ]);
    expect(unpack(index.articleTokens)).toEqual([[1, 2]]);
    expect(unpack(index.itemPostings)).toEqual([[0, 1], [1], [], [0]]);
    expect(unpack(index.articlePostings)).toEqual([[], [0], [0], []]);
  });
});

describe('markQuery', () => {
  const texts = ['a red carpet', 'carpet red', 'red', 'reds and cars'];
  const index = buildWordIndex([entry('x', '2026-01-01T00:00:00.000Z', [], 'red car')], texts);
  const run = (words: string[]) => {
    const marks = createMatchMarks(texts.length, 1);
    const found = markQuery(index, words, marks);
    return { found, marks };
  };

  it('sets a bit per query word held as a prefix, and as a whole word', () => {
    const { found, marks } = run(['red', 'car']);
    expect(found).toEqual({ all: 0b11, single: false });
    expect(Array.from(marks.itemMatched)).toEqual([0b11, 0b11, 0b01, 0b11]);
    expect(Array.from(marks.itemWhole)).toEqual([0b01, 0b01, 0b01, 0b00]);
    expect(Array.from(marks.articleWhole)).toEqual([0b11]);
  });

  it('marks the texts holding the words in order, the last one as a prefix', () => {
    const { marks } = run(['red', 'car']);
    expect(Array.from(marks.itemPhrase)).toEqual([1, 0, 0, 0]);
    expect(Array.from(marks.articlePhrase)).toEqual([1]);
    expect(Array.from(run(['carpet', 're']).marks.itemPhrase)).toEqual([0, 1, 0, 0]);
    // A word before the last must be whole: "car red" is no phrase of "carpet red".
    expect(Array.from(run(['car', 'red']).marks.itemPhrase)).toEqual([0, 0, 0, 0]);
  });

  it('answers null when a word starts no word at all', () => {
    expect(run(['red', 'zebra']).found).toBeNull();
  });

  it('counts a repeated word once', () => {
    expect(run(['red', 'red']).found).toEqual({ all: 0b1, single: false });
  });
});

describe('buildColumns', () => {
  const old = entry('old', '2026-01-01T00:00:00.000Z', [
    item('o1', '2026-01-01T12:00:00.000Z', { kind: 'claim', status: 'false', tags: ['x', 'y'] }),
  ]);
  const unreadable = entry('unreadable', 'not a date', [item('u1', '2026-01-15T12:00:00.000Z')]);
  // Listed oldest first: the columns put them newest first. Made at noon UTC, so that the
  // days the date filter compares are the same in every time zone.
  const recent = entry('recent', '2026-02-01T00:00:00.000Z', [
    item('r1', '2026-01-20T12:00:00.000Z', { tags: ['y'] }),
    item('r2', '2026-02-03T12:00:00.000Z'),
  ]);
  const { columns, counts, texts } = buildColumns([old, unreadable, recent]);

  it('numbers articles newest saved first, unreadable last, and notes newest first', () => {
    expect(columns.entries.map((e) => e.url)).toEqual(['recent', 'old', 'unreadable']);
    expect(columns.ids).toEqual(['r2', 'r1', 'o1', 'u1']);
    expect(Array.from(columns.itemArticle)).toEqual([0, 0, 1, 2]);
    expect(Array.from(columns.articleStart)).toEqual([0, 2, 3, 4]);
    expect(texts).toEqual(['r2', 'r1', 'o1', 'u1']);
  });

  it('ranks notes by their last change and articles by their save time, together', () => {
    const order = Array.from(columns.byRank).map((o) =>
      o < columns.itemCount ? columns.ids[o] : `article ${columns.entries[o - 4]?.url}`,
    );
    expect(order).toEqual([
      'article unreadable',
      'article old',
      'o1',
      'u1',
      'r1',
      'article recent',
      'r2',
    ]);
  });

  it('counts what the facets offer', () => {
    expect(columns.tagNames.list).toEqual(['y', 'x']);
    expect(counts.tags).toEqual([2, 1]);
    expect(counts.kinds).toEqual([3, 1]);
    expect(counts.statuses.reduce((a, b) => a + b)).toBe(4);
    expect(counts.sites).toEqual([1, 1, 1]);
  });

  it('resolves filters into tables that pass the right notes', () => {
    const passing = (filters: Partial<typeof NO_FILTERS>) => {
      const f = resolveFilter({ ...NO_FILTERS, ...filters }, columns);
      return columns.ids.filter((_, i) => itemPasses(columns, f, i));
    };
    expect(passing({ kinds: ['claim'] })).toEqual(['o1']);
    expect(passing({ tags: ['y', 'unknown'] })).toEqual(['r1', 'o1']);
    expect(passing({ from: '2026-01-03', to: '2026-02-01' })).toEqual(['r1', 'u1']);
    const ignored = resolveFilter({ ...NO_FILTERS, from: 'soon' }, columns);
    expect(ignored.itemsOnly).toBe(false);
    const bySite = resolveFilter({ ...NO_FILTERS, sites: ['old.example'] }, columns);
    expect(Array.from(bySite.articles ?? [])).toEqual([0, 1, 0]);
    expect(bySite.itemsOnly).toBe(false);
  });
});

describe('small parts', () => {
  it('counts the bits of a 32-bit mask', () => {
    expect([0, 1, 0b1011, 0x80000000, 0xffffffff].map(popcount)).toEqual([0, 1, 3, 1, 32]);
  });

  it('gives an entity the type it is most often given, the first seen on a tie', () => {
    expect(usualType(['place', 'person', 'person'])).toBe('person');
    expect(usualType(['place', 'person'])).toBe('place');
    expect(usualType([])).toBe('organization');
  });
});
