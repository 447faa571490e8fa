// Speed of the entity recogniser and the merge on real article bodies: the first 150
// pages of the trafilatura corpus, body text as the extension extracts it.
//
//   npx tsx scripts/ner/speed-real.ts [--runs N] [--dump out.json] [--fresh]
//
// --dump writes every page's mentions and entities, to check that a speed-up changed nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractBody } from '../../lib/article/body/index.ts';
import { mergeEntities } from '../../lib/article/entities/merge.ts';
import { recognizeEntities } from '../../lib/article/entities/recognize.ts';
import type { Entity, EntityMention } from '../../lib/article/types.ts';
import { parseDocument, readCases, readPage } from '../metadata/corpus.ts';

const PAGES = 150;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

interface Body {
  id: string;
  text: string;
  words: number;
}

// Parsing 150 pages takes a minute or two: the bodies are cached in the temp folder.
const CACHE = path.join(os.tmpdir(), `claimmark-ner-bodies-${PAGES}.json`);

function bodies(): Body[] {
  if (existsSync(CACHE) && !process.argv.includes('--fresh'))
    return JSON.parse(readFileSync(CACHE, 'utf8')) as Body[];
  const out: Body[] = [];
  for (const c of readCases('trafilatura').slice(0, PAGES)) {
    const { doc, close } = parseDocument(readPage('trafilatura', c.id), c.url);
    try {
      const text = extractBody(doc, c.url)?.text;
      if (text) out.push({ id: c.id, text, words: text.split(/\s+/).filter(Boolean).length });
    } finally {
      close();
    }
  }
  writeFileSync(CACHE, JSON.stringify(out));
  return out;
}

function main(): void {
  const runs = Number(arg('--runs') ?? 3);
  const texts = bodies();
  const words = texts.reduce((n, t) => n + t.words, 0);
  console.log(`${texts.length} bodies, ${words} words`);
  recognizeEntities('Warm up the model in Paris.');
  // A shared machine is noisy: per page and step the fastest of the runs (wall clock), and
  // per run the process's CPU time, of which the least is reported.
  const rec = new Map<string, number>();
  const merge = new Map<string, number>();
  const best = (m: Map<string, number>, id: string, ms: number): void => {
    m.set(id, Math.min(m.get(id) ?? Infinity, ms));
  };
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let cpuRec = Infinity;
  let cpuMerge = Infinity;
  const dump: { id: string; mentions: EntityMention[]; entities: Entity[] }[] = [];
  for (let r = 0; r < runs; r++) {
    let cr = 0;
    let cm = 0;
    for (const t of texts) {
      const c0 = cpu();
      const t0 = performance.now();
      const mentions = recognizeEntities(t.text);
      const t1 = performance.now();
      const c1 = cpu();
      const entities = mergeEntities(t.text, mentions);
      const t2 = performance.now();
      const c2 = cpu();
      best(rec, t.id, t1 - t0);
      best(merge, t.id, t2 - t1);
      cr += c1 - c0;
      cm += c2 - c1;
      if (r === 0) dump.push({ id: t.id, mentions, entities });
    }
    cpuRec = Math.min(cpuRec, cr);
    cpuMerge = Math.min(cpuMerge, cm);
  }
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const per1k = (ms: number): string => ((ms / words) * 1000).toFixed(2).padStart(7);
  console.log(`ms per 1,000 words over ${runs} runs   wall (fastest per page)   CPU (least run)`);
  console.log(`  recognizeEntities             ${per1k(sum(rec))}             ${per1k(cpuRec)}`);
  console.log(
    `  mergeEntities                 ${per1k(sum(merge))}             ${per1k(cpuMerge)}`,
  );
  console.log(
    `  together                      ${per1k(sum(rec) + sum(merge))}             ${per1k(cpuRec + cpuMerge)}`,
  );
  console.log('slowest pages (recognize + merge, wall):');
  const total = texts.map((t) => ({ ...t, ms: (rec.get(t.id) ?? 0) + (merge.get(t.id) ?? 0) }));
  for (const t of total.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const m = merge.get(t.id) ?? 0;
    console.log(
      `  ${t.id}  ${t.words} words  ${t.ms.toFixed(1)} ms (merge ${m.toFixed(1)}), ${((t.ms / t.words) * 1000).toFixed(1)} ms/1k`,
    );
  }
  const out = arg('--dump');
  if (out !== undefined) writeFileSync(out, JSON.stringify(dump));
}

main();
