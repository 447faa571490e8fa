/**
 * Versions in Chromium (issue 14): storing a version of a 10,000-word story, and painting the
 * diff view of two such versions. Prints figures; asserts nothing.
 *   npx tsx scripts/versions/bench-chromium.ts
 */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureBrowser } from '../../tests/support/browsers';
import { startStaticServer } from '../../tests/support/static-server';
import { edited, storyMaker } from './stories';

const root = resolve(import.meta.dirname, '../..');

interface Bench {
  store(text: string): Promise<number>;
  paint(before: string, after: string): Promise<number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const bundled = await build({
  entryPoints: [join(root, 'scripts/versions/chromium-entry.ts')],
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'silent',
});
const code = bundled.outputFiles[0]?.text ?? '';
// IndexedDB needs a real origin: a page of our own static server.
const server = await startStaticServer({}, 0, {
  '/bench.html': () => '<!doctype html><body></body>',
});
const browser = await chromium.launch({
  executablePath: ensureBrowser('chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/bench.html`);
  await page.addScriptTag({ content: code });
  const story = storyMaker();
  const stores: number[] = [];
  const paints: number[] = [];
  for (let r = 0; r < 20; r++) {
    const text = story(r * 37, 10_000);
    const next = edited(text);
    stores.push(
      await page.evaluate(
        (t) => (globalThis as unknown as { claimmarkVersions: Bench }).claimmarkVersions.store(t),
        text,
      ),
    );
    paints.push(
      await page.evaluate(
        ([a, b]) =>
          (globalThis as unknown as { claimmarkVersions: Bench }).claimmarkVersions.paint(a, b),
        [text, next] as const,
      ),
    );
  }
  console.log('| measure (Chromium, 20 stories of 10,000 words) | median | worst | target |');
  console.log('|---|---|---|---|');
  console.log(
    `| storing a version | ${median(stores).toFixed(1)} ms | ${Math.max(...stores).toFixed(1)} ms | ≤ 50 ms |`,
  );
  console.log(
    `| diff view of two versions, built and painted | ${median(paints).toFixed(1)} ms | ${Math.max(...paints).toFixed(1)} ms | ≤ 300 ms |`,
  );
} finally {
  await browser.close();
  await server.close();
}
