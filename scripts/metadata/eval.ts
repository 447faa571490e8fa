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
import { scoreByline, scoreHeadline, scorePublished } from './score';

export { scoreByline, scoreHeadline, scorePublished } from './score';

type Corpus = 'trafilatura' | 'isarticle-dev';

/** One page's outcome, as a worker reports it. */
export interface PageResult {
  corpus: Corpus;
  id: string;
  url: string;
  ms: number;
  isArticle: boolean;
  reasons: string[];
  goldArticle?: boolean | null;
  title?: string | null;
  headline?: string | null;
  headlineExact?: boolean;
  headlineNear?: boolean;
  gold?: string | null;
  published?: string | null;
  dateOk?: boolean;
  goldBy?: string | null;
  byline?: string[];
  bylineF1?: number;
}

/** Runs detection + metadata on one labelled page and scores the annotated fields. */
export function evaluatePage(corpus: Corpus, c: CorpusCase): PageResult {
  const { doc, close } = parseDocument(readPage(corpus, c.id), c.url);
  try {
    const t0 = performance.now();
    const signals = readSignals(doc);
    const detection = detectArticle(doc, c.url, { signals });
    const meta = extractMetadata(doc, c.url, { signals });
    const ms = performance.now() - t0;
    const r: PageResult = {
      corpus,
      id: c.id,
      url: c.url,
      ms,
      isArticle: detection.isArticle,
      reasons: detection.reasons,
    };
    if (c.annotated.includes('isArticle')) r.goldArticle = c.isArticle;
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
    return r;
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

/** Builds the score table (with README baselines) from page results. */
export function scoreTable(results: PageResult[]): string {
  const s = {
    headlineExact: tally(),
    headlineNear: tally(),
    published: tally(),
    publishedLabelled: tally(),
    inventedOnNull: tally(),
    byline: tally(),
    bylineLabelled: tally(),
    bylineNull: tally(),
    isArticle: tally(),
  };
  for (const r of results) {
    if (r.headlineExact !== undefined) {
      add(s.headlineExact, r.id, r.headlineExact ? 1 : 0);
      add(s.headlineNear, r.id, r.headlineNear ? 1 : 0);
    }
    if (r.dateOk !== undefined) {
      add(s.published, r.id, r.dateOk ? 1 : 0);
      if (r.gold === null) add(s.inventedOnNull, r.id, r.published === null ? 0 : 1);
      else add(s.publishedLabelled, r.id, r.dateOk ? 1 : 0);
    }
    if (r.bylineF1 !== undefined) {
      add(s.byline, r.id, r.bylineF1);
      add(r.goldBy === null ? s.bylineNull : s.bylineLabelled, r.id, r.bylineF1);
    }
    if (r.goldArticle !== undefined && r.goldArticle !== null)
      add(s.isArticle, r.id, r.isArticle === r.goldArticle ? 1 : 0);
  }
  const lines = [
    `| ${'measure'.padEnd(38)} |   all  |  tune  |  check |     n | ${'baseline / target'.padEnd(28)} |`,
    `|${'-'.repeat(40)}|--------|--------|--------|-------|${'-'.repeat(30)}|`,
  ];
  const row = (name: string, t: Tallies, baseline: string): void => {
    lines.push(
      `| ${name.padEnd(38)} | ${pct(t.all)} | ${pct(t.tune)} | ${pct(t.check)} | ${String(t.all.n).padStart(5)} | ${baseline.padEnd(28)} |`,
    );
  };
  row('headline exact', s.headlineExact, 'Readability 61 %; ≥ 85 %');
  row('headline near (token F1 ≥ 0.9)', s.headlineNear, '');
  row('published day (all annotated)', s.published, 'metascraper 67 %');
  row('published day (pages with a date)', s.publishedLabelled, 'target ≥ 85 %');
  row('date invented on "none" pages', s.inventedOnNull, 'target ≤ 10 %');
  row('byline token F1 (all annotated)', s.byline, 'metascraper 64 %; ≥ 80 %');
  row('  … on pages with an author', s.bylineLabelled, '');
  row('  … on "none" pages (empty = right)', s.bylineNull, '');
  row('isArticle accuracy (isarticle-dev)', s.isArticle, 'og:type/JSON-LD 88 %; ≥ 95 %');
  const ms = results.map((r) => r.ms);
  lines.push(
    '',
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
    let result: PageResult;
    try {
      result = evaluatePage(corpus, c);
    } catch (error) {
      // An extractor that throws scores zero on the page, and the failure is shown.
      result = {
        corpus,
        id,
        url: c.url,
        ms: 0,
        isArticle: false,
        reasons: [`threw: ${String(error)}`],
      };
    }
    process.send?.(result);
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
      process.stderr.write(`\r${results.length} pages`);
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
