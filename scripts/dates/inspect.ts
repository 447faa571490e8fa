/**
 * Lists what an extractor misses, invents and resolves wrongly on the tuning documents, to guide
 * rules without looking at the held-out ones. Run: `npx tsx scripts/dates/inspect.ts [chrono]`.
 */
import { chronoBaseline, isHeldOut, loadTimemlCases } from './eval.ts';
import { findDateMentions } from '../../lib/article/dates/index.ts';

const extract = process.argv[2] === 'chrono' ? chronoBaseline : findDateMentions;
const cases = loadTimemlCases();
const ids = cases.map((c) => c.id);
const misses = new Map<string, number>();
const extras = new Map<string, number>();
const wrong: string[] = [];
const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
for (const c of cases) {
  if (isHeldOut(c.id, ids)) continue;
  const out = extract(c.text, c.dct);
  for (const t of c.timexes) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const hits = out.filter((m) => m.start < t.end && t.start < m.end);
    if (hits.length === 0) bump(misses, `${t.text.toLowerCase()} [${t.value}]`);
    const day = /^\d{4}-\d{2}-\d{2}/.exec(t.value)?.[0];
    if (hits.length > 0 && day !== undefined && !hits.some((m) => m.value === day)) {
      const ctx = c.text.slice(Math.max(0, t.start - 40), t.end + 20).replace(/\s+/g, ' ');
      wrong.push(
        `${c.dct ?? '-'} "${t.text}" want ${t.value} got ${hits.map((m) => m.value).join(',')} | ${ctx}`,
      );
    }
  }
  for (const m of out) {
    if (!c.timexes.some((t) => m.start < t.end && t.start < m.end)) {
      bump(extras, m.text.toLowerCase());
    }
  }
}
const top = (m: Map<string, number>): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n}\t${k}`)
    .join('\n');
console.log(
  `== missed\n${top(misses)}\n== invented\n${top(extras)}\n== wrong day\n${wrong.join('\n')}`,
);
