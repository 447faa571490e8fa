/**
 * Synthetic edit benchmark for highlight anchoring, on real article text.
 *   npx tsx scripts/anchoring/bench-edits.ts [--n 5400] [--seed 1] [--articles 80] [--debug]
 * Highlights random passages of real articles (shared trafilatura corpus), edits the articles in
 * known ways, re-anchors, and counts per 1,000 highlights what became of them at several
 * threshold settings. Prints Markdown tables; asserts nothing. Speed: bench-speed.ts.
 */
import { JSDOM } from 'jsdom';
import { DEFAULT_ANCHOR_OPTIONS, anchorInModel } from '../../lib/anchoring/anchor';
import { describeInModel } from '../../lib/anchoring/describe';
import { collapseWhitespace } from '../../lib/anchoring/fold';
import { buildTextModel, offsetsFromRange, rangeFromOffsets } from '../../lib/anchoring/text-model';
import type { AnchorOptions } from '../../lib/anchoring/types';
import { diffVersions } from '../../lib/anchoring/version-map';
import { isAmbiguous } from './ambiguity';
import { OUTCOMES, classify, type Outcome } from './classify';
import { loadArticles } from './corpus';
import { EDIT_KINDS, makeTrial, type LengthClass, type Trial } from './edits';
import { renderArticle } from './render';
import { Rng } from './rng';

const LENGTHS: readonly LengthClass[] = ['words', 'part', 'sentence', 'multi'];

/** Threshold settings compared; 'default' is DEFAULT_ANCHOR_OPTIONS. */
const SETTINGS: [string, AnchorOptions][] = [
  // Roughly what Hypothesis does: fuzzy down to half the quote, no context required.
  [
    'no minimum (Hypothesis-like)',
    {
      minQuoteSimilarity: 0.5,
      minContextSimilarity: 0,
      shortQuoteContext: 0,
      changedNumbersSimilarity: 0,
      minFuzzyLength: 1,
      selfSufficientLength: 0,
    },
  ],
  [
    'q 0.5, c 0, short 0',
    { minQuoteSimilarity: 0.5, minContextSimilarity: 0, shortQuoteContext: 0 },
  ],
  [
    'q 0.6, c 0.5, short 0.6',
    { minQuoteSimilarity: 0.6, minContextSimilarity: 0.5, shortQuoteContext: 0.6 },
  ],
  ['q 0.7, c 0.6, short 0.75', { minQuoteSimilarity: 0.7 }],
  ['q 0.75, c 0.5, short 0.75', { minQuoteSimilarity: 0.75, minContextSimilarity: 0.5 }],
  ['q 0.75, c 0.6, short 0.6', { minQuoteSimilarity: 0.75, shortQuoteContext: 0.6 }],
  ['q 0.75, c 0.6, short 0.75', { minQuoteSimilarity: 0.75 }],
  ['q 0.75, c 0.7, short 0.75', { minQuoteSimilarity: 0.75, minContextSimilarity: 0.7 }],
  ['q 0.8, c 0.6, short 0.6', { shortQuoteContext: 0.6 }],
  ['q 0.8, c 0.6, short 0.7', { shortQuoteContext: 0.7 }],
  ['q 0.85, c 0.6, short 0.75', { minQuoteSimilarity: 0.85 }],
  ['default without the numbers rule', { changedNumbersSimilarity: 0 }],
  ['default, self-sufficient ≥ 50', { selfSufficientLength: 50 }],
  ['default (q 0.8, c 0.6, short 0.75)', {}],
];

/** The default thresholds, given the version the highlight was made on (a diff first). */
const WITH_VERSION = 'default, with the stored version (diff first)';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) ? value : fallback;
}

const DEBUG = process.argv.includes('--debug');
const DEBUG_SETTING = SETTINGS.length - 1;

type Counts = Record<Outcome, number>;
const zero = (): Counts => Object.fromEntries(OUTCOMES.map(([o]) => [o, 0])) as Counts;

/** Re-anchor one trial's highlight under every setting. */
function run(
  doc: Document,
  trial: Trial,
  rng: Rng,
): { outcomes: Outcome[]; flagErrors: boolean[]; ambiguous: boolean } {
  const before = renderArticle(doc, trial.original, rng);
  const model = buildTextModel(before.root);
  const h = trial.highlight;
  const base = before.starts.get(h.id) ?? 0;
  const range = rangeFromOffsets(model, base + h.start, base + h.end);
  if (!range) throw new Error('highlight has no range');
  const selectors = describeInModel(model, range);
  const ambiguous = isAmbiguous(model, selectors);

  const after = renderArticle(doc, trial.edited, rng);
  const edited = buildTextModel(after.root);
  const spot = trial.truth.spot;
  const truthSpan: [number, number] | null = spot
    ? [(after.starts.get(spot.id) ?? 0) + spot.start, (after.starts.get(spot.id) ?? 0) + spot.end]
    : null;
  const truthText = truthSpan ? collapseWhitespace(edited.text.slice(...truthSpan)) : null;
  const outcomes: Outcome[] = [];
  const flagErrors: boolean[] = [];
  for (const [, options] of SETTINGS) {
    const result = anchorInModel(edited, selectors, options);
    if (result.status === 'orphan') {
      const outcome = classify(trial.truth, truthSpan, null, false);
      if (DEBUG && !ambiguous && outcome === 'lost' && options === SETTINGS[DEBUG_SETTING]?.[1]) {
        const around = truthSpan
          ? edited.text
              .slice(Math.max(0, truthSpan[0] - 40), truthSpan[1] + 40)
              .replace(/\s+/g, ' ')
          : null;
        console.error(JSON.stringify({ lost: trial.edit, quote: selectors.quote, around }));
      }
      outcomes.push(outcome);
      flagErrors.push(false);
      continue;
    }
    const found = offsetsFromRange(edited, result.range);
    const same = collapseWhitespace(result.text) === truthText;
    const outcome = classify(trial.truth, truthSpan, found, same);
    outcomes.push(outcome);
    if (DEBUG && !ambiguous && outcome === 'wrong' && options === SETTINGS[DEBUG_SETTING]?.[1]) {
      console.error(
        JSON.stringify({
          edit: trial.edit,
          truth: trial.truth.kind,
          truthText,
          quote: selectors.quote,
          found: result.text,
          method: result.method,
          score: result.score,
          around: edited.text.slice(Math.max(0, found[0] - 40), found[1] + 40).replace(/\s+/g, ' '),
        }),
      );
    }
    const reallyChanged =
      collapseWhitespace(result.text) !== collapseWhitespace(selectors.quote.exact);
    flagErrors.push(result.changed !== reallyChanged);
  }
  // The same, knowing the text the highlight was made on.
  const versionDiff = diffVersions(model.text, edited.text);
  const versioned = anchorInModel(edited, selectors, {}, versionDiff);
  if (versioned.status === 'orphan') {
    const outcome = classify(trial.truth, truthSpan, null, false);
    outcomes.push(outcome);
    flagErrors.push(false);
    if (DEBUG && !ambiguous && outcome === 'missed') {
      console.error(
        JSON.stringify({
          versionedMissed: true,
          edit: trial.edit,
          truthText,
          quote: selectors.quote.exact,
          mapped: selectors.position
            ? versionDiff?.map(selectors.position.start, selectors.position.end)
            : null,
        }),
      );
    }
  } else {
    const found = offsetsFromRange(edited, versioned.range);
    const same = collapseWhitespace(versioned.text) === truthText;
    const outcome = classify(trial.truth, truthSpan, found, same);
    outcomes.push(outcome);
    if (DEBUG && !ambiguous && (outcome === 'wrong' || outcome === 'imprecise')) {
      console.error(
        JSON.stringify({
          versioned: true,
          edit: trial.edit,
          truthText,
          quote: selectors.quote.exact,
          found: versioned.text,
          method: versioned.method,
          outcome,
          mapped: selectors.position
            ? versionDiff?.map(selectors.position.start, selectors.position.end)
            : null,
          before: selectors.position
            ? model.text
                .slice(Math.max(0, selectors.position.start - 120), selectors.position.end + 120)
                .replace(/\s+/g, ' ')
            : null,
          after: edited.text
            .slice(Math.max(0, found[0] - 120), found[1] + 120)
            .replace(/\s+/g, ' '),
        }),
      );
    }
    const reallyChanged =
      collapseWhitespace(versioned.text) !== collapseWhitespace(selectors.quote.exact);
    flagErrors.push(versioned.changed !== reallyChanged);
  }
  return { outcomes, flagErrors, ambiguous };
}

function perThousand(n: number, total: number): string {
  return ((1000 * n) / total).toFixed(1);
}

function table(title: string, rows: [string, Counts, number][]): string {
  const head = `| ${title} | n | ${OUTCOMES.map(([, t]) => t).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(OUTCOMES.length + 2)}`;
  const body = rows.map(
    ([name, c, n]) =>
      `| ${name} | ${n} | ${OUTCOMES.map(([o]) => perThousand(c[o], n)).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

function main(): void {
  const n = arg('n', 5000);
  const seed = arg('seed', 1);
  const articles = loadArticles(arg('articles', 80));
  const rng = new Rng(seed);
  const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  const vocab = [
    ...new Set(
      articles
        .flat()
        .join(' ')
        .match(/\p{L}{3,}/gu) ?? [],
    ),
  ];

  const names = [...SETTINGS.map(([name]) => name), WITH_VERSION];
  const bySetting = names.map(zero);
  const flags = names.map(() => 0);
  const chosen = SETTINGS.findIndex(([name]) => name.startsWith('default ('));
  const byEdit = new Map(EDIT_KINDS.map((k) => [k, { c: zero(), n: 0 }]));
  const byLength = new Map(LENGTHS.map((k) => [k, { c: zero(), n: 0 }]));
  const wrongExamples: string[] = [];
  const ambiguousCount = zero();
  const ambiguousVersioned = zero();
  const versionedIndex = names.length - 1;
  const byEditVersioned = new Map(EDIT_KINDS.map((k) => [k, { c: zero(), n: 0 }]));
  const started = performance.now();
  for (let i = 0; i < n;) {
    const index = rng.int(0, articles.length - 1);
    const article = articles[index] ?? [];
    const own = new Set(article);
    const foreign = (articles[(index + 1) % articles.length] ?? []).filter((p) => !own.has(p));
    const edit = EDIT_KINDS[i % EDIT_KINDS.length] ?? 'none';
    const length = LENGTHS[Math.floor(i / EDIT_KINDS.length) % LENGTHS.length] ?? 'part';
    const trial = makeTrial(rng, article, edit, length, foreign, vocab);
    if (!trial) continue;
    const { outcomes, flagErrors, ambiguous } = run(doc, trial, rng);
    if (ambiguous) {
      ambiguousCount[outcomes[chosen] ?? 'lost']++;
      ambiguousVersioned[outcomes[versionedIndex] ?? 'lost']++;
      continue;
    }
    i++;
    outcomes.forEach((o, s) => {
      (bySetting[s] as Counts)[o]++;
      if (flagErrors[s]) flags[s] = (flags[s] ?? 0) + 1;
    });
    const o = outcomes[chosen] ?? 'lost';
    const withVersion = byEditVersioned.get(edit);
    if (withVersion) {
      withVersion.c[outcomes[versionedIndex] ?? 'lost']++;
      withVersion.n++;
    }
    for (const group of [byEdit.get(edit), byLength.get(length)]) {
      if (!group) continue;
      group.c[o]++;
      group.n++;
    }
    if (o === 'wrong' && wrongExamples.length < 10) {
      const h = trial.highlight;
      const text = trial.original.find((p) => p.id === h.id)?.text.slice(h.start, h.end);
      wrongExamples.push(`${edit}/${length}: ${JSON.stringify(text)}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(
    `# Anchoring after synthetic edits: ${n} highlights, ${articles.length} articles, seed ${seed} (${seconds} s)\n`,
  );
  console.log(
    'Per 1,000 highlights. Default thresholds:',
    JSON.stringify(DEFAULT_ANCHOR_OPTIONS),
    '\n',
  );
  console.log(
    table(
      'setting',
      names.map((name, s) => [name, bySetting[s] as Counts, n]),
    ),
  );
  console.log(
    '\nchanged flag disagreeing with the text:',
    names.map((name, s) => `${name}: ${flags[s]}`).join('; '),
  );
  console.log(
    '\n' +
      table(
        'edit (default)',
        [...byEdit].map(([k, v]) => [k, v.c, v.n]),
      ),
  );
  console.log(
    '\n' +
      table(
        'length (default)',
        [...byLength].map(([k, v]) => [k, v.c, v.n]),
      ),
  );
  const nAmbiguous = Object.values(ambiguousCount).reduce((a, b) => a + b, 0);
  console.log(
    `\nLeft out: ${nAmbiguous} highlights whose passage has a look-alike on its original page ` +
      '(same words, similar surroundings); at the default they came out as ' +
      OUTCOMES.map(([o, t]) => `${t} ${ambiguousCount[o]}`).join(', '),
  );
  console.log(
    '\n' +
      table(
        'edit (with the stored version)',
        [...byEditVersioned].map(([k, v]) => [k, v.c, v.n]),
      ),
  );
  console.log(
    `With the stored version, the ${nAmbiguous} left out came out as ` +
      OUTCOMES.map(([o, t]) => `${t} ${ambiguousVersioned[o]}`).join(', '),
  );
  if (wrongExamples.length > 0) console.log('\nwrong at the default:\n' + wrongExamples.join('\n'));
}

main();
