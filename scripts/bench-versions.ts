/**
 * Versions of a story (issue 14): the size of one, the time to store one, and the time to build
 * the diff view of two, on 10,000-word stories made of real article text (the shared
 * trafilatura corpus). Runs in Node (CompressionStream, jsdiff, fake-indexeddb); prints figures
 * and asserts nothing.
 *   npx tsx scripts/bench-versions.ts
 */
import 'fake-indexeddb/auto';
import { diffVersions } from '../lib/anchoring/version-map';
import type { VersionContent } from '../lib/model/version';
import { ClaimmarkDatabase } from '../lib/storage/database';
import { recordVersion } from '../lib/storage/versions';
import { packVersion } from '../lib/versions/codec';
import { buildDiffView } from '../lib/versions/diff-view';
import { edited, storyMaker } from './versions/stories';

const story = storyMaker();

const content = (text: string): VersionContent => ({
  text,
  headline: 'A headline',
  byline: 'Jane Roe',
  published: '2025-10-16',
  modified: null,
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const runs = 20;
  const sizes: number[] = [];
  const chars: number[] = [];
  const store: number[] = [];
  const diffView: number[] = [];
  const follow: number[] = [];
  const db = new ClaimmarkDatabase('bench-versions');
  for (let r = 0; r < runs; r++) {
    const text = story(r * 37, 10_000);
    const next = edited(text);
    const packed = await packVersion(content(text));
    sizes.push(packed.data.byteLength);
    chars.push(text.length);
    const url = `https://news.example.com/story-${String(r)}`;
    let t = performance.now();
    await recordVersion(db, url, content(text), new Date());
    store.push(performance.now() - t);
    t = performance.now();
    buildDiffView(text, next);
    diffView.push(performance.now() - t);
    t = performance.now();
    diffVersions(text, next);
    follow.push(performance.now() - t);
  }
  // A typical news story is nearer 1,000 words than 10,000.
  const typical: number[] = [];
  for (let r = 0; r < runs; r++) {
    typical.push((await packVersion(content(story(r * 53, 1_000)))).data.byteLength);
  }
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `## Versions (issue 14): ${String(runs)} stories of 10,000 words (Node ${process.version})\n`,
  );
  console.log('| measure | median | target |');
  console.log('|---|---|---|');
  console.log(`| characters of text | ${median(chars).toLocaleString('en')} | — |`);
  console.log(`| stored size of one version (gzip) | ${kb(median(sizes))} | — |`);
  console.log(
    `| 5,000 articles × 2 versions of 10,000 words | ${((median(sizes) * 10_000) / 1024 / 1024).toFixed(0)} MB | — |`,
  );
  console.log(`| stored size of a 1,000-word story's version | ${kb(median(typical))} | — |`);
  console.log(
    `| 5,000 articles × 2 versions of 1,000 words | ${((median(typical) * 10_000) / 1024 / 1024).toFixed(0)} MB | — |`,
  );
  console.log(
    `| storing a version (hash, gzip, IndexedDB) | ${median(store).toFixed(1)} ms | ≤ 50 ms (Chromium) |`,
  );
  console.log(
    `| diff view model of two versions (jsdiff words) | ${median(diffView).toFixed(1)} ms | ≤ 300 ms painted |`,
  );
  console.log(`| word diff for re-anchoring | ${median(follow).toFixed(1)} ms | — |`);
  await db.delete();
}

await main();
