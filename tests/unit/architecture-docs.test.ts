import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/ARCHITECTURE.md and the README's code map send a newcomer to files by name: every path
// they name must exist, so a move that forgets the docs fails here instead of misleading someone.

const ROOT = path.resolve(__dirname, '../..');
const PATH = /(?:^|[\s`(│])((?:lib|entrypoints|components|tests|scripts|docs)\/[\w./-]*[\w/])/g;

function namedPaths(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...new Set([...text.matchAll(PATH)].map((m) => (m[1] ?? '').replace(/[.]$/, '')))];
}

describe('the docs name only files that exist', () => {
  for (const file of ['docs/ARCHITECTURE.md', 'README.md']) {
    it(file, () => {
      const paths = namedPaths(file);
      expect(paths.length).toBeGreaterThan(10);
      const missing = paths.filter((p) => !existsSync(path.join(ROOT, p)));
      expect(missing).toEqual([]);
    });
  }
});
