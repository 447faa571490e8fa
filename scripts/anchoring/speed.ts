/**
 * Anchoring speed on a long article: 200 highlights on 10,000 words. Pure DOM and web APIs,
 * so the same function runs under jsdom in Node and in a real browser page.
 */
import { anchorAll } from '../../lib/anchoring/anchor-all';
import { describeOffsets } from '../../lib/anchoring/describe';
import { buildTextModel } from '../../lib/anchoring/text-model';
import type { Selectors } from '../../lib/anchoring/types';
import { pickPassage, type LengthClass, type Para } from './edits';
import { renderArticle } from './render';
import { Rng } from './rng';

/** What one speed run measured (milliseconds). */
export interface SpeedReport {
  words: number;
  highlights: number;
  /** Building the text model once. */
  modelMs: number;
  /** anchorAll on the unchanged page: first run, and median of the next runs. */
  unchangedFirstMs: number;
  unchangedMedianMs: number;
  /** anchorAll when every highlight was edited (all go through fuzzy matching). */
  fuzzyTotalMs: number;
  /** The longest task during that fuzzy pass (Chromium: longest long task, 0 if none > 50 ms). */
  fuzzyLongestTaskMs: number;
  fuzzyAnchored: number;
}

const LENGTHS: readonly LengthClass[] = ['words', 'part', 'sentence', 'multi'];

/**
 * Run `work` and measure the longest task it caused. Where the browser reports long tasks
 * (Chromium's 'longtask' entries: every task over 50 ms) that report is the measure, 0 when
 * there was none. Elsewhere (Node) a probe message measures how long a task posted during the
 * work had to wait; it re-posts only from its own turn, so it never starves the work.
 */
async function withLongestTask<T>(work: () => Promise<T>): Promise<[T, number]> {
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    let longest = 0;
    let from = Infinity;
    // Only tasks that start with the work count: the current one built the page.
    const note = (entries: PerformanceEntryList) => {
      for (const e of entries) if (e.startTime >= from) longest = Math.max(longest, e.duration);
    };
    const observer = new PerformanceObserver((list) => note(list.getEntries()));
    observer.observe({ type: 'longtask' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    from = performance.now();
    const result = await work();
    // Long-task entries arrive after the task: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    note(observer.takeRecords());
    observer.disconnect();
    return [result, longest];
  }
  let longest = 0;
  let posted = performance.now();
  let done = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    longest = Math.max(longest, performance.now() - posted);
    posted = performance.now();
    if (!done) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  const result = await work();
  done = true;
  channel.port1.close();
  channel.port2.close();
  return [result, longest];
}

/** Time anchoring 200 highlights on a ~10,000-word article built from `pool` paragraphs. */
export async function runSpeedBench(
  doc: Document,
  pool: readonly string[],
  { words = 10_000, highlights = 200, seed = 7, runs = 7 } = {},
): Promise<SpeedReport> {
  const rng = new Rng(seed);
  const paras: Para[] = [];
  let count = 0;
  for (const text of pool) {
    if (count >= words) break;
    paras.push({ id: paras.length, text });
    count += text.split(/\s+/).length;
  }
  const page = renderArticle(doc, paras, rng);
  const t0 = performance.now();
  const model = buildTextModel(page.root);
  const modelMs = performance.now() - t0;

  const list: Selectors[] = [];
  const typos: { id: number; at: number }[] = [];
  while (list.length < highlights) {
    const para = rng.pick(paras);
    const span = pickPassage(rng, para.text, LENGTHS[list.length % LENGTHS.length] ?? 'part');
    if (!span) continue;
    const base = page.starts.get(para.id) ?? 0;
    list.push(describeOffsets(model, base + span[0], base + span[1]));
    typos.push({ id: para.id, at: span[0] + ((span[1] - span[0]) >> 1) });
  }

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await anchorAll(page.root, list);
    times.push(performance.now() - start);
  }
  const [first = 0, ...rest] = times;
  rest.sort((a, b) => a - b);

  // One changed character in the middle of every passage: nothing matches exactly any more.
  const edited = paras.map((p) => ({ ...p }));
  for (const { id, at } of typos) {
    const p = edited[id] as Para;
    p.text = p.text.slice(0, at) + (p.text[at] === 'x' ? 'y' : 'x') + p.text.slice(at + 1);
  }
  const editedPage = renderArticle(doc, edited, rng);
  let fuzzyTotalMs = 0;
  const [results, longest] = await withLongestTask(async () => {
    const start = performance.now();
    const anchored = await anchorAll(editedPage.root, list);
    fuzzyTotalMs = performance.now() - start;
    return anchored;
  });
  return {
    words: count,
    highlights: list.length,
    modelMs,
    unchangedFirstMs: first,
    unchangedMedianMs: rest[rest.length >> 1] ?? first,
    fuzzyTotalMs,
    fuzzyLongestTaskMs: longest,
    fuzzyAnchored: results.filter((r) => r.status === 'anchored').length,
  };
}
