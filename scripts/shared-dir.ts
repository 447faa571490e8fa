// Where the labelled corpora are: one answer for every script. Only `npm run eval` and
// `npm run bench` need them; `npm test` reads the repository's own tests/fixtures/.
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Where the shared folder was looked for, and why there. */
function lookedAt(): { dir: string; why: string } {
  const fromEnv = process.env.CLAIMMARK_SHARED;
  return fromEnv
    ? { dir: path.resolve(fromEnv), why: 'from CLAIMMARK_SHARED' }
    : {
        dir: path.resolve(repoRoot, '../shared'),
        why: 'beside the repository; CLAIMMARK_SHARED is not set',
      };
}

/** The shared folder holding corpora/: $CLAIMMARK_SHARED, else ../shared; throws saying where it looked. */
export function sharedDir(): string {
  const { dir, why } = lookedAt();
  const corpora = path.join(dir, 'corpora');
  if (!existsSync(corpora)) {
    throw new Error(
      `The labelled corpora were not found at ${corpora} (${why}). ` +
        'Set CLAIMMARK_SHARED to the folder that holds corpora/.',
    );
  }
  return dir;
}

/** Stops the script with one plain line when the corpora are missing; call it first. */
export function requireCorpora(script: string): void {
  try {
    sharedDir();
  } catch (error) {
    console.error(`${script}: ${(error as Error).message}`);
    process.exit(2);
  }
}
