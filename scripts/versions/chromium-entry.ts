// Bundled by scripts/versions/bench-chromium.ts and run in Chromium: the figures are the
// browser's (its IndexedDB, its gzip, its layout), not Node's.
import { h, render } from 'preact';
import { DiffView } from '../../components/diff/DiffView';
import { ClaimmarkDatabase } from '../../lib/storage/database';
import { recordVersion } from '../../lib/storage/versions';
import { buildDiffView } from '../../lib/versions/diff-view';

const db = new ClaimmarkDatabase('bench-versions');
let n = 0;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Stores a version of `text` under a fresh article: hash, gzip, and the IndexedDB write. */
async function store(text: string): Promise<number> {
  const started = performance.now();
  await recordVersion(
    db,
    `https://news.example.com/story-${String(++n)}`,
    { text, headline: 'A headline', byline: null, published: null, modified: null },
    new Date(),
  );
  return performance.now() - started;
}

/** Builds and paints the diff view of two versions: from the texts to the next painted frame. */
async function paint(before: string, after: string): Promise<number> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const started = performance.now();
  render(h(DiffView, { model: buildDiffView(before, after) }), root);
  // Layout and paint happen before the next animation frame's callbacks run.
  root.getBoundingClientRect();
  await frame();
  return performance.now() - started;
}

(globalThis as unknown as { claimmarkVersions: object }).claimmarkVersions = { store, paint };
