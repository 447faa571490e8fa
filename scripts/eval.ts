// npm run eval: scores every extractor on the labelled development sets in ../shared/corpora
// (rules in its README), each beside the baselines measured there. Each part is its own
// script so it can also be run alone while tuning.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { requireCorpora } from './shared-dir';

const root = resolve(import.meta.dirname, '..');
const PARTS = [
  {
    title: 'Article detection, headline, published day, byline',
    script: 'scripts/metadata/eval.ts',
  },
  {
    title: 'Language of the body: English or not (beside franc-min)',
    script: 'scripts/language/eval.ts',
  },
  { title: 'Dates in the text (timeml-tbaq)', script: 'scripts/dates/eval.ts' },
  { title: 'Named entities (held-out CoNLL-2003 documents)', script: 'scripts/ner/eval.ts' },
];

requireCorpora('npm run eval');
let failed = false;
for (const part of PARTS) {
  console.log(`\n# ${part.title}\n`);
  const run = spawnSync('npx', ['tsx', part.script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${part.script} failed (exit ${run.status ?? 'signal'})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
