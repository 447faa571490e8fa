/**
 * A synthetic library for search benchmarks: articles with headlines, sites, bylines and
 * entities (accented names with aliases), and annotations whose quotes and notes draw words
 * from a Zipf-distributed vocabulary. Pure (no Node APIs), so it can be bundled into a page
 * for the Chromium benchmark. Entries go through buildCatalogEntry, as stored ones do.
 */
import type { EntityType } from '../../lib/article/types';
import { buildCatalogEntry } from '../../lib/library/catalog-entry';
import type { CatalogEntry } from '../../lib/library/types';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  type AnnotationRecord,
  type ArticleRecord,
  type ClaimStatus,
} from '../../lib/model';
import { Rng } from '../anchoring/rng';

// The most frequent English words first, so one-letter prefixes hit the huge postings they do
// in real notes ("o" → of, on, or, one, only...).
const COMMON = `the of and to a in that is was he for it with as his on be at by i this had not
are but from or have an they which one you were her all she there would their we him been has
when who will more no if out so said what up its about into than them can only other new some
could time these two may then do first any my now such like our over man me even most made
after also did many before must through back years where much your way well down should because
each just those people how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great old
year off come since against go came right used take three government president minister party
election vote war police court law report officials said percent million billion country city
public according week month told statement spokesman sources claims evidence data policy budget
tax prices inflation energy gas oil sanctions military troops border migrants refugees campaign
opposition coalition parliament senate congress leader prime foreign security economy economic
growth jobs unemployment health hospital vaccine climate emissions summit talks deal agreement
ceasefire attack strike protest protesters rally crisis scandal investigation corruption media
journalists press freedom rights court ruling judge trial verdict appeal survey poll polls
voters turnout result results victory defeat majority minority reform pension wages workers
union unions strike strikes`.split(/\s+/);

const SYLLABLES = `ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ka ke ki
ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te
ti to tu va ve vi vo za ze zi zo an en in on ar er ir or al el il ol ast est ist ost ent ant
ing ion ter ver per con pro str tr pl gr br cr dr`.split(/\s+/);

interface NamedEntity {
  type: EntityType;
  name: string;
  aliases: string[];
}

const ENTITIES: NamedEntity[] = [
  ['person', 'Viktor Orbán', 'Orbán'],
  ['person', 'Volodymyr Zelenskyy', 'Zelenskyy|Zelensky'],
  ['person', 'Donald Trump', 'Trump'],
  ['person', 'Vladimir Putin', 'Putin'],
  ['person', 'Emmanuel Macron', 'Macron'],
  ['person', 'Recep Tayyip Erdoğan', 'Erdoğan|Erdogan'],
  ['person', 'Pedro Sánchez', 'Sánchez'],
  ['person', 'Friedrich Merz', 'Merz'],
  ['person', 'Giorgia Meloni', 'Meloni'],
  ['person', 'Donald Tusk', 'Tusk'],
  ['person', 'Péter Magyar', 'Magyar'],
  ['person', 'Robert Fico', 'Fico'],
  ['person', 'Andrej Babiš', 'Babiš'],
  ['person', 'Aleksandar Vučić', 'Vučić'],
  ['person', 'Ursula von der Leyen', 'von der Leyen'],
  ['person', 'Marine Le Pen', 'Le Pen'],
  ['person', 'Jean-Luc Mélenchon', 'Mélenchon'],
  ['person', 'Björn Höcke', 'Höcke'],
  ['person', 'Mette Frederiksen', 'Frederiksen'],
  ['person', 'Luiz Inácio Lula da Silva', 'Lula'],
  ['person', 'Claudia Sheinbaum', 'Sheinbaum'],
  ['person', 'Javier Milei', 'Milei'],
  ['person', 'Nicolás Maduro', 'Maduro'],
  ['person', 'Benjamin Netanyahu', 'Netanyahu'],
  ['person', 'Xi Jinping', 'Xi'],
  ['person', 'Keir Starmer', 'Starmer'],
  ['person', 'Narendra Modi', 'Modi'],
  ['person', 'Olaf Scholz', 'Scholz'],
  ['person', 'Zuzana Čaputová', 'Čaputová'],
  ['person', 'Nicușor Dan', ''],
  ['person', 'Alexander Lukashenko', 'Łukašenka|Lukashenko'],
  ['person', 'Viktória Szabó', 'Szabó'],
  ['place', 'Budapest', ''],
  ['place', 'Kyiv', 'Kiev'],
  ['place', 'Kraków', 'Cracow'],
  ['place', 'Gdańsk', ''],
  ['place', 'Zürich', ''],
  ['place', 'München', 'Munich'],
  ['place', 'São Paulo', ''],
  ['place', 'Bogotá', ''],
  ['place', 'İstanbul', 'Istanbul'],
  ['place', 'Brussels', 'Bruxelles'],
  ['place', 'Warsaw', 'Warszawa'],
  ['place', 'Bratislava', ''],
  ['place', 'Prague', 'Praha'],
  ['place', 'Bucharest', 'București'],
  ['place', 'Belgrade', 'Beograd'],
  ['place', 'Washington', ''],
  ['place', 'Beijing', ''],
  ['place', 'Moscow', ''],
  ['place', 'Gaza', ''],
  ['place', 'Reykjavík', ''],
  ['place', 'Malmö', ''],
  ['place', 'Łódź', 'Lodz'],
  ['place', 'Düsseldorf', ''],
  ['place', 'Córdoba', ''],
  ['place', 'Ukraine', ''],
  ['place', 'Hungary', 'Magyarország'],
  ['organization', 'Fidesz', 'Fidesz–KDNP'],
  ['organization', 'Tisza', 'Tisza Party'],
  ['organization', 'European Commission', 'Commission'],
  ['organization', 'NATO', ''],
  ['organization', 'Bundestag', ''],
  ['organization', 'Sejm', ''],
  ['organization', 'Rassemblement National', 'RN'],
  ['organization', 'Prawo i Sprawiedliwość', 'PiS'],
  ['organization', 'Smer', ''],
  ['organization', 'International Monetary Fund', 'IMF'],
  ['organization', 'World Bank', ''],
  ['organization', 'UN Security Council', 'Security Council'],
  ['organization', 'Reuters', ''],
  ['organization', 'Alternative für Deutschland', 'AfD'],
  ['organization', 'Partido Socialista Obrero Español', 'PSOE'],
].map(([type, name, aliases]) => ({
  type: type as EntityType,
  name: name ?? '',
  aliases: aliases ? aliases.split('|') : [],
}));

const SITES = `theguardian.com nytimes.com bbc.co.uk reuters.com apnews.com politico.eu lemonde.fr
spiegel.de elpais.com corriere.it telex.hu hvg.hu 444.hu index.hu gazeta.pl onet.pl
denikn.cz sme.sk aktuality.sk kyivindependent.com pravda.com.ua euronews.com dw.com
france24.com aljazeera.com ft.com economist.com washingtonpost.com wsj.com bloomberg.com
theatlantic.com nzz.ch derstandard.at lavanguardia.com publico.pt folha.uol.com.br
eltiempo.com clarin.com irishtimes.com yle.fi`.split(/\s+/);

const FIRST_NAMES = `Anna Ben Clara Dávid Eszter Felix Gábor Hanna Ian Júlia Kasia Lars Marta Noémi
Oliver Piotr Quentin Réka Sofía Tomás Ute Vera William Zoë Łukasz Søren Ágnes Jürgen`.split(/\s+/);
const LAST_NAMES = `Kovács Nagy Smith Müller García Rossi Nowak Novák Horváth Dubois Jensen Silva
Fernández O’Brien Kowalski Schmidt Tóth Martin Wójcik Popescu Petrović Andersson Lindqvist
Weiß Núñez Zieliński Brown Costa`.split(/\s+/);

const TAGS = [
  'economy',
  'migration',
  'elections',
  'ukraine-war',
  'media-freedom',
  'corruption',
  'climate',
  'health',
  'eu-funds',
  'follow-up',
  'needs-source',
  'statistics',
  'quote-check',
  'rule-of-law',
];

/** What generateCatalog makes; the defaults are the library size the popup is budgeted for. */
export interface CatalogOptions {
  /** Annotations over all articles. */
  annotations: number;
  /** Articles; defaults to one per 20 annotations. */
  articles?: number;
  seed?: number;
  /** Annotation times are spread over the span ending here. */
  end?: string;
  /** Days the library spans. */
  days?: number;
  /** Distinct generated words beyond the common ones. */
  vocabulary?: number;
}

const DAY_MS = 86_400_000;

/** A cumulative Zipf table over n ranks (exponent s), sampled by binary search. */
function zipfTable(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / Math.pow(r + 2, s);
    cdf[r] = sum;
  }
  for (let r = 0; r < n; r++) cdf[r] = (cdf[r] ?? 0) / sum;
  return cdf;
}

function sampleZipf(rng: Rng, cdf: Float64Array): number {
  const u = rng.next();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] ?? 1) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function makeVocabulary(rng: Rng, extra: number): string[] {
  const words = [...new Set(COMMON)];
  const seen = new Set(words);
  while (words.length < COMMON.length + extra) {
    let word = '';
    const parts = rng.int(2, 4);
    for (let i = 0; i < parts; i++) word += rng.pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A sentence-like run of words, now and then naming one of the article's entities. */
function sentence(
  rng: Rng,
  vocabulary: string[],
  cdf: Float64Array,
  length: number,
  names: string[],
): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const word =
      names.length > 0 && rng.next() < 0.04
        ? rng.pick(names)
        : (vocabulary[sampleZipf(rng, cdf)] ?? 'the');
    words.push(rng.next() < 0.06 && i < length - 1 ? `${word},` : word);
  }
  return `${capitalize(words.join(' '))}.`;
}

function uuid(rng: Rng): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** A generated library: the records the database stores. */
export interface GeneratedLibrary {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
}

/** A seeded, realistic catalog: the same options always give the same entries. */
export function generateCatalog(options: CatalogOptions): CatalogEntry[] {
  const { articles, annotations } = generateLibrary(options);
  const byArticle = new Map<string, AnnotationRecord[]>(articles.map((a) => [a.url, []]));
  for (const a of annotations) byArticle.get(a.articleUrl)?.push(a);
  return articles.map((article) =>
    buildCatalogEntry(article.url, article, byArticle.get(article.url) ?? []),
  );
}

/** A seeded, realistic library of article and annotation records, as stored. */
export function generateLibrary(options: CatalogOptions): GeneratedLibrary {
  const rng = new Rng(options.seed ?? 1);
  const articleCount = options.articles ?? Math.max(1, Math.round(options.annotations / 20));
  const endMs = Date.parse(options.end ?? '2026-11-01T00:00:00Z');
  const spanMs = (options.days ?? 730) * DAY_MS;
  const vocabulary = makeVocabulary(rng, options.vocabulary ?? 3500);
  const wordCdf = zipfTable(vocabulary.length, 1.05);
  const entityCdf = zipfTable(ENTITIES.length, 0.9);
  const tagCdf = zipfTable(TAGS.length, 0.8);

  // Annotations per article vary a lot in real libraries: most articles get a few, some many.
  const weights = Array.from({ length: articleCount }, () => -Math.log(1 - rng.next()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / weightSum) * options.annotations));
  let missing = options.annotations - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % articleCount, missing--)
    counts[i] = (counts[i] ?? 0) + 1;

  const library: GeneratedLibrary = { articles: [], annotations: [] };
  for (let a = 0; a < articleCount; a++) {
    const picked = new Map<string, NamedEntity>();
    const entityCount = rng.int(2, 12);
    for (let i = 0; i < entityCount; i++) {
      const entity = ENTITIES[sampleZipf(rng, entityCdf)];
      if (entity) picked.set(entity.name, entity);
    }
    const entities = [...picked.values()];
    const names = entities.flatMap((e) => [e.name, ...e.aliases]);
    const site = rng.pick(SITES);
    const url = `https://www.${site}/${2024 + (a % 3)}/news/article-${a}-${uuid(rng).slice(0, 8)}`;
    const savedMs = endMs - Math.floor(rng.next() * spanMs);
    const savedAt = new Date(savedMs).toISOString();
    const headline = sentence(rng, vocabulary, wordCdf, rng.int(6, 14), names).slice(0, -1);
    const byline = Array.from(
      { length: rng.int(0, 2) },
      () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    );
    const article: ArticleRecord = {
      url,
      title: `${headline} | ${site}`,
      canonicalUrl: url,
      seenAt: [url],
      savedAt,
      updatedAt: savedAt,
      facts: {
        isArticle: true,
        metadata: {
          headline,
          byline,
          siteName: site,
          published: new Date(savedMs - rng.int(0, 3) * DAY_MS).toISOString(),
          modified: null,
          language: 'en',
          canonicalUrl: url,
          description: null,
        },
        analysis: {
          entities: entities.map((e) => ({ ...e, mentions: [] })),
          dates: [],
          length: rng.int(2000, 12000),
        },
        analyzedAt: savedAt,
      },
    };
    library.articles.push(article);
    let offset = rng.int(200, 2000);
    for (let i = 0; i < (counts[a] ?? 0); i++) {
      // Most annotations are made while reading; some on a later visit.
      const later = rng.next() < 0.15 ? rng.next() * 60 * DAY_MS : rng.next() * 2 * 3_600_000;
      const createdMs = Math.min(endMs, savedMs + Math.floor(later));
      const createdAt = new Date(createdMs).toISOString();
      const edited = rng.next() < 0.3;
      const modifiedAt = edited
        ? new Date(Math.min(endMs, createdMs + rng.int(60_000, 20 * DAY_MS))).toISOString()
        : createdAt;
      const claim = rng.next() < 0.4;
      const status: ClaimStatus | null = claim
        ? (CLAIM_STATUSES[Math.min(4, Math.floor(-Math.log(1 - rng.next()) * 1.2))] ?? 'unverified')
        : null;
      const quote = sentence(rng, vocabulary, wordCdf, rng.int(12, 40), names);
      const note =
        rng.next() < 0.5 ? sentence(rng, vocabulary, wordCdf, rng.int(4, 20), names) : '';
      const tagCount = rng.next() < 0.5 ? 0 : rng.int(1, 2);
      const tags = [
        ...new Set(Array.from({ length: tagCount }, () => TAGS[sampleZipf(rng, tagCdf)] ?? '')),
      ];
      // Stored selectors carry up to 32 characters of context and the passage's offsets.
      const prefix = sentence(rng, vocabulary, wordCdf, 8, names).slice(-32);
      const suffix = sentence(rng, vocabulary, wordCdf, 8, names).slice(0, 32);
      offset += rng.int(100, 1500);
      library.annotations.push({
        id: uuid(rng),
        articleUrl: url,
        kind: claim ? 'claim' : 'highlight',
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: quote, prefix, suffix },
          position: { type: 'TextPositionSelector', start: offset, end: offset + quote.length },
        },
        quote,
        note,
        status,
        evidence: [],
        tags,
        color: rng.pick(HIGHLIGHT_COLORS),
        createdAt,
        modifiedAt,
        articleModified: null,
        anchoring:
          rng.next() < 0.05
            ? {
                status: rng.pick(['changed', 'orphan'] as const),
                text: null,
                checkedAt: modifiedAt,
              }
            : null,
      });
    }
  }
  return library;
}
