/**
 * The library's speed in Chromium, on a generated library of 100,000 annotations over 5,000
 * articles, through the real popup of the built extension (.output/chrome-mv3): importing the
 * Claimmark JSON file, opening the popup, searching letter by letter, filtering, exporting.
 * Twice, in two fresh profiles: the library alone, then the same library with each story's
 * versions (issue 14: 2 versions of a 1,000-word story of real article text per article, the
 * notes made on the first), so the two columns show what versions cost. Figures come from the
 * popup's own performance measures. Prints; asserts nothing.
 * Usage: npx tsx scripts/library/bench-chromium.ts [--annotations N] [--articles N]
 *   [--versions N (per article, 0 for the library alone)] [--words N (per story)]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { exportClaimmarkJson } from '../../lib/exchange';
import type { ExportVersion } from '../../lib/exchange/schema';
import { hashText } from '../../lib/versions/codec';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { edited, storyMaker } from '../versions/stories';
import { generateLibrary, type GeneratedLibrary } from './generate-catalog';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const annotations = arg('--annotations', 100_000);
const articles = arg('--articles', Math.round(annotations / 20));
const versionsPerArticle = process.argv.includes('--versions') ? arg('--versions', 0) : 2;
const storyWords = arg('--words', 1000);

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.floor((sorted.length - 1) * p)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** Durations of the popup's measures of one name, cleared afterwards. */
function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => {
    const found = performance.getEntriesByName(n, 'measure').map((e) => e.duration);
    performance.clearMeasures(n);
    return found;
  }, name);
}

async function settle(page: Page): Promise<void> {
  // Two frames: the measure of the last change is taken in the frame after its render.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

const library = generateLibrary({ annotations, articles, seed: 20261126 });
const folder = mkdtempSync(join(tmpdir(), 'claimmark-bench-'));

/**
 * Each article's versions: its story, then the publisher's edit of it (then edits of edits),
 * seen a day apart; the library's notes are all made on the first.
 */
async function withVersions(
  from: GeneratedLibrary,
  perArticle: number,
): Promise<{ library: GeneratedLibrary; versions: ExportVersion[] }> {
  // 60 articles of the corpus give enough paragraphs for varied stories, and load in seconds.
  const story = storyMaker(60);
  const versions: ExportVersion[] = [];
  for (const [i, article] of from.articles.entries()) {
    let text = story(i * 7, storyWords);
    for (let n = 1; n <= perArticle; n++) {
      const seenMs = Date.parse(article.savedAt) + (n - 1) * 86_400_000;
      versions.push({
        articleUrl: article.url,
        n,
        hash: await hashText(text),
        seenAt: new Date(seenMs).toISOString(),
        content: {
          text,
          headline: article.facts?.metadata?.headline ?? null,
          byline: article.facts?.metadata?.byline.join(', ') || null,
          published: article.facts?.metadata?.published ?? null,
          modified: null,
        },
      });
      text = edited(text);
    }
  }
  const annotated = from.annotations.map((a) => ({ ...a, version: 1 }));
  return { library: { articles: from.articles, annotations: annotated }, versions };
}

async function writeLibrary(name: string, perArticle: number): Promise<string> {
  const file = join(folder, name);
  const t = performance.now();
  const { library: lib, versions } =
    perArticle > 0 ? await withVersions(library, perArticle) : { library, versions: undefined };
  writeFileSync(
    file,
    exportClaimmarkJson(lib.articles, lib.annotations, { kind: 'all' }, new Date(), versions),
  );
  const fileMb = statSync(file).size / 1024 / 1024;
  console.log(
    `Generated ${annotations.toLocaleString()} annotations over ${articles.toLocaleString()} articles${versions ? `, ${versions.length.toLocaleString()} versions of ${storyWords.toLocaleString()}-word stories` : ''}: ${fileMb.toFixed(1)} MB of Claimmark JSON (${s(performance.now() - t)} in Node)`,
  );
  return file;
}

/** What the profile's storage holds: the browser's estimate, and the versions' own bytes. */
async function storageOf(
  page: Page,
): Promise<{ usage: number; versionBytes: number; versions: number }> {
  return page.evaluate(async () => {
    const { usage = 0 } = await navigator.storage.estimate();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    try {
      return await new Promise<{ usage: number; versionBytes: number; versions: number }>(
        (resolve, reject) => {
          let versionBytes = 0;
          let versions = 0;
          const cursor = db.transaction('versions').objectStore('versions').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              resolve({ usage, versionBytes, versions });
              return;
            }
            versionBytes += (at.value as { bytes: number }).bytes;
            versions++;
            at.continue();
          };
          cursor.onerror = () => reject(cursor.error ?? new Error('read failed'));
        },
      );
    } finally {
      db.close();
    }
  });
}

type Rows = [string, string, string][];

/** Imports the file into a fresh profile and measures the library there. */
async function benchProfile(file: string): Promise<Rows> {
  const browser = await launchChromium();
  const rows: Rows = [];
  try {
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?view=library&tab=0`;
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl);
    await popup.getByText('Your library is empty').waitFor();
    await popup.getByText('Export and import').click();
    await popup.getByLabel('A Claimmark JSON or W3C JSON-LD file').setInputFiles(file);
    await popup.getByText(/\.json: .* new notes/).waitFor({ timeout: 600_000 });
    const [preview] = await measures(popup, 'claimmark:import-preview');
    await popup.getByRole('button', { name: 'Import', exact: true }).click();
    await popup.getByText(/^Imported /).waitFor({ timeout: 600_000 });
    const [imported] = await measures(popup, 'claimmark:import');
    rows.push(['import: read + validate + preview the file', s(preview ?? NaN), '—']);
    rows.push(['import: write (one transaction)', s(imported ?? NaN), '—']);
    rows.push([
      'import of the whole file (preview + write)',
      s((preview ?? NaN) + (imported ?? NaN)),
      '≤ 10 s',
    ]);
    const stored = await storageOf(popup);
    rows.push([
      'IndexedDB usage after the import (navigator.storage.estimate)',
      `${(stored.usage / 1024 / 1024).toFixed(0)} MB`,
      '—',
    ]);
    rows.push([
      'versions stored; their compressed bytes',
      `${stored.versions.toLocaleString()}; ${(stored.versionBytes / 1024 / 1024).toFixed(1)} MB`,
      '—',
    ]);
    await popup.close();

    // Opening the popup: first rows painted, and the whole catalog indexed for search.
    const firstRows: number[] = [];
    const searchable: number[] = [];
    const indexBuild: number[] = [];
    const wordIndex: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < 5; i++) {
      await page?.close();
      page = await browser.context.newPage();
      await page.goto(popupUrl);
      await page.locator('.vlist__row').first().waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('claimmark:first-rows').length);
      firstRows.push((await measures(page, 'claimmark:first-rows'))[0] ?? NaN);
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('.library__search')?.disabled === false,
        null,
        { timeout: 120_000 },
      );
      searchable.push(await page.evaluate(() => performance.now()));
      indexBuild.push((await measures(page, 'claimmark:index'))[0] ?? NaN);
      wordIndex.push((await measures(page, 'claimmark:word-index'))[0] ?? NaN);
    }
    if (!page) throw new Error('no popup');
    const open = stats(firstRows);
    rows.push([
      'popup open → first list painted (median of 5; max)',
      `${ms(open.median)}; ${ms(open.max)}`,
      '≤ 300 ms',
    ]);
    rows.push([
      'popup open → whole library searchable (median)',
      ms(stats(searchable).median),
      '—',
    ]);
    rows.push(['  … of which indexing the catalog (median)', ms(stats(indexBuild).median), '—']);
    rows.push(['  … and building the word index (median)', ms(stats(wordIndex).median), '—']);

    const search = page.getByLabel('Search the library');
    const typed: number[] = [];
    for (const query of ['viktor orban', 'sanctions budapest', 'the minister said']) {
      await search.fill('');
      await settle(page);
      await measures(page, 'claimmark:search');
      await search.pressSequentially(query, { delay: 120 });
      await settle(page);
      typed.push(...(await measures(page, 'claimmark:search')));
    }
    const keys = stats(typed);
    if (process.argv.includes('--each'))
      console.log('keystrokes (ms):', typed.map((t) => t.toFixed(0)).join(' '));
    rows.push([
      `search, per keystroke (${typed.length} keystrokes: median; 95th percentile; max)`,
      `${ms(keys.median)}; ${ms(keys.p95)}; ${ms(keys.max)}`,
      '≤ 50 ms',
    ]);
    await search.fill('');
    await settle(page);
    await measures(page, 'claimmark:search');

    const filterTimes: number[] = [];
    const apply = async (label: string, value: string | { index: number }) => {
      await page.getByLabel(label, { exact: true }).selectOption(value);
      await settle(page);
      filterTimes.push(...(await measures(page, 'claimmark:filter')));
    };
    await apply('Kind', 'claim');
    await apply('Status', 'disputed');
    await apply('Tag', { index: 1 });
    await apply('Kind', '');
    await apply('Site', { index: 1 });
    await apply('Names', { index: 1 });
    await apply('Status', '');
    const filters = stats(filterTimes);
    rows.push([
      `applying a filter (${filterTimes.length} changes: median; max)`,
      `${ms(filters.median)}; ${ms(filters.max)}`,
      '≤ 50 ms',
    ]);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByText('Export and import').click();
    for (const [button, target] of [
      ['Claimmark JSON', '≤ 3 s'],
      ['W3C JSON-LD', '—'],
      ['Markdown', '—'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 600_000 }),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      const size = statSync(await download.path()).size / 1024 / 1024;
      const [took] = await measures(page, 'claimmark:export');
      rows.push([
        `export of everything, ${button}`,
        `${s(took ?? NaN)} (${size.toFixed(1)} MB)`,
        target,
      ]);
    }
    if (stored.versions > 0) {
      await page.getByLabel(/With the stories' stored versions/).check();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 600_000 }),
        page.getByRole('button', { name: 'Claimmark JSON', exact: true }).click(),
      ]);
      const size = statSync(await download.path()).size / 1024 / 1024;
      const [took] = await measures(page, 'claimmark:export');
      rows.push([
        'export of everything, Claimmark JSON with the versions',
        `${s(took ?? NaN)} (${size.toFixed(1)} MB)`,
        '—',
      ]);
    }
  } finally {
    await browser.close();
  }
  return rows;
}

const columns: [string, string][] = [['library alone', await writeLibrary('library.json', 0)]];
if (versionsPerArticle > 0) {
  columns.push([
    `with ${String(versionsPerArticle)} versions per article`,
    await writeLibrary('library-versions.json', versionsPerArticle),
  ]);
}
console.log('');
const results: Rows[] = [];
try {
  for (const [, file] of columns) results.push(await benchProfile(file));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

console.log(`| measure | ${columns.map(([name]) => name).join(' | ')} | target |`);
console.log(`|---|${columns.map(() => '---|').join('')}---|`);
// Rows by their measure: a profile may measure what another does not (an export with versions).
const targets = new Map(results.flatMap((r) => r.map(([what, , target]) => [what, target])));
for (const [what, target] of targets) {
  const values = results.map((r) => r.find(([name]) => name === what)?.[1] ?? '—');
  console.log(`| ${what} | ${values.join(' | ')} | ${target} |`);
}
