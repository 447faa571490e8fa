import type { LibraryResult } from '@/lib/library/types';

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The line above the list: notes first when a search or filter narrows it ("3 notes in 2
 * articles"), articles first when browsing; before the whole catalog is indexed, only that it
 * is being read.
 */
export function summaryText(result: LibraryResult, narrowed: boolean, indexed: boolean): string {
  if (!indexed) return 'Reading the whole library…';
  const notes = count(result.annotationCount, 'note');
  const articles = count(result.hits.length, 'article');
  return narrowed ? `${notes} in ${articles}` : `${articles}, ${notes}`;
}
