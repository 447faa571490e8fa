/**
 * Times findDateMentions on long real article bodies: the first 150 trafilatura pages, their
 * bodies extracted as the extension does, published '2020-01-01'. Prints ms per 1,000 words for
 * the first pass (what a freshly started background page pays, V8 compiling every pattern) and
 * the best of 5 more passes, wall-clock and CPU time, and the slowest pages.
 * Run: `npx tsx scripts/dates/speed-real.ts [--dump out.json] [--no-cache]`.
 * Bodies are cached in the OS temp folder (extraction with jsdom is slow); `--dump` writes every
 * page's mentions, to check that a speed-up changes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findDateMentions } from '../../lib/article/dates/index.ts';
import { extractBody } from '../../lib/article/body/index.ts';
import { parseDocument, readCases, readPage } from '../metadata/corpus.ts';

const COUNT = 150;
const PUBLISHED = '2020-01-01';
const ROUNDS = 6;

interface Body {
  id: string;
  text: string;
}

function loadBodies(useCache: boolean): Body[] {
  const cache = path.join(tmpdir(), `claimmark-dates-bodies-${COUNT}.json`);
  if (useCache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Body[];
  const bodies: Body[] = [];
  for (const c of readCases('trafilatura').slice(0, COUNT)) {
    const { doc, close } = parseDocument(readPage('trafilatura', c.id), c.url);
    try {
      const body = extractBody(doc, c.url);
      if (body) bodies.push({ id: c.id, text: body.text });
    } finally {
      close();
    }
  }
  writeFileSync(cache, JSON.stringify(bodies));
  return bodies;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function main(): void {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf('--dump');
  const bodies = loadBodies(!args.includes('--no-cache'));
  const words = bodies.map((b) => wordCount(b.text));
  const totalWords = words.reduce((a, b) => a + b, 0);
  const perPage = bodies.map(() => Infinity);
  let best = Infinity;
  let first = 0;
  let bestCpu = Infinity;
  let firstCpu = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    bodies.forEach((b, i) => {
      const s = performance.now();
      findDateMentions(b.text, PUBLISHED);
      perPage[i] = Math.min(perPage[i] ?? Infinity, performance.now() - s);
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (round === 0) {
      first = ms;
      firstCpu = cpuMs;
    } else {
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, cpuMs);
    }
  }
  const perK = (ms: number): string => ((ms / totalWords) * 1000).toFixed(2);
  console.log(
    `${bodies.length} bodies, ${totalWords} words, ms per 1,000 words: first pass ${perK(first)}, best of the next ${ROUNDS - 1} ${perK(best)}`,
  );
  console.log(
    `  the same in CPU time (steadier on a busy machine): first pass ${perK(firstCpu)}, best ${perK(bestCpu)}`,
  );
  const slowest = bodies
    .map((b, i) => ({ id: b.id, ms: perPage[i] ?? 0, words: words[i] ?? 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  console.log('slowest pages (best pass):');
  for (const s of slowest) {
    const rate = s.words === 0 ? 0 : (s.ms / s.words) * 1000;
    console.log(
      `  ${s.id.padEnd(24)} ${s.ms.toFixed(1).padStart(6)} ms  ${String(s.words).padStart(6)} words  ${rate.toFixed(2)} ms/1k`,
    );
  }
  const out = dumpAt >= 0 ? args[dumpAt + 1] : undefined;
  if (out !== undefined) {
    const all = bodies.map((b) => ({ id: b.id, mentions: findDateMentions(b.text, PUBLISHED) }));
    writeFileSync(out, JSON.stringify(all, null, 1));
    console.log(`mentions written to ${out}`);
  }
}

main();
