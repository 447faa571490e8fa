/** Long stories of real article text, and a publisher's edit of them, for the versions benches. */
import { loadArticles } from '../anchoring/corpus';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Makes stories of about `target` words from consecutive paragraphs of the shared corpus's
 * first `articles` articles.
 */
export function storyMaker(articles = 200): (from: number, target: number) => string {
  const paragraphs = loadArticles(articles).flat();
  return (from, target) => {
    const out: string[] = [];
    let n = 0;
    for (let i = from; n < target; i = (i + 1) % paragraphs.length) {
      const p = paragraphs[i] ?? '';
      out.push(p);
      n += words(p);
    }
    return out.join('\n\n');
  };
}

/** The publisher's edit: a paragraph deleted, one reworded, one added, one moved. */
export function edited(text: string): string {
  const ps = text.split('\n\n');
  ps.splice(5, 1);
  ps[10] = (ps[10] ?? '').replace(/\b(\w+)\b/, 'Officials');
  ps.splice(20, 0, 'An update added after publication, with a new quote from a spokesperson.');
  const [moved] = ps.splice(30, 1);
  ps.push(moved ?? '');
  return ps.join('\n\n');
}
