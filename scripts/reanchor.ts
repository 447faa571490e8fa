/**
 * Re-anchor a fixture's highlights from one version of a page to another.
 *   npx tsx scripts/reanchor.ts ORIGINAL.html UPDATED.html CASES.json
 * Prints one JSON line per case: {"id","status","text","changed","before"}; nothing else on
 * stdout. Errors go to stderr with exit code 1.
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

function main(args: string[]): void {
  if (args.length !== 3) {
    throw new Error('usage: reanchor ORIGINAL.html UPDATED.html CASES.json');
  }
  const [originalFile, updatedFile, casesFile] = args as [string, string, string];
  const cases = parseCases(read(casesFile), casesFile);
  const outcomes = reanchorCases(read(originalFile), read(updatedFile), cases);
  process.stdout.write(outcomes.map((o) => JSON.stringify(o) + '\n').join(''));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`reanchor: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
