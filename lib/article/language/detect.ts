import { FUNCTION_WORDS } from './function-words';
import { dominantScript, scriptCounts, type Script } from './scripts';

/** A text's language as Claimmark detected it. */
export interface DetectedLanguage {
  /** ISO 639-1 code ('en', 'de' …), or 'und' when the text is too short or mixed to tell. */
  code: string;
  /** How the code was found: from the words, the script alone, or the page's own declaration. */
  by: 'words' | 'script' | 'hint' | 'none';
}

// Fewer words than this say too little; a share of function words below MIN_SHARE means none
// of the listed languages (or a list of names, not prose).
const MIN_WORDS = 25;
const MIN_SHARE = 0.12;
const MAX_WORDS = 3_000;

let tables: Map<string, Set<string>> | null = null;
function wordTables(): Map<string, Set<string>> {
  tables ??= new Map(
    Object.entries(FUNCTION_WORDS).map(([code, words]) => [code, new Set(words.split(' '))]),
  );
  return tables;
}

/** The primary subtag of a language tag, lower-cased: 'en-GB' → 'en'; null for none. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** The words of a text's running prose: lines of six words or more, so tables and lists of names don't dilute it. */
function proseWords(text: string): string[] {
  const all: string[] = [];
  const prose: string[] = [];
  for (const line of text.toLowerCase().split('\n')) {
    const words = line.match(WORD) ?? [];
    all.push(...words);
    if (words.length >= 6) prose.push(...words);
    if (all.length >= MAX_WORDS) break;
  }
  return prose.length >= MIN_WORDS ? prose : all;
}

function byWords(text: string): string | null {
  const words = proseWords(text).slice(0, MAX_WORDS);
  if (words.length < MIN_WORDS) return null;
  const hits: [string, number][] = [];
  for (const [code, set] of wordTables()) {
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    hits.push([code, n]);
  }
  hits.sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = hits;
  if (!best) return null;
  // Prose in a listed language is full of its function words; a results table or a list of
  // names has few, but still far more of its own language's than of any other.
  const share = best[1] / words.length;
  const clearLead = best[1] >= 4 && best[1] >= 2 * (runnerUp?.[1] ?? 0);
  return share >= MIN_SHARE || (share >= 0.03 && clearLead) ? best[0] : null;
}

// Letters that only some languages of a shared script use.
const CYRILLIC: [RegExp, string][] = [
  [/[іїєґ]/iu, 'uk'],
  [/[ў]/iu, 'be'],
  [/[ђћџљњј]/iu, 'sr'],
  [/[ѓќѕ]/iu, 'mk'],
  [/[ыэё]/iu, 'ru'],
];
const ARABIC: [RegExp, string][] = [
  [/[ٹڈڑںے]/u, 'ur'],
  [/[پچژگ]/u, 'fa'],
];

/** The language whose own letters a text uses most; null when it uses none of them. */
function byLetters(text: string, table: [RegExp, string][]): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [re, code] of table) {
    const n = (text.match(new RegExp(re, 'giu')) ?? []).length;
    if (n > most) [best, most] = [code, n];
  }
  return best;
}

// A script shared by several languages, the letters that tell them apart, and the language
// to assume when none of those letters occurs and the page declares nothing of that script.
const SHARED: Partial<
  Record<Script, { table: [RegExp, string][]; fallback: string; codes: string[] }>
> = {
  Cyrillic: {
    table: CYRILLIC,
    fallback: 'ru',
    codes: ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'],
  },
  Arabic: { table: ARABIC, fallback: 'ar', codes: ['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug'] },
  Devanagari: { table: [], fallback: 'hi', codes: ['hi', 'mr', 'ne', 'sa'] },
};

// Scripts that are one language's own.
const OWN: Partial<Record<Script, string>> = {
  Hangul: 'ko',
  Thai: 'th',
  Greek: 'el',
  Hebrew: 'he',
};

function byScript(
  script: Script,
  counts: Map<Script, number>,
  text: string,
  declared: string | null,
): string | null {
  if (script === 'Han' || script === 'Kana') {
    // Japanese writes most nouns in Han characters: any real share of kana makes it Japanese.
    const kana = counts.get('Kana') ?? 0;
    return kana >= 0.1 * ((counts.get('Han') ?? 0) + kana) ? 'ja' : 'zh';
  }
  const own = OWN[script];
  if (own) return own;
  const shared = SHARED[script];
  if (!shared) return null;
  const sample = text.slice(0, 20_000);
  return (
    byLetters(sample, shared.table) ??
    (declared && shared.codes.includes(declared) ? declared : shared.fallback)
  );
}

/**
 * The language of a text (an article body): from its script, then its function words; the
 * page's declared language (`hint`) only decides when the text itself cannot, since pages
 * declare their site's language, not always their story's.
 */
export function detectLanguage(text: string, hint: string | null = null): DetectedLanguage {
  const declared = primaryLanguage(hint);
  const counts = scriptCounts(text);
  const script = dominantScript(counts);
  const fromScript = script ? byScript(script, counts, text, declared) : null;
  if (fromScript) return { code: fromScript, by: 'script' };
  const fromWords = script === 'Latin' ? byWords(text) : null;
  if (fromWords) return { code: fromWords, by: 'words' };
  return declared ? { code: declared, by: 'hint' } : { code: 'und', by: 'none' };
}
