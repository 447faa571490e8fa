/**
 * Anchoring speed: 200 highlights on a 10,000-word article of real paragraphs.
 *   npx tsx scripts/anchoring/bench-speed.ts [--chromium]
 * Runs speed.ts under jsdom in Node and, with --chromium, in Debian's Chromium (headless,
 * via playwright-core). Prints a Markdown table; asserts nothing.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { requireBrowser } from '../../tests/support/browsers';
import { loadArticles } from './corpus';
import { runSpeedBench, type SpeedReport } from './speed';

async function inChromium(pool: string[]): Promise<SpeedReport> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'speed-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: requireBrowser('chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: code });
    return await page.evaluate(async (paragraphs) => {
      const run = (globalThis as unknown as { runSpeedBench: typeof runSpeedBench }).runSpeedBench;
      return run(document, paragraphs);
    }, pool);
  } finally {
    await browser.close();
  }
}

const pool = loadArticles(80).flat();
const columns: [string, SpeedReport][] = [];
const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
columns.push(['Node 20 + jsdom', await runSpeedBench(doc, pool)]);
if (process.argv.includes('--chromium')) columns.push(['Chromium', await inChromium(pool)]);

const first = columns[0]?.[1] ?? {};
console.log(`| measure (ms unless said) | ${columns.map(([name]) => name).join(' | ')} |`);
console.log(`| --- |${' --- |'.repeat(columns.length)}`);
for (const key of Object.keys(first) as (keyof SpeedReport)[]) {
  const cells = columns.map(([, r]) => (Number.isInteger(r[key]) ? r[key] : r[key].toFixed(1)));
  console.log(`| ${key} | ${cells.join(' | ')} |`);
}
