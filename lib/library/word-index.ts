/**
 * The word index: every word of every annotation's and article's folded text gets an id in a
 * sorted vocabulary, so the words a query word prefixes are one contiguous id range found by
 * binary search. Each text's word ids in order (for phrases) and the postings both ways sit in
 * packed rows.
 */
import { invertRows, type PackedRows } from './packed-rows';
import type { CatalogEntry } from './types';
import { IntList, WordTable } from './word-table';

/** A sorted vocabulary, each text's words in order, and for each word the texts holding it. */
export interface WordIndex {
  vocabulary: string[];
  /** Word ids of each annotation's text, in order, for phrases. */
  itemTokens: PackedRows;
  /** Word ids of each article's text, in order. */
  articleTokens: PackedRows;
  /** For each word, the annotations whose own text holds it. */
  itemPostings: PackedRows;
  /** For each word, the articles whose text holds it. */
  articlePostings: PackedRows;
}

/** The ids a word prefixes, [lo, hi), and the id of the word itself or -1. */
export interface PrefixRange {
  lo: number;
  hi: number;
  exact: number;
}

/** Indexes the words of the articles' texts and of the annotations' (by item number). */
export function buildWordIndex(
  entries: readonly CatalogEntry[],
  texts: readonly string[],
): WordIndex {
  const table = new WordTable();
  let itemChars = 0;
  for (const text of texts) itemChars += text.length;
  // Folded words average over five characters with their space; growing would copy.
  const articles = scanTexts(
    table,
    entries.map((entry) => entry.text),
    entries.length * 32,
  );
  const items = scanTexts(table, texts, itemChars / 4);

  // Sorting the vocabulary makes the words a prefix starts one range of ids.
  const { vocabulary, remap } = sortVocabulary(table.words);
  const renumber = (rows: ScannedRows): PackedRows => ({
    start: rows.start,
    values: renumbered(rows.ids, remap, vocabulary.length),
  });
  const itemTokens = renumber(items);
  const articleTokens = renumber(articles);
  return {
    vocabulary,
    itemTokens,
    articleTokens,
    itemPostings: invertRows(itemTokens, vocabulary.length),
    articlePostings: invertRows(articleTokens, vocabulary.length),
  };
}

/** The word ids of texts, in order, as the word table first numbered them. */
interface ScannedRows {
  start: Uint32Array;
  ids: IntList;
}

function scanTexts(table: WordTable, texts: readonly string[], expected: number): ScannedRows {
  const ids = new IntList(expected);
  const start = new Uint32Array(texts.length + 1);
  for (let t = 0; t < texts.length; t++) {
    table.scan(texts[t] ?? '', ids);
    start[t + 1] = ids.length;
  }
  return { start, ids };
}

/** The words in code-unit order, and for each first-seen id its sorted id. */
function sortVocabulary(words: readonly string[]): { vocabulary: string[]; remap: Uint32Array } {
  const byWord = Array.from(words.keys()).sort((x, y) => {
    const wx = words[x] ?? '';
    const wy = words[y] ?? '';
    return wx < wy ? -1 : wx > wy ? 1 : 0;
  });
  const vocabulary = byWord.map((id) => words[id] ?? '');
  const remap = new Uint32Array(words.length);
  byWord.forEach((id, rank) => (remap[id] = rank));
  return { vocabulary, remap };
}

function renumbered(list: IntList, remap: Uint32Array, words: number): Uint32Array | Uint16Array {
  const ids = list.toArray();
  for (let p = 0; p < ids.length; p++) ids[p] = remap[ids[p] ?? 0] ?? 0;
  if (words > 0x10000) return ids;
  // Half the memory for the common case of fewer than 65,536 distinct words.
  const narrow = new Uint16Array(ids.length);
  narrow.set(ids);
  return narrow;
}

/** The first index of a sorted list whose word is not below `key`. */
export function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary ids of the words `prefix` starts (itself included). */
export function prefixRange(vocabulary: readonly string[], prefix: string): PrefixRange {
  const lo = lowerBound(vocabulary, prefix);
  const hi = lowerBound(vocabulary, `${prefix}\uffff`);
  return { lo, hi, exact: vocabulary[lo] === prefix ? lo : -1 };
}

/** The vocabulary id of exactly this word, or -1. */
export function wordId(vocabulary: readonly string[], word: string): number {
  const at = lowerBound(vocabulary, word);
  return vocabulary[at] === word ? at : -1;
}
