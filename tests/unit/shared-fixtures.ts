import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared/ folder beside the repository; its absence fails the run loudly. */
export function sharedDir(): string {
  const dir =
    process.env.CLAIMMARK_SHARED ?? resolve(import.meta.dirname, '..', '..', '..', 'shared');
  if (!existsSync(join(dir, 'fixtures'))) {
    throw new Error(
      `Shared fixtures not found at ${dir}: set CLAIMMARK_SHARED to the shared/ folder.`,
    );
  }
  return dir;
}

/** The names of the shared fixture pages that come with expectations. */
export function fixturePages(): string[] {
  return readdirSync(join(sharedDir(), 'fixtures', 'pages'))
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''));
}

/** Reads a shared fixture file as text. */
export function readFixture(...parts: string[]): string {
  return readFileSync(join(sharedDir(), 'fixtures', ...parts), 'utf8');
}

/** The metadata part of a shared page fixture's `*.expected.json`. */
export interface ExpectedMetadata {
  url?: string;
  isArticle: boolean;
  headline?: string;
  published?: string | null;
  modified?: string | null;
  byline?: string[];
  siteName?: string | null;
}
