/**
 * Scores date-mention extraction on the TimeML (TBAQ) development set, as corpora/README.md says:
 * a labelled DATE/TIME mention is found when an output mention overlaps it; precision counts
 * output mentions overlapping any labelled mention; a found mention whose label is a full day
 * must resolve to that day. Run: `npx tsx scripts/dates/eval.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../shared-dir';

export { sharedDir };
import { fileURLToPath } from 'node:url';
import { casual } from 'chrono-node/en';
import { findDateMentions } from '../../lib/article/dates/index.ts';
import type { DateMention } from '../../lib/article/types.ts';

/** One labelled temporal expression of a TimeML document. */
export interface Timex {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
}

/** One document: its text, publication day and labels. */
export interface DateCase {
  id: string;
  dct: string | null;
  text: string;
  timexes: Timex[];
}

/** A date extractor under test. */
export type DateExtractor = (text: string, published: string | null) => DateMention[];

/** Counts and rates of one scoring run. */
export interface DateScore {
  labelled: number;
  found: number;
  /** Found and, where the label is a full day, resolved to that day. */
  foundRightDay: number;
  output: number;
  outputOverlapping: number;
  dayLabelsFound: number;
  dayLabelsRight: number;
  recall: number;
  precision: number;
  f1: number;
  /** F1 where a found full-day label with a wrong day counts as missed. */
  strictF1: number;
  dayAccuracy: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

const FULL_DAY = /^(\d{4}-\d{2}-\d{2})/;

const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores an extractor on the cases with the corpus README's rules. */
export function scoreDates(cases: DateCase[], extract: DateExtractor): DateScore {
  let labelled = 0;
  let found = 0;
  let foundRightDay = 0;
  let output = 0;
  let outputOverlapping = 0;
  let dayLabelsFound = 0;
  let dayLabelsRight = 0;
  for (const c of cases) {
    const mentions = extract(c.text, c.dct);
    output += mentions.length;
    outputOverlapping += mentions.filter((m) => c.timexes.some((t) => overlaps(m, t))).length;
    for (const t of c.timexes) {
      if (t.type !== 'DATE' && t.type !== 'TIME') continue;
      labelled++;
      const hits = mentions.filter((m) => overlaps(m, t));
      if (hits.length === 0) continue;
      found++;
      const day = FULL_DAY.exec(t.value)?.[1];
      if (day === undefined) {
        foundRightDay++;
        continue;
      }
      dayLabelsFound++;
      if (hits.some((m) => m.value === day)) {
        dayLabelsRight++;
        foundRightDay++;
      }
    }
  }
  const recall = labelled === 0 ? 0 : found / labelled;
  const precision = output === 0 ? 0 : outputOverlapping / output;
  const strictRecall = labelled === 0 ? 0 : foundRightDay / labelled;
  return {
    labelled,
    found,
    foundRightDay,
    output,
    outputOverlapping,
    dayLabelsFound,
    dayLabelsRight,
    recall,
    precision,
    f1: harmonic(precision, recall),
    strictF1: harmonic(precision, strictRecall),
    dayAccuracy: dayLabelsFound === 0 ? 0 : dayLabelsRight / dayLabelsFound,
  };
}

/** Loads the TimeML cases with their texts; throws when the corpus is missing. */
export function loadTimemlCases(shared = sharedDir()): DateCase[] {
  const dir = path.join(shared, 'corpora', 'timeml-tbaq');
  const file = path.join(dir, 'cases.jsonl');
  if (!existsSync(file)) {
    throw new Error(
      `TimeML corpus not found at ${file} (set CLAIMMARK_SHARED to the shared folder)`,
    );
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as Omit<DateCase, 'text'>;
      return { ...row, text: readFileSync(path.join(dir, `${row.id}.txt`), 'utf8') };
    });
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** chrono-node as it comes: every result a mention, its start resolved to a day. */
export const chronoBaseline: DateExtractor = (text, published) => {
  const m = published === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  const ref = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : new Date();
  return casual.parse(text, ref).map((r) => {
    const d = r.start;
    const value = `${pad(d.get('year') ?? 0, 4)}-${pad(d.get('month') ?? 0)}-${pad(d.get('day') ?? 0)}`;
    return { text: r.text, value, precision: 'day', start: r.index, end: r.index + r.text.length };
  });
};

/** Held-out documents: every fourth by sorted id, never looked at while tuning rules. */
export function isHeldOut(id: string, all: string[]): boolean {
  return [...all].sort().indexOf(id) % 4 === 3;
}

/** Best of `rounds` timed passes over every text, in ms per 1,000 words (JIT warmed up). */
export function measureSpeed(cases: DateCase[], extract: DateExtractor, rounds = 5): number {
  const words = cases.reduce((n, c) => n + c.text.split(/\s+/).filter(Boolean).length, 0);
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    for (const c of cases) extract(c.text, c.dct);
    best = Math.min(best, performance.now() - t0);
  }
  return (best / words) * 1000;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function row(name: string, s: DateScore): string {
  return `| ${name.padEnd(26)} | ${pct(s.recall)} | ${pct(s.precision)} | ${pct(s.f1)} | ${pct(s.strictF1)} | ${pct(s.dayAccuracy)} | ${String(s.output).padStart(5)} |`;
}

function main(): void {
  const cases = loadTimemlCases();
  const ids = cases.map((c) => c.id);
  const tune = cases.filter((c) => !isHeldOut(c.id, ids));
  const held = cases.filter((c) => isHeldOut(c.id, ids));
  console.log(`timeml-tbaq: ${cases.length} docs (${tune.length} tuning, ${held.length} held out)`);
  console.log('| extractor                  |   R   |   P   |  F1   | F1 day|day acc|  out  |');
  console.log('|----------------------------|-------|-------|-------|-------|-------|-------|');
  for (const [label, subset] of [
    ['all', cases],
    ['tuning', tune],
    ['held out', held],
  ] as const) {
    console.log(row(`claimmark (${label})`, scoreDates(subset, findDateMentions)));
    console.log(row(`chrono 2.10 (${label})`, scoreDates(subset, chronoBaseline)));
  }
  const ours = measureSpeed(cases, findDateMentions).toFixed(1);
  const chrono = measureSpeed(cases, chronoBaseline).toFixed(1);
  console.log(`speed, ms per 1,000 words (best of 5 passes): claimmark ${ours}, chrono ${chrono}`);
  console.log(
    'R/P/F1: overlap; "F1 day": a found full-day label resolved to another day counts as missed; "day acc": of found full-day labels.',
  );
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main();
}
