import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository's root folder. */
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The shared fixtures folder; its absence stops the run loudly instead of skipping tests. */
export function sharedDir(): string {
  const dir = process.env.CLAIMMARK_SHARED ?? resolve(repoRoot, '..', 'shared');
  if (!existsSync(resolve(dir, 'fixtures'))) {
    throw new Error(
      `Shared fixtures not found at ${dir}: set CLAIMMARK_SHARED to the shared/ folder.`,
    );
  }
  return dir;
}

/** A built extension folder; fails clearly when `npm run build` has not run. */
export function builtExtension(target: 'chrome-mv3' | 'firefox-mv2'): string {
  const dir = resolve(repoRoot, '.output', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no build: run "npm run build" first.`);
  }
  return dir;
}

/** URL prefixes the fixture server mounts, and the folders behind them. */
export function fixtureMounts(): Record<string, string> {
  return {
    '/pages/': resolve(sharedDir(), 'fixtures', 'pages'),
    '/own/': resolve(repoRoot, 'tests', 'fixtures'),
  };
}
