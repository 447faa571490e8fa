// npm run bench: speed and size figures, measured in Debian's Chromium. Prints; asserts nothing.
// Parts: sizes, speed (detection, metadata, text analysis), anchoring (anchoring and the library),
// sync (issue 16: two Chromium profiles and pouchdb-server; needs `npm run build:e2e` first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureBrowser } from '../tests/support/browsers';
import { decodePage, readCases, sharedDir } from './metadata/corpus';
import { requireCorpora } from './shared-dir';

const root = resolve(import.meta.dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

async function bundle(entry: string, format: 'iife' | 'esm' = 'iife'): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    write: false,
    format,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string | Buffer) => gzipSync(text).length;

async function sizes(): Promise<void> {
  const built = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('wxt build failed');
  const out = join(root, '.output', 'chrome-mv3');
  const content = readFileSync(join(out, 'content-scripts', 'content.js'));
  const background = readFileSync(join(out, 'background.js'));
  const analysis = await bundle('lib/article/analyze.ts', 'esm');
  console.log('\n## Bundle sizes (gzip)');
  console.log('| bundle | gzip | target |');
  console.log('|---|---|---|');
  console.log(`| content script | ${kb(gz(content))} | ≤ 60 KB |`);
  console.log(`| background (all) | ${kb(gz(background))} | — |`);
  console.log(`| background's analysis code (entities + dates) | ${kb(gz(analysis))} | ≤ 300 KB |`);
}

async function speed(): Promise<void> {
  const code = await bundle('scripts/bench/page-entry.ts');
  const browser = await chromium.launch({
    executablePath: ensureBrowser('chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: code });
    const folder = join(sharedDir(), 'corpora', 'trafilatura');
    const cases = readCases('trafilatura');
    const reads: number[] = [];
    let words = 0;
    let entitiesMs = 0;
    let datesMs = 0;
    let articles = 0;
    for (const c of cases) {
      const html = decodePage(readFileSync(join(folder, `${c.id}.html`)));
      const t = await page.evaluate(
        ([h, u]) =>
          (
            globalThis as unknown as {
              claimmarkBench: {
                timePage(
                  h: string,
                  u: string,
                  a: boolean,
                ): {
                  readMs: number;
                  isArticle: boolean;
                  bodyWords: number;
                  entitiesMs: number;
                  datesMs: number;
                };
              };
            }
          ).claimmarkBench.timePage(h, u, true),
        [html, c.url] as const,
      );
      reads.push(t.readMs);
      if (t.bodyWords > 0) {
        articles++;
        words += t.bodyWords;
        entitiesMs += t.entitiesMs;
        datesMs += t.datesMs;
      }
    }
    reads.sort((a, b) => a - b);
    console.log(`\n## Speed in Chromium (${cases.length} trafilatura pages)`);
    console.log('| measure | value | target |');
    console.log('|---|---|---|');
    console.log(
      `| detection + metadata, median | ${percentile(reads, 0.5).toFixed(2)} ms | ≤ 5 ms |`,
    );
    console.log(
      `| detection + metadata, 95th percentile | ${percentile(reads, 0.95).toFixed(2)} ms | ≤ 30 ms |`,
    );
    console.log(`| detection + metadata, worst page | ${percentile(reads, 1).toFixed(2)} ms | — |`);
    const perK = (ms: number) => `${((ms / words) * 1000).toFixed(2)} ms`;
    console.log(
      `| text analysis (entities + dates), per 1,000 words | ${perK(entitiesMs + datesMs)} | ≤ 10 ms |`,
    );
    console.log(`|   … entities | ${perK(entitiesMs)} | — |`);
    console.log(`|   … dates | ${perK(datesMs)} | — |`);
    console.log(`| articles analysed / words | ${articles} / ${words} | — |`);
  } finally {
    await browser.close();
  }
}

/** The anchoring and library benchmarks live with their code; one command prints them all. */
function anchoring(): void {
  for (const [title, args] of [
    [
      'Anchoring speed (Node + jsdom, and Chromium)',
      ['scripts/anchoring/bench-speed.ts', '--chromium'],
    ],
    [
      'Anchoring after synthetic edits (per 1,000 highlights)',
      ['scripts/anchoring/bench-edits.ts'],
    ],
    [
      'The library in Chromium (100,000 notes over 5,000 articles, through the real popup)',
      ['scripts/library/bench-chromium.ts'],
    ],
    ['Versions of a story (issue 14, Node)', ['scripts/bench-versions.ts']],
    ['Versions of a story in Chromium (issue 14)', ['scripts/versions/bench-chromium.ts']],
  ] as const) {
    console.log(`\n## ${title}\n`);
    const run = spawnSync('npx', ['tsx', ...args], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`${args[0]} failed`);
  }
}

/**
 * Sync through CouchDB (issue 16): a first sync of 100,000 notes each way and one edit's round
 * trip, in two profiles of the e2e build (it grants the loopback server up front).
 */
function sync(): void {
  if (!existsSync(join(root, '.output', 'chrome-mv3-e2e', 'manifest.json'))) {
    throw new Error(
      'The sync benchmark needs the e2e build of the extension: run `npm run build:e2e` first.',
    );
  }
  console.log(
    '\n## Sync through CouchDB in Chromium (issue 16: 100,000 notes over 5,000 articles, two profiles, pouchdb-server)\n',
  );
  console.log('(Uses the e2e build in .output/chrome-mv3-e2e: run `npm run build:e2e` first.)\n');
  const run = spawnSync('npx', ['tsx', 'scripts/sync/bench-chromium.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('scripts/sync/bench-chromium.ts failed');
}

// `npm run bench -- --only sizes,speed` runs some parts; all of them by default.
const only = process.argv.includes('--only')
  ? new Set((process.argv[process.argv.indexOf('--only') + 1] ?? '').split(','))
  : null;
const wanted = (part: string) => only === null || only.has(part);
if (wanted('sizes')) await sizes();
if (wanted('speed') || wanted('anchoring')) requireCorpora('npm run bench');
if (wanted('speed')) await speed();
if (wanted('anchoring')) anchoring();
if (wanted('sync')) sync();
