/**
 * Scores article detection and metadata extraction on the labelled development corpora
 * (../shared/corpora, or $CLAIMMARK_SHARED/corpora) with the rules of corpora/README.md.
 * Usage: npx tsx scripts/metadata/eval.ts [--limit N] [--only trafilatura|isarticle] [--dump out.jsonl] [--jobs N]
 * Pages are parsed in child processes, a batch each: jsdom does not give back all memory of closed windows.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { detectArticle } from '../../lib/article/detect/index';
import { extractMetadata, readSignals } from '../../lib/article/metadata/index';
import type { CorpusCase } from './corpus';
import { parseDocument, readCases, readPage } from './corpus';
import {
  labelledDay,
  pageWritesDay,
  scoreByline,
  scoreHeadline,
  scorePublished,
} from '../../tests/support/metadata-score';
import { pageThinner, type Variant } from './thin';
import { detectLanguage } from '../../lib/article/language';
import type { ArticleMetadata } from '../../lib/article/types';

export { scoreByline, scoreHeadline, scorePublished } from '../../tests/support/metadata-score';

type Corpus = 'trafilatura' | 'isarticle-dev';

/** One page's outcome in one variant, as a worker reports it. */
export interface PageResult {
  corpus: Corpus;
  id: string;
  url: string;
  variant: Variant;
  ms: number;
  isArticle: boolean;
  reasons: string[];
  /** The body's language as Claimmark tells it (the page's lang only a hint). */
  language: string;
  goldArticle?: boolean | null;
  title?: string | null;
  headline?: string | null;
  headlineExact?: boolean;
  headlineNear?: boolean;
  gold?: string | null;
  /** Whether the page writes its labelled day anywhere (text, scripts, attributes, URL). */
  goldWritten?: boolean;
  published?: string | null;
  dateOk?: boolean;
  goldBy?: string | null;
  byline?: string[];
  bylineF1?: number;
}

const VARIANTS: Variant[] = ['full', 'cut', 'empty'];

function scoreFields(r: PageResult, c: CorpusCase, meta: ArticleMetadata): void {
  if (c.annotated.includes('title')) {
    const s = scoreHeadline(meta.headline, c.title);
    Object.assign(r, {
      title: c.title,
      headline: meta.headline,
      headlineExact: s.exact,
      headlineNear: s.near,
    });
  }
  if (c.annotated.includes('published')) {
    Object.assign(r, {
      gold: c.published,
      published: meta.published,
      dateOk: scorePublished(meta.published, c.published),
    });
  }
  if (c.annotated.includes('byline')) {
    Object.assign(r, {
      goldBy: c.byline,
      byline: meta.byline,
      bylineF1: scoreByline(meta.byline, c.byline),
    });
  }
}

/**
 * Runs detection + metadata on one labelled page, whole and then thinned (its body cut to the
 * first paragraph, then emptied: a story rendered late), and scores the annotated fields.
 */
export function evaluatePage(corpus: Corpus, c: CorpusCase): PageResult[] {
  const html = readPage(corpus, c.id);
  const { doc, close } = parseDocument(html, c.url);
  try {
    const results: PageResult[] = [];
    const goldWritten =
      c.annotated.includes('published') && c.published
        ? pageWritesDay(
            html,
            doc.documentElement.textContent,
            c.url,
            labelledDay(c.published),
            doc.documentElement.getAttribute('lang'),
          )
        : undefined;
    let language = 'und';
    const thin = pageThinner(doc);
    for (const variant of VARIANTS) {
      thin(variant);
      const t0 = performance.now();
      const signals = readSignals(doc);
      const meta = extractMetadata(doc, c.url, { signals });
      const detection = detectArticle(doc, c.url, { signals, metadata: meta });
      const ms = performance.now() - t0;
      // The language of the whole page's text, told once: thinning must not change the row.
      // XML documents have no body, whatever the typings say.
      const body = doc.body as HTMLElement | null;
      if (variant === 'full')
        language = detectLanguage(body?.textContent ?? '', meta.language).code;
      const r: PageResult = {
        corpus,
        id: c.id,
        url: c.url,
        variant,
        ms,
        isArticle: detection.isArticle,
        reasons: detection.reasons,
        language,
      };
      if (c.annotated.includes('isArticle')) r.goldArticle = c.isArticle;
      scoreFields(r, c, meta);
      if (goldWritten !== undefined) r.goldWritten = goldWritten;
      results.push(r);
    }
    return results;
  } finally {
    close();
  }
}

/** Splits pages into a tuning half and a checking half by a stable hash of the id. */
export function half(id: string): 'tune' | 'check' {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 2 === 0 ? 'tune' : 'check';
}

type Split = 'all' | 'tune' | 'check';
interface Tally {
  n: number;
  sum: number;
}
type Tallies = Record<Split, Tally>;
const tally = (): Tallies => ({
  all: { n: 0, sum: 0 },
  tune: { n: 0, sum: 0 },
  check: { n: 0, sum: 0 },
});

function add(t: Tallies, id: string, value: number): void {
  for (const k of ['all', half(id)] as const) {
    t[k].n++;
    t[k].sum += value;
  }
}
const pct = (t: Tally): string =>
  t.n === 0 ? '    – ' : `${((100 * t.sum) / t.n).toFixed(1).padStart(5)}%`;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The metadata scores of a set of page results. */
function fieldTallies(results: PageResult[]) {
  const s = {
    headlineExact: tally(),
    headlineNear: tally(),
    published: tally(),
    publishedLabelled: tally(),
    publishedWritten: tally(),
    inventedOnNull: tally(),
    byline: tally(),
    bylineLabelled: tally(),
    bylineNull: tally(),
  };
  for (const r of results) {
    if (r.headlineExact !== undefined) {
      add(s.headlineExact, r.id, r.headlineExact ? 1 : 0);
      add(s.headlineNear, r.id, r.headlineNear ? 1 : 0);
    }
    if (r.dateOk !== undefined) {
      add(s.published, r.id, r.dateOk ? 1 : 0);
      if (r.gold === null) add(s.inventedOnNull, r.id, r.published === null ? 0 : 1);
      else {
        add(s.publishedLabelled, r.id, r.dateOk ? 1 : 0);
        if (r.goldWritten) add(s.publishedWritten, r.id, r.dateOk ? 1 : 0);
      }
    }
    if (r.bylineF1 !== undefined) {
      add(s.byline, r.id, r.bylineF1);
      add(r.goldBy === null ? s.bylineNull : s.bylineLabelled, r.id, r.bylineF1);
    }
  }
  return s;
}

/** Share of `results` (by page) for which `test` holds. */
function shareOf(results: PageResult[], test: (r: PageResult) => boolean): Tallies {
  const t = tally();
  for (const r of results) add(t, r.id, test(r) ? 1 : 0);
  return t;
}

/** Builds the score tables (with README baselines and the issue's targets) from page results. */
export function scoreTable(results: PageResult[]): string {
  const lines: string[] = [];
  const header = (): void => {
    lines.push(
      `| ${'measure'.padEnd(52)} |   all  |  tune  |  check |     n | ${'baseline / target'.padEnd(30)} |`,
      `|${'-'.repeat(54)}|--------|--------|--------|-------|${'-'.repeat(32)}|`,
    );
  };
  const row = (name: string, t: Tallies, baseline = ''): void => {
    lines.push(
      `| ${name.padEnd(52)} | ${pct(t.all)} | ${pct(t.tune)} | ${pct(t.check)} | ${String(t.all.n).padStart(5)} | ${baseline.padEnd(30)} |`,
    );
  };
  const of = (variant: Variant, corpus: Corpus, test: (r: PageResult) => boolean = () => true) =>
    results.filter((r) => r.variant === variant && r.corpus === corpus && test(r));
  const fields = (rows: PageResult[], label: string, targets: boolean): void => {
    const s = fieldTallies(rows);
    row(`headline exact${label}`, s.headlineExact, targets ? 'Readability 61 %; ≥ 88 %' : '');
    row(`headline near (token F1 ≥ 0.9)${label}`, s.headlineNear);
    row(`published day (all annotated)${label}`, s.published, targets ? 'metascraper 67 %' : '');
    row(`published day (pages with a date)${label}`, s.publishedLabelled, targets ? '≥ 90 %' : '');
    row(`  … of those, pages that write their labelled day${label}`, s.publishedWritten);
    row(`date invented on "none" pages${label}`, s.inventedOnNull, targets ? '≤ 10 %' : '');
    row(
      `byline token F1 (all annotated)${label}`,
      s.byline,
      targets ? 'metascraper 64 %; ≥ 82 %' : '',
    );
    row(`  … on pages with an author${label}`, s.bylineLabelled);
    row(`  … on "none" pages (empty = right)${label}`, s.bylineNull);
  };

  lines.push('### Article detection', '');
  header();
  const gold = (r: PageResult) => r.goldArticle === true || r.goldArticle === false;
  row(
    'isArticle accuracy (isarticle-dev)',
    shareOf(of('full', 'isarticle-dev', gold), (r) => r.isArticle === r.goldArticle),
    'og:type/JSON-LD 88 %; ≥ 95 %',
  );
  const stories = (r: PageResult) => r.goldArticle === true;
  for (const [variant, label] of [
    ['full', 'whole'],
    ['cut', 'body cut to its first paragraph'],
    ['empty', 'body emptied'],
  ] as const) {
    row(
      `articles called articles, ${label}`,
      shareOf(of(variant, 'isarticle-dev', stories), (r) => r.isArticle),
      variant === 'full' ? '' : '≥ 97 %',
    );
  }
  row(
    'non-articles called articles (isarticle-dev)',
    shareOf(
      of('full', 'isarticle-dev', (r) => r.goldArticle === false),
      (r) => r.isArticle,
    ),
  );
  // trafilatura's pages carry no isArticle label: how many whole pages are called articles, and
  // how many of those stay articles once thinned, show what late bodies do to the verdict.
  const called = new Set(of('full', 'trafilatura', (r) => r.isArticle).map((r) => r.id));
  row(
    'trafilatura pages called articles, whole',
    shareOf(of('full', 'trafilatura'), (r) => r.isArticle),
  );
  for (const [variant, label] of [
    ['cut', 'cut'],
    ['empty', 'emptied'],
  ] as const) {
    row(
      `  … of those, still articles with the body ${label}`,
      shareOf(
        of(variant, 'trafilatura', (r) => called.has(r.id)),
        (r) => r.isArticle,
      ),
    );
  }

  const english = (r: PageResult) => r.language === 'en';
  const foreign = (r: PageResult) => r.language !== 'en';
  lines.push('', '### Metadata (trafilatura), whole pages', '');
  header();
  fields(of('full', 'trafilatura'), '', true);
  lines.push('', '### … English pages', '');
  header();
  fields(of('full', 'trafilatura', english), '', false);
  lines.push('', '### … other languages', '');
  header();
  fields(of('full', 'trafilatura', foreign), '', false);
  lines.push('', '### … the same pages with the body cut to its first paragraph', '');
  header();
  fields(of('cut', 'trafilatura'), '', false);
  lines.push('', '### … and with the body emptied', '');
  header();
  fields(of('empty', 'trafilatura'), '', false);

  const langs = new Map<string, number>();
  for (const r of of('full', 'trafilatura'))
    langs.set(r.language, (langs.get(r.language) ?? 0) + 1);
  const ms = results.filter((r) => r.variant === 'full').map((r) => r.ms);
  lines.push(
    '',
    `languages (trafilatura, told from the text): ${[...langs]
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
    `detect + metadata under jsdom (indicative only; jsdom is far slower than Chromium): median ${quantile(ms, 0.5).toFixed(2)} ms, p95 ${quantile(ms, 0.95).toFixed(2)} ms, max ${quantile(ms, 1).toFixed(1)} ms over ${ms.length} pages`,
  );
  return lines.join('\n');
}

interface Job {
  corpus: Corpus;
  ids: string[];
}

function runWorker(corpus: Corpus, ids: string[]): void {
  const byId = new Map(readCases(corpus).map((c) => [c.id, c]));
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) continue;
    let page: PageResult[];
    try {
      page = evaluatePage(corpus, c);
    } catch (error) {
      // An extractor that throws scores zero on the page, and the failure is shown.
      page = VARIANTS.map((variant) => ({
        corpus,
        id,
        url: c.url,
        variant,
        ms: 0,
        isArticle: false,
        reasons: [`threw: ${String(error)}`],
        language: 'und',
      }));
    }
    for (const result of page) process.send?.(result);
  }
}

async function runAll(jobs: Job[], parallel: number): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const self = fileURLToPath(import.meta.url);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      await new Promise<void>((resolve, reject) => {
        const child = fork(self, ['--worker', job.corpus, job.ids.join(',')], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (m) => results.push(m as PageResult));
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`worker exited with ${String(code)}`)),
        );
      });
      process.stderr.write(`\r${results.length / VARIANTS.length} pages`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  process.stderr.write('\n');
  return results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args[0] === '--worker') {
    runWorker(args[1] as Corpus, (args[2] ?? '').split(','));
    return;
  }
  const limit = Number(arg('--limit') ?? Infinity);
  const only = arg('--only');
  const parallel = Number(arg('--jobs') ?? Math.max(1, Math.min(4, cpus().length)));
  const jobs: Job[] = [];
  const corpora: Corpus[] =
    only === 'isarticle'
      ? ['isarticle-dev']
      : only === 'trafilatura'
        ? ['trafilatura']
        : ['trafilatura', 'isarticle-dev'];
  for (const corpus of corpora) {
    const ids = readCases(corpus)
      .filter((c) => c.annotated.length > 0)
      .slice(0, limit)
      .map((c) => c.id);
    for (let i = 0; i < ids.length; i += 60) jobs.push({ corpus, ids: ids.slice(i, i + 60) });
  }
  const results = await runAll(jobs, parallel);
  console.log(scoreTable(results));
  const dumpPath = arg('--dump');
  if (dumpPath) writeFileSync(dumpPath, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
