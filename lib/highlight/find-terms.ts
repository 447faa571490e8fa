import { buildTextModel, rangeFromOffsets } from '../anchoring/text-model';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ranges of every whole-word occurrence of the terms in the rendered text under `root`; a match
 * may cross inline markup ("Donald <a>Trump</a>"). Longer terms win where terms overlap.
 */
export function findTermRanges(root: Element, terms: string[]): Range[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return [];
  const model = buildTextModel(root);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const ranges: Range[] = [];
  for (const match of model.text.matchAll(pattern)) {
    const range = rangeFromOffsets(model, match.index, match.index + match[0].length);
    if (range) ranges.push(range);
  }
  return ranges;
}
