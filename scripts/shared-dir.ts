// Where the shared fixtures and labelled corpora are: one answer for every script.
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** The shared folder: $CLAIMMARK_SHARED, else ../shared beside the repository; throws when absent. */
export function sharedDir(): string {
  const dir = process.env.CLAIMMARK_SHARED ?? path.resolve(repoRoot, '../shared');
  if (!existsSync(dir)) {
    throw new Error(
      `The shared folder was not found at ${dir} (set CLAIMMARK_SHARED to the shared folder).`,
    );
  }
  return dir;
}
