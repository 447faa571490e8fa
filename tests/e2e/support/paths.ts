import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixturePath } from '../../support/fixtures';

/** The repository's root folder. */
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** A built extension folder; fails clearly when `npm run build` has not run. */
export function builtExtension(
  target: 'chrome-mv3' | 'firefox-mv2' | 'chrome-mv3-e2e' | 'firefox-mv2-e2e',
): string {
  const dir = resolve(repoRoot, '.output', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(
      `${dir} has no build: run "npm run build" (and "npm run build:e2e" for an -e2e build) first.`,
    );
  }
  return dir;
}

/** URL prefixes the fixture server mounts, and the repository's fixture folders behind them. */
export function fixtureMounts(): Record<string, string> {
  return {
    '/pages/': fixturePath('pages'),
    '/own/': fixturePath('own'),
  };
}
