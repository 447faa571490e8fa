import { afterEach, describe, expect, it } from 'vitest';
import type { EntityType } from '../../lib/article/types';
import { foldText } from '../../lib/library/fold';
import { createLibraryIndex } from '../../lib/library/search-index';
import {
  NO_FILTERS,
  type CatalogEntry,
  type CatalogItem,
  type LibraryFilters,
  type LibraryResult,
} from '../../lib/library/types';
import type { AnnotationKind, ClaimStatus } from '../../lib/model';

interface ItemSpec {
  id: string;
  quote: string;
  note?: string;
  tags?: string[];
  kind?: AnnotationKind;
  status?: ClaimStatus | null;
  createdAt?: string;
  modifiedAt?: string;
  outdated?: boolean;
}

interface EntrySpec {
  url: string;
  headline?: string;
  site?: string;
  savedAt?: string;
  byline?: string[];
  entities?: [EntityType, string, ...string[]][];
  items?: ItemSpec[];
}

// Built the way catalog-entry.ts builds them, so the folded texts are what storage holds.
function item(spec: ItemSpec): CatalogItem {
  const tags = spec.tags ?? [];
  const note = spec.note ?? '';
  const createdAt = spec.createdAt ?? '2026-01-01T12:00:00.000Z';
  return {
    id: spec.id,
    kind: spec.kind ?? (spec.status ? 'claim' : 'highlight'),
    status: spec.status ?? null,
    tags,
    color: 'yellow',
    createdAt,
    modifiedAt: spec.modifiedAt ?? createdAt,
    anchoring: 'anchored',
    quote: spec.quote,
    note,
    text: foldText(`${spec.quote} ${note} ${tags.join(' ')}`),
    ...(spec.outdated ? { outdated: true } : {}),
  };
}

function entry(spec: EntrySpec): CatalogEntry {
  const headline = spec.headline ?? '';
  const site = spec.site ?? 'example.com';
  const byline = spec.byline ?? [];
  const entities = (spec.entities ?? []).map(([type, name, ...aliases]) => ({
    type,
    name,
    aliases,
  }));
  const items = (spec.items ?? [])
    .map(item)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return {
    url: spec.url,
    headline,
    site,
    savedAt: spec.savedAt ?? '2026-01-01T00:00:00.000Z',
    published: null,
    byline,
    entities,
    text: foldText(
      [headline, site, ...byline, ...entities.flatMap((e) => [e.name, ...e.aliases])].join(' '),
    ),
    items,
  };
}

function ask(entries: CatalogEntry[], text: string, filters: Partial<LibraryFilters> = {}) {
  return createLibraryIndex(entries).query({ text, filters: { ...NO_FILTERS, ...filters } });
}

/** The result as "url: id id" lines, best first. */
function shape(result: LibraryResult): string[] {
  return result.hits.map((hit) => `${hit.url}:${hit.items.map((id) => ` ${id}`).join('')}`);
}

/** Matching annotation ids, best first. */
function ids(result: LibraryResult): string[] {
  return result.hits.flatMap((hit) => hit.items);
}

const hungary = entry({
  url: 'a',
  headline: 'Hungary’s election: the opposition closes in',
  site: 'telex.hu',
  savedAt: '2026-03-01T10:00:00.000Z',
  byline: ['Eszter Kovács'],
  entities: [
    ['person', 'Viktor Orbán', 'Orbán'],
    ['organization', 'Fidesz'],
  ],
  items: [
    {
      id: 'a1',
      quote: 'Viktor Orbán promised tax cuts for families',
      tags: ['economy'],
      status: 'disputed',
      createdAt: '2026-03-01T10:05:00.000Z',
    },
    {
      id: 'a2',
      quote: 'Turnout in Budapest was the highest since 1990',
      note: 'check against the election office',
      tags: ['elections', 'statistics'],
      createdAt: '2026-03-01T10:10:00.000Z',
    },
    {
      id: 'a3',
      quote: 'The government said wages rose',
      status: 'false',
      tags: ['economy'],
      createdAt: '2026-03-02T08:00:00.000Z',
    },
  ],
});
const poland = entry({
  url: 'b',
  headline: 'Warsaw budget talks stall',
  site: 'gazeta.pl',
  savedAt: '2026-02-01T10:00:00.000Z',
  entities: [
    ['person', 'Donald Tusk', 'Tusk'],
    ['place', 'Kraków'],
  ],
  items: [
    {
      id: 'b1',
      quote: 'cuts to the tax on fuel were promised by orban allies',
      note: 'Orban is not Polish: a mistake?',
      createdAt: '2026-02-01T11:00:00.000Z',
    },
    {
      id: 'b2',
      quote: 'Taxation of windfall profits in Kraków',
      kind: 'highlight',
      createdAt: '2026-02-02T11:00:00.000Z',
    },
  ],
});
const unread = entry({
  url: 'c',
  headline: 'Vietnam and the Mekong delta',
  site: 'nytimes.com',
  savedAt: '2026-01-15T10:00:00.000Z',
  entities: [['place', 'Vietnam']],
});
const library = [hungary, poland, unread];

describe('createLibraryIndex: search text', () => {
  it('matches word prefixes, ignoring case and accents both ways', () => {
    expect(ids(ask(library, 'promis'))).toEqual(expect.arrayContaining(['a1', 'b1']));
    expect(ids(ask(library, 'PROMISED'))).toEqual(expect.arrayContaining(['a1', 'b1']));
    // "orban" finds the accented quote; "Orbán" finds the unaccented note. Article a also names
    // Orbán among its entities, so all its annotations match, below its own mention.
    expect(shape(ask(library, 'orban'))).toEqual(['a: a1 a3 a2', 'b: b1']);
    expect(shape(ask(library, 'Orbán'))).toEqual(['a: a1 a3 a2', 'b: b1']);
    // Kraków is also an entity of article b, so b1 matches through it, below b2's own mention.
    expect(shape(ask(library, 'krakow'))).toEqual(['b: b2 b1']);
    expect(shape(ask(library, 'kra'))).toEqual(['b: b2 b1']);
  });

  it('only matches at the start of a word', () => {
    expect(ids(ask(library, 'axation'))).toEqual([]);
    expect(ask(library, 'rban').hits).toEqual([]);
  });

  it('needs every word to match, in the annotation or in its article', () => {
    expect(ids(ask(library, 'tax fuel'))).toEqual(['b1']);
    expect(ask(library, 'tax zebra').hits).toEqual([]);
    // "fidesz" is only an entity of the article, "wages" only in one quote.
    expect(shape(ask(library, 'fidesz wages'))).toEqual(['a: a3']);
  });

  it('searches tags, and headlines, sites, bylines and entity aliases through the article', () => {
    expect(ids(ask(library, 'statistics'))).toEqual(['a2']);
    // Every annotation of a matching article matches, newest first on equal scores.
    expect(shape(ask(library, 'telex'))).toEqual(['a: a3 a2 a1']);
    expect(shape(ask(library, 'kovacs'))).toEqual(['a: a3 a2 a1']);
    expect(shape(ask(library, 'tusk'))).toEqual(['b: b2 b1']);
    expect(shape(ask(library, 'opposition closes'))).toEqual(['a: a3 a2 a1']);
  });

  it('lists an article whose own text matches even without annotations', () => {
    const result = ask(library, 'mekong');
    expect(shape(result)).toEqual(['c:']);
    expect(result.annotationCount).toBe(0);
    expect(shape(ask(library, 'viet'))).toEqual(['c:']);
  });

  it('ranks an exact phrase above the same words scattered, whatever their age', () => {
    // b1 has "cuts to the tax", a1 has "tax cuts"; n1, newer than both, has them scattered.
    expect(ids(ask(library, 'tax cuts'))).toEqual(['a1', 'b1']);
    const newer = entry({
      url: 'n',
      savedAt: '2026-06-01T00:00:00.000Z',
      items: [
        { id: 'n1', quote: 'cuts everywhere but no tax', createdAt: '2026-06-01T00:00:00.000Z' },
      ],
    });
    expect(ids(ask([...library, newer], 'tax cuts')).slice(0, 2)).toEqual(['a1', 'n1']);
    expect(ids(ask([...library, newer], 'tax cuts'))[0]).toBe('a1');
  });

  it('treats the last word of a phrase as a prefix being typed', () => {
    expect(ids(ask(library, 'viktor orb'))[0]).toBe('a1');
    expect(ids(ask(library, 'tax cu'))[0]).toBe('a1');
    // A phrase needs the earlier words whole: "ta cuts" is no phrase of "tax cuts".
    const result = ask(library, 'ta cuts');
    expect(ids(result)).toEqual(expect.arrayContaining(['a1', 'b1']));
    expect(result.hits.map((h) => h.score)).toEqual(
      [...result.hits.map((h) => h.score)].sort((x, y) => y - x),
    );
  });

  it('finds phrases anywhere in the text, not only among the first candidates', () => {
    const many = Array.from({ length: 300 }, (_, k) =>
      entry({
        url: `m${k}`,
        savedAt: '2026-01-01T00:00:00.000Z',
        items: [
          {
            id: `m${k}`,
            quote: k === 7 ? 'filler words then red line at the end' : 'line of red herrings',
            createdAt: `2026-01-01T00:${String(k % 60).padStart(2, '0')}:00.000Z`,
          },
        ],
      }),
    );
    expect(ids(ask(many, 'red line'))[0]).toBe('m7');
  });

  it('ranks own phrase, then article phrase, then own words, then words through the article', () => {
    const tiers = [
      entry({
        url: 'own-phrase',
        savedAt: '2025-01-01T00:00:00.000Z',
        items: [{ id: 'p', quote: 'a green deal', createdAt: '2025-01-01T00:00:00.000Z' }],
      }),
      entry({
        url: 'article-phrase',
        headline: 'The green deal explained',
        savedAt: '2025-02-01T00:00:00.000Z',
        items: [{ id: 'ap', quote: 'nothing here', createdAt: '2025-02-01T00:00:00.000Z' }],
      }),
      entry({
        url: 'own-words',
        savedAt: '2025-03-01T00:00:00.000Z',
        items: [{ id: 'w', quote: 'a deal that is green', createdAt: '2025-03-01T00:00:00.000Z' }],
      }),
      entry({
        url: 'via-article',
        headline: 'Green energy',
        savedAt: '2025-04-01T00:00:00.000Z',
        items: [{ id: 'v', quote: 'the deal', createdAt: '2025-04-01T00:00:00.000Z' }],
      }),
    ];
    const result = ask(tiers, 'green deal');
    expect(ids(result)).toEqual(['p', 'ap', 'w', 'v']);
    const scores = result.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(new Set(scores).size).toBe(4);
  });

  it('ranks a whole word above a mere prefix', () => {
    // b2 ("Taxation") is newer than b1 ("tax"), but a whole word wins.
    expect(shape(ask(library, 'tax'))).toEqual(['a: a1', 'b: b1 b2']);
  });

  it('breaks ties by the newest change, and orders hits by their best annotation', () => {
    const twins = entry({
      url: 't',
      items: [
        { id: 'old', quote: 'same words', createdAt: '2026-01-01T00:00:00.000Z' },
        {
          id: 'edited',
          quote: 'same words',
          createdAt: '2025-01-01T00:00:00.000Z',
          modifiedAt: '2026-05-01T00:00:00.000Z',
        },
        { id: 'mid', quote: 'same words', createdAt: '2026-02-01T00:00:00.000Z' },
      ],
    });
    expect(ids(ask([twins], 'same words'))).toEqual(['edited', 'mid', 'old']);
  });

  it('browses everything with no text: newest saved first, annotations newest first', () => {
    const result = ask(library, '');
    expect(shape(result)).toEqual(['a: a3 a2 a1', 'b: b2 b1', 'c:']);
    expect(result.annotationCount).toBe(5);
    expect(shape(ask(library, '  ?! '))).toEqual(shape(result));
  });

  it('answers empty libraries and queries that match nothing', () => {
    const none = { hits: [], annotationCount: 0, articleCount: 0 };
    expect(ask([], '')).toEqual(none);
    expect(ask([], 'orban')).toEqual(none);
    expect(ask(library, 'zzz')).toEqual(none);
    expect(ask(library, 'orban zzz')).toEqual(none);
    expect(createLibraryIndex([]).facets().dates).toBeNull();
  });

  it('lists only the first hits under a limit, still counting them all', () => {
    const index = createLibraryIndex(library);
    const browsed = index.query({ text: '', filters: NO_FILTERS }, { limit: 1 });
    expect(shape(browsed)).toEqual(['a: a3 a2 a1']);
    expect(browsed).toMatchObject({ annotationCount: 5, articleCount: 3 });
    const searched = index.query({ text: 'orban', filters: NO_FILTERS }, { limit: 1 });
    expect(shape(searched)).toEqual(['a: a1 a3 a2']);
    expect(searched).toMatchObject({ annotationCount: 4, articleCount: 2 });
    const filtered = index.query(
      { text: '', filters: { ...NO_FILTERS, kinds: ['highlight'] } },
      { limit: 0 },
    );
    expect(filtered).toEqual({ hits: [], annotationCount: 3, articleCount: 2 });
  });

  it('answers the same whether the word index was prepared ahead or on first use', () => {
    const lazy = createLibraryIndex(library);
    const eager = createLibraryIndex(library);
    eager.prepare();
    eager.prepare();
    for (const text of ['', 'orban', 'tax cu', 'telex']) {
      const q = { text, filters: NO_FILTERS };
      expect(lazy.query(q)).toEqual(eager.query(q));
    }
  });

  it('copes with repeated and very many words', () => {
    expect(ids(ask(library, 'tax tax cuts'))).toEqual(expect.arrayContaining(['a1']));
    const long = Array.from({ length: 40 }, () => 'the').join(' ');
    expect(ids(ask(library, long))).toContain('a3');
  });
});

describe('createLibraryIndex: stories changed since they were marked', () => {
  it('finds only the notes made on an older version of their story, and combines with search', () => {
    const changed = [
      entry({
        url: 'https://news.example.com/edited',
        items: [
          { id: 'old', quote: 'Putin will come to Budapest', outdated: true },
          { id: 'new', quote: 'Putin will not come after all' },
        ],
      }),
      entry({
        url: 'https://news.example.com/same',
        items: [{ id: 'other', quote: 'Putin spoke' }],
      }),
    ];
    expect(ids(ask(changed, '', { changed: true }))).toEqual(['old']);
    expect(ids(ask(changed, 'putin', { changed: true }))).toEqual(['old']);
    expect(ids(ask(changed, 'spoke', { changed: true }))).toEqual([]);
    expect(ids(ask(changed, '', {}))).toHaveLength(3);
  });
});

describe('createLibraryIndex: filters', () => {
  it('filters by kind and by claim status', () => {
    expect(ids(ask(library, '', { kinds: ['claim'] }))).toEqual(['a3', 'a1']);
    expect(ids(ask(library, '', { kinds: ['highlight'] }))).toEqual(['a2', 'b2', 'b1']);
    expect(ids(ask(library, '', { statuses: ['false'] }))).toEqual(['a3']);
    expect(ids(ask(library, '', { statuses: ['false', 'disputed'] }))).toEqual(['a3', 'a1']);
  });

  it('filters by tags (any of them), sites and entities', () => {
    expect(ids(ask(library, '', { tags: ['economy'] }))).toEqual(['a3', 'a1']);
    expect(ids(ask(library, '', { tags: ['statistics', 'economy'] }))).toEqual(['a3', 'a2', 'a1']);
    expect(shape(ask(library, '', { sites: ['gazeta.pl', 'nytimes.com'] }))).toEqual([
      'b: b2 b1',
      'c:',
    ]);
    expect(shape(ask(library, '', { entities: ['Viktor Orbán'] }))).toEqual(['a: a3 a2 a1']);
    expect(shape(ask(library, '', { entities: ['Orbán'] }))).toEqual([]);
    expect(ask(library, '', { tags: ['nope'] }).hits).toEqual([]);
  });

  it('combines filters with AND, and with the search text', () => {
    expect(
      ids(ask(library, '', { kinds: ['claim'], tags: ['economy'], statuses: ['false'] })),
    ).toEqual(['a3']);
    expect(ids(ask(library, 'orban', { sites: ['gazeta.pl'] }))).toEqual(['b1']);
    expect(ids(ask(library, 'orban', { sites: ['telex.hu'], kinds: ['highlight'] }))).toEqual([
      'a2',
    ]);
    expect(ask(library, 'tax', { entities: ['Donald Tusk'], kinds: ['claim'] }).hits).toEqual([]);
  });

  it('drops articles without annotations only when a filter needs annotations', () => {
    expect(shape(ask(library, 'vietnam', { sites: ['nytimes.com'] }))).toEqual(['c:']);
    expect(ask(library, 'vietnam', { kinds: ['highlight'] }).hits).toEqual([]);
    expect(ask(library, '', { from: '2020-01-01' }).hits.map((h) => h.url)).toEqual(['a', 'b']);
  });
});

describe('createLibraryIndex: days in the reader’s time zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const late = entry({
    url: 'z',
    items: [
      // 22:30 on 28 February in New York; 12:30 on 1 March in Tokyo.
      { id: 'z1', quote: 'late night', createdAt: '2026-03-01T03:30:00.000Z' },
      // 00:30 on 1 March in New York (23:59 + 31 min): the first minute past midnight there.
      { id: 'z2', quote: 'after midnight', createdAt: '2026-03-01T05:30:00.000Z' },
      // 23:59 on 1 March in New York.
      { id: 'z3', quote: 'end of day', createdAt: '2026-03-02T04:59:00.000Z' },
    ],
  });

  it('compares calendar days in the local zone, both ends inclusive', () => {
    process.env.TZ = 'America/New_York';
    expect(ids(ask([late], '', { from: '2026-03-01' }))).toEqual(['z3', 'z2']);
    expect(ids(ask([late], '', { to: '2026-02-28' }))).toEqual(['z1']);
    expect(ids(ask([late], '', { from: '2026-03-01', to: '2026-03-01' }))).toEqual(['z3', 'z2']);
    expect(ids(ask([late], '', { from: '2026-03-02' }))).toEqual([]);
    expect(createLibraryIndex([late]).facets().dates).toEqual({
      from: '2026-02-28',
      to: '2026-03-01',
    });

    process.env.TZ = 'Asia/Tokyo';
    expect(ids(ask([late], '', { from: '2026-03-01', to: '2026-03-01' }))).toEqual(['z2', 'z1']);
    expect(ids(ask([late], '', { to: '2026-02-28' }))).toEqual([]);
  });

  it('handles the day clocks change (23 hours long in spring)', () => {
    process.env.TZ = 'Europe/Budapest';
    const dst = entry({
      url: 'd',
      items: [
        { id: 'd1', quote: 'x', createdAt: '2026-03-28T23:30:00.000Z' }, // 00:30 on the 29th
        { id: 'd2', quote: 'x', createdAt: '2026-03-29T21:59:00.000Z' }, // 23:59 CEST
        { id: 'd3', quote: 'x', createdAt: '2026-03-29T22:00:00.000Z' }, // 00:00 on the 30th
      ],
    });
    expect(ids(ask([dst], '', { from: '2026-03-29', to: '2026-03-29' }))).toEqual(['d2', 'd1']);
  });

  it('ignores a day that does not parse', () => {
    expect(ids(ask(library, '', { from: 'yesterday' }))).toHaveLength(5);
  });
});

describe('createLibraryIndex: facets', () => {
  it('counts tags, sites, entities, statuses, kinds and the span of days', () => {
    process.env.TZ = 'UTC';
    const facets = createLibraryIndex(library).facets();
    expect(facets.tags).toEqual([
      { value: 'economy', count: 2 },
      { value: 'elections', count: 1 },
      { value: 'statistics', count: 1 },
    ]);
    expect(facets.sites.map((s) => s.value)).toEqual(['gazeta.pl', 'nytimes.com', 'telex.hu']);
    expect(facets.entities[0]).toEqual({ name: 'Donald Tusk', type: 'person', count: 1 });
    expect(facets.entities).toContainEqual({ name: 'Fidesz', type: 'organization', count: 1 });
    expect(facets.statuses).toContainEqual({ value: 'false', count: 1 });
    expect(facets.statuses).toContainEqual({ value: 'supported', count: 0 });
    expect(facets.kinds).toEqual([
      { value: 'highlight', count: 3 },
      { value: 'claim', count: 2 },
    ]);
    expect(facets.dates).toEqual({ from: '2026-02-01', to: '2026-03-02' });
  });
});
