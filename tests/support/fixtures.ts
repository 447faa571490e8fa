import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The repository's own test fixtures. Tests read only these: a clone of the repository alone
 * must pass `npm test`, so nothing here looks outside it (tests/fixtures/README.md says where
 * the pages came from).
 */
export const fixturesDir = resolve(import.meta.dirname, '..', 'fixtures');

/** The path of a fixture file, e.g. fixturePath('pages', 'budapest-summit.html'). */
export function fixturePath(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** Reads a fixture file as text. */
export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The names of the fixture pages that come with expectations (`pages/*.expected.json`). */
export function fixturePages(): string[] {
  return readdirSync(fixturePath('pages'))
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''));
}

/** The metadata part of a page fixture's `*.expected.json`. */
export interface ExpectedMetadata {
  url?: string;
  isArticle: boolean;
  headline?: string;
  published?: string | null;
  modified?: string | null;
  byline?: string[];
  siteName?: string | null;
}
