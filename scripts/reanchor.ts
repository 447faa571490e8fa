/**
 * Re-anchor a fixture's highlights from one version of a page to another.
 *   npx tsx scripts/reanchor.ts [--no-version] ORIGINAL.html UPDATED.html CASES.json
 * The original page is the stored version the highlights were made on: a word diff follows them
 * first, and the search decides only where it cannot. --no-version is the search alone, for
 * comparison. Prints one JSON line per case: {"id","status","text","changed","before"}; nothing
 * else on stdout. Errors go to stderr with exit code 1.
 */
import { readFileSync } from 'node:fs';
import { parseCases, reanchorCases } from '../tests/support/anchoring/reanchor-cases';

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
}

function main(argv: string[]): void {
  const useVersion = !argv.includes('--no-version');
  const args = argv.filter((a) => a !== '--no-version');
  if (args.length !== 3 || args.some((a) => a.startsWith('--'))) {
    throw new Error('usage: reanchor [--no-version] ORIGINAL.html UPDATED.html CASES.json');
  }
  const [originalFile, updatedFile, casesFile] = args as [string, string, string];
  const cases = parseCases(read(casesFile), casesFile);
  const outcomes = reanchorCases(read(originalFile), read(updatedFile), cases, { useVersion });
  process.stdout.write(outcomes.map((o) => JSON.stringify(o) + '\n').join(''));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`reanchor: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
