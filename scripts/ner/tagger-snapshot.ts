// Snapshots what the entity tagger and its training features produce on real text, so a
// change to either can be shown to alter nothing: run it before and after, then compare.
// Texts: every CoNLL-2003 training-split document, and the article bodies that
// speed-real.ts caches (run that once first to include them).
//
//   npx tsx scripts/ner/tagger-snapshot.ts --out after.json [--lib DIR]
//   npx tsx scripts/ner/tagger-snapshot.ts --compare before.json after.json
//
// --lib points at another checkout's lib/ (say `git archive <commit> lib` unpacked in a temp
// folder), so the same texts go through the old code.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDocs, repoRoot } from './corpus.ts';

interface LinearModel {
  index: Map<number, number>;
  weights: Int8Array;
  transitions: Int16Array;
}

interface TaggerModule {
  CompiledTagger: new (
    pass1: LinearModel,
    pass2: LinearModel,
    gazetteer: Map<string, number>,
  ) => {
    tag(sentences: string[][]): {
      e1: Int32Array;
      e2: Int32Array;
      tags1: Uint8Array;
      tags2: Uint8Array;
    };
  };
}

interface Snapshot {
  texts: string[];
  /** Per text: first- and second-pass tags, one letter per tag, sentences split by spaces. */
  tags1: string[];
  tags2: string[];
  /** Per text: digests of both passes' emission scores and of the training features. */
  scores: string[];
  features: string[];
  /** Fastest of three runs of the tagger over every text, in ms. */
  tagMs: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const load = async <T>(lib: string, file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(lib, 'article/entities', file)).href)) as T;

function texts(): { id: string; text: string }[] {
  const out = loadDocs().map((d) => ({ id: `conll:${d.id}`, text: d.text }));
  const cache = path.join(os.tmpdir(), 'claimmark-ner-bodies-150.json');
  if (existsSync(cache)) {
    const bodies = JSON.parse(readFileSync(cache, 'utf8')) as { id: string; text: string }[];
    out.push(...bodies.map((b) => ({ id: `page:${b.id}`, text: b.text })));
  }
  return out;
}

const digest = (parts: ArrayLike<number>[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(Int32Array.from([p.length, ...Array.from(p)]));
  return h.digest('hex').slice(0, 16);
};

const letters = (tags: Uint8Array, starts: number[]): string =>
  starts
    .slice(0, -1)
    .map((s, i) =>
      [...tags.subarray(s, starts[i + 1])].map((t) => String.fromCharCode(97 + t)).join(''),
    )
    .join(' ');

async function snapshot(lib: string): Promise<Snapshot> {
  const { CompiledTagger } = await load<TaggerModule>(lib, 'tagger.ts');
  const { decodeModels, fromBase64 } = await load<{
    decodeModels: (b: Uint8Array) => LinearModel[];
    fromBase64: (s: string) => Uint8Array;
  }>(lib, 'model.ts');
  const { GAZETTEER, MODEL_BASE64 } = await load<{ GAZETTEER: string; MODEL_BASE64: string }>(
    lib,
    'model-data.ts',
  );
  const { parseGazetteer } = await load<{ parseGazetteer: (s: string) => Map<string, number> }>(
    lib,
    'gazetteer.ts',
  );
  const { splitSentences, tokenize } = await load<{
    tokenize: (text: string) => { text: string }[];
    splitSentences: (text: string, tokens: { text: string }[]) => { text: string }[][];
  }>(lib, 'tokenize.ts');
  const { docStats } = await load<{ docStats: (s: string[][]) => unknown }>(lib, 'features.ts');
  const pipeline = await load<{
    firstPassFeatures: (s: string[][], g: Map<string, number>, st: unknown) => Uint32Array[][];
    secondPassFeatures: (s: string[][], f: Uint32Array[][], p: Uint8Array[]) => Uint32Array[][];
  }>(lib, 'pipeline.ts');

  const [pass1, pass2] = decodeModels(fromBase64(MODEL_BASE64));
  if (pass1 === undefined || pass2 === undefined) throw new Error('expected two passes');
  const gazetteer = parseGazetteer(GAZETTEER);
  const tagger = new CompiledTagger(pass1, pass2, gazetteer);
  const docs = texts().map(({ id, text }) => ({
    id,
    sentences: splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text)),
  }));
  const snap: Snapshot = { texts: [], tags1: [], tags2: [], scores: [], features: [], tagMs: 0 };
  for (const { id, sentences } of docs) {
    const got = tagger.tag(sentences);
    const starts: number[] = [0];
    for (const s of sentences) starts.push((starts[starts.length - 1] ?? 0) + s.length);
    // Training's features, sorted per token: their order is not part of what they mean.
    const first = pipeline.firstPassFeatures(sentences, gazetteer, docStats(sentences));
    const tagsBySentence = sentences.map((_, i) => got.tags1.slice(starts[i], starts[i + 1]));
    const second = pipeline.secondPassFeatures(sentences, first, tagsBySentence);
    const sorted = [...first, ...second].flat().map((keys) => Uint32Array.from(keys).sort());
    snap.texts.push(id);
    snap.tags1.push(letters(got.tags1, starts));
    snap.tags2.push(letters(got.tags2, starts));
    snap.scores.push(digest([got.e1, got.e2]));
    snap.features.push(digest(sorted));
  }
  snap.tagMs = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (const { sentences } of docs) tagger.tag(sentences);
    snap.tagMs = Math.min(snap.tagMs, performance.now() - t0);
  }
  return snap;
}

function compare(a: Snapshot, b: Snapshot): boolean {
  let sentences = 0;
  let tokens = 0;
  const differ: string[] = [];
  a.texts.forEach((id, i) => {
    const same =
      id === b.texts[i] &&
      a.tags1[i] === b.tags1[i] &&
      a.tags2[i] === b.tags2[i] &&
      a.scores[i] === b.scores[i] &&
      a.features[i] === b.features[i];
    if (!same) differ.push(id);
    const tags = a.tags2[i] ?? '';
    sentences += tags === '' ? 0 : tags.split(' ').length;
    tokens += tags.replaceAll(' ', '').length;
  });
  console.log(
    `${a.texts.length} texts (${b.texts.length} in the second), ${sentences} sentences, ${tokens} tokens`,
  );
  console.log(`tags, scores and training features equal: ${differ.length === 0 ? 'all' : 'NO'}`);
  for (const id of differ.slice(0, 10)) console.log(`  differs: ${id}`);
  console.log(`tagger over all texts: ${a.tagMs.toFixed(0)} ms, then ${b.tagMs.toFixed(0)} ms`);
  return differ.length === 0 && a.texts.length === b.texts.length;
}

const pair = process.argv.indexOf('--compare');
if (pair >= 0) {
  const read = (f: string | undefined): Snapshot =>
    JSON.parse(readFileSync(f ?? '', 'utf8')) as Snapshot;
  process.exit(compare(read(process.argv[pair + 1]), read(process.argv[pair + 2])) ? 0 : 1);
} else {
  const out = arg('--out');
  if (out === undefined) throw new Error('--out FILE or --compare A B');
  const lib = path.resolve(arg('--lib') ?? path.join(repoRoot, 'lib'));
  writeFileSync(out, JSON.stringify(await snapshot(lib)));
  console.log(`wrote ${out}`);
}
