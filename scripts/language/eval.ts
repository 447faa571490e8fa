/**
 * How well Claimmark tells an article's language (lib/article/language) — the question that
 * matters being "is this English?", since names are recognised in English text only — beside
 * franc-min 6 (a well-kept trigram detector, 56 KB gzip), on:
 * - the trafilatura pages (text of the page, labelled by the page's own `lang`, which is noisy);
 * - CoNLL-2003 documents (all English Reuters stories), whole and cut to their first 300 characters.
 * Usage: npx tsx scripts/language/eval.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { franc } from 'franc-min';
import { detectLanguage } from '../../lib/article/language';
import { decodePage, readCases } from '../metadata/corpus';
import { loadDocs } from '../ner/corpus';
import { sharedDir } from '../shared-dir';

// franc answers in ISO 639-3; the few codes that matter here, mapped to ISO 639-1.
// prettier-ignore
const ISO3: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', swe: 'sv', dan: 'da',
  nob: 'nb', nno: 'nb', fin: 'fi', pol: 'pl', ces: 'cs', slk: 'sk', hrv: 'hr', bos: 'hr', srp: 'hr',
  slv: 'sl', ron: 'ro', hun: 'hu', tur: 'tr', ind: 'id', zlm: 'id', tgl: 'tl', vie: 'vi', als: 'sq',
  cat: 'ca', ekk: 'et', lit: 'lt', lvs: 'lv', swh: 'sw', rus: 'ru', ukr: 'uk', bul: 'bg', ell: 'el',
  arb: 'ar', pes: 'fa', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th', hin: 'hi', ben: 'bn',
};
const francCode = (text: string): string => ISO3[franc(text, { minLength: 30 })] ?? 'und';

/** The readable text of an HTML page, roughly: enough to tell its language. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Tally {
  n: number;
  ours: number;
  franc: number;
  oursTime: number;
  francTime: number;
}
const tally = (): Tally => ({ n: 0, ours: 0, franc: 0, oursTime: 0, francTime: 0 });

function judge(
  t: Tally,
  text: string,
  isRight: (code: string) => boolean,
  hint: string | null = null,
): void {
  let t0 = performance.now();
  const ours = detectLanguage(text, hint).code;
  t.oursTime += performance.now() - t0;
  t0 = performance.now();
  const theirs = francCode(text);
  t.francTime += performance.now() - t0;
  t.n++;
  if (isRight(ours)) t.ours++;
  if (isRight(theirs)) t.franc++;
}

const english = { pages: tally(), conll: tally(), conllShort: tally(), conllHint: tally() };
const other = { pages: tally() };
const exact = tally();
const folder = path.join(sharedDir(), 'corpora', 'trafilatura');
for (const c of readCases('trafilatura')) {
  const html = decodePage(readFileSync(path.join(folder, `${c.id}.html`)));
  const lang = /<html[^>]*\blang=["']?([a-z]{2,3})/i.exec(html)?.[1]?.toLowerCase();
  if (!lang) continue;
  const text = pageText(/<body[\s\S]*$/i.exec(html)?.[0] ?? html).slice(0, 20_000);
  const isEnglish = lang === 'en';
  judge(isEnglish ? english.pages : other.pages, text, (code) => (code === 'en') === isEnglish);
  judge(exact, text, (code) => code === lang || (lang === 'no' && code === 'nb'));
}
for (const doc of loadDocs()) {
  judge(english.conll, doc.text, (code) => code === 'en');
  judge(english.conllShort, doc.text.slice(0, 300), (code) => code === 'en');
  // As in the extension, where the page's declared language decides only what the text cannot.
  judge(english.conllHint, doc.text, (code) => code === 'en', 'en');
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)} %`;
const row = (name: string, t: Tally) =>
  `| ${name} | ${t.n} | ${pct(t.ours, t.n)} | ${pct(t.franc, t.n)} | ${(t.oursTime / t.n).toFixed(2)} / ${(t.francTime / t.n).toFixed(2)} ms |`;
console.log('| texts | n | Claimmark | franc-min | time per text (ours / franc) |');
console.log('|---|---|---|---|---|');
console.log(row('trafilatura pages with lang=en: called English', english.pages));
console.log(row('trafilatura pages with another lang: called not English', other.pages));
console.log(row('trafilatura pages: same language as the page declares', exact));
console.log(row('CoNLL-2003 stories: called English', english.conll));
console.log(row('CoNLL-2003, first 300 characters: called English', english.conllShort));
console.log(row('CoNLL-2003, the page declaring "en": called English', english.conllHint));
