/**
 * The library's speed in Chromium, on a generated library of 100,000 annotations over 5,000
 * articles, through the real popup of the built extension (.output/chrome-mv3): importing the
 * Claimmark JSON file, opening the popup, searching letter by letter, filtering, exporting.
 * Figures come from the popup's own performance measures. Prints; asserts nothing.
 * Usage: npx tsx scripts/library/bench-chromium.ts [--annotations N] [--articles N]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { exportClaimmarkJson } from '../../lib/exchange';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { generateLibrary } from './generate-catalog';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const annotations = arg('--annotations', 100_000);
const articles = arg('--articles', Math.round(annotations / 20));

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
const file = join(folder, 'library.json');
let t = performance.now();
writeFileSync(file, exportClaimmarkJson(library.articles, library.annotations, { kind: 'all' }));
const fileMb = statSync(file).size / 1024 / 1024;
console.log(
  `Generated ${annotations.toLocaleString()} annotations over ${articles.toLocaleString()} articles: ${fileMb.toFixed(1)} MB of Claimmark JSON (${s(performance.now() - t)} in Node)\n`,
);

const browser = await launchChromium();
const rows: [string, string, string][] = [];
try {
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?view=library&tab=0`;
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl);
  await popup.getByText('Your library is empty').waitFor();
  await popup.getByText('Export and import').click();
  await popup.getByLabel('A Claimmark JSON or W3C JSON-LD file').setInputFiles(file);
  await popup.getByText(/library\.json: .* new notes/).waitFor({ timeout: 600_000 });
  const [preview] = await measures(popup, 'claimmark:import-preview');
  t = performance.now();
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await popup.getByText(/^Imported library\.json/).waitFor({ timeout: 600_000 });
  const [imported] = await measures(popup, 'claimmark:import');
  rows.push(['import: read + validate + preview the file', s(preview ?? NaN), '—']);
  rows.push(['import: write (one transaction)', s(imported ?? NaN), '—']);
  rows.push([
    'import of the whole file (preview + write)',
    s((preview ?? NaN) + (imported ?? NaN)),
    '≤ 10 s',
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
  rows.push(['popup open → whole library searchable (median)', ms(stats(searchable).median), '—']);
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
    rows.push([`export of everything, ${button} (${size.toFixed(1)} MB)`, s(took ?? NaN), target]);
  }
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}

console.log('| measure | Chromium | target |');
console.log('|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
