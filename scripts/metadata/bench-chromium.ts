/**
 * Times detectArticle + extractMetadata inside Chromium (the real target) on sample corpus pages.
 * Usage: npx tsx scripts/metadata/bench-chromium.ts [--pages N] [--chromium /usr/bin/chromium]
 * Bundles the two functions with esbuild (present through WXT/Vite) and runs them in each page
 * with the page's own scripts (except JSON-LD) removed and the network off. Prints figures; asserts nothing.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readCases, readPage } from './corpus';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { detectArticle } from './lib/article/detect/index';
        import { extractMetadata, readSignals } from './lib/article/metadata/index';
        globalThis.__claimmark = (url) => {
          const t0 = performance.now();
          const signals = readSignals(document);
          const d = detectArticle(document, url, { signals });
          const m = extractMetadata(document, url, { signals });
          return { ms: performance.now() - t0, isArticle: d.isArticle, headline: m.headline };
        };`,
      resolveDir: path.resolve(here, '../..'),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

async function main(): Promise<void> {
  const n = Number(arg('--pages', '120'));
  const code = await bundle();
  const browser = await chromium.launch({ executablePath: arg('--chromium', '/usr/bin/chromium') });
  const context = await browser.newContext();
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  const pick = (folder: string, every: number) =>
    readCases(folder)
      .filter((_, i) => i % every === 0)
      .map((c) => ({ folder, c }));
  const sample = [...pick('trafilatura', 10), ...pick('isarticle-dev', 8)].slice(0, n);
  const times: number[] = [];
  for (const { folder, c } of sample) {
    const html = readPage(folder, c.id).replace(
      /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/gi,
      '',
    );
    await page.setContent(html, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
    await page.evaluate(code).catch(() => undefined);
    // Run twice: the first call includes compiling the bundle, which a content script pays once.
    const run = () =>
      page.evaluate(
        (url) =>
          (globalThis as unknown as { __claimmark: (u: string) => { ms: number } }).__claimmark(
            url,
          ),
        c.url,
      );
    await run().catch(() => undefined);
    const r = await run().catch(() => null);
    if (r) times.push(r.ms);
  }
  await browser.close();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  console.log(
    `Chromium, detect + metadata over ${times.length} pages: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${q(1).toFixed(1)} ms; bundle ${code.length} bytes minified`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
