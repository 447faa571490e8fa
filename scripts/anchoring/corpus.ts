/** Real article paragraphs from the shared trafilatura corpus, for the anchoring benchmarks. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodePage as decode } from '../metadata/corpus';
import { sharedDir } from '../shared-dir';

/**
 * Drop paragraphs that repeat six words in a row of an earlier one. Pages repeat teasers, photo
 * credits and boilerplate; a passage that stands twice with the same context has no single true
 * location, and would make the benchmark call a correct anchor wrong.
 */
function withoutRepeats(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  return paragraphs.filter((text) => {
    const words = text.split(' ');
    const shingles: string[] = [];
    for (let i = 0; i + 6 <= Math.max(words.length, 6); i++)
      shingles.push(words.slice(i, i + 6).join(' '));
    if (shingles.some((s) => seen.has(s))) return false;
    shingles.forEach((s) => seen.add(s));
    return true;
  });
}

/**
 * Paragraph texts (white space collapsed, at least `minChars` long) of up to `limit` corpus
 * pages that have at least `minParagraphs` of them, in file-name order.
 */
export function loadArticles(limit: number, minParagraphs = 6, minChars = 80): string[][] {
  const dir = path.join(sharedDir(), 'corpora/trafilatura');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const articles: string[][] = [];
  const quiet = new VirtualConsole(); // pages' CSS and markup errors are not ours to report
  for (const file of files) {
    if (articles.length >= limit) break;
    const doc = new JSDOM(decode(readFileSync(path.join(dir, file))), { virtualConsole: quiet })
      .window.document;
    const paragraphs = [...doc.querySelectorAll('p')]
      .map((p) => p.textContent.replace(/\s+/g, ' ').trim())
      .filter((t) => t.length >= minChars);
    const unique = withoutRepeats(paragraphs);
    if (unique.length >= minParagraphs) articles.push(unique);
  }
  return articles;
}
