import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// The README promises a reason for every permission the extension asks for, up front or at run
// time. Read from the manifest the config builds for each browser, not from its source text:
// the permissions are assembled from lists there, which a pattern over the text missed.

const ROOT = path.resolve(__dirname, '../..');

async function manifestPermissions(browser: 'chrome' | 'firefox'): Promise<string[]> {
  const env = {
    browser,
    mode: 'production',
    command: 'build',
    manifestVersion: browser === 'chrome' ? 3 : 2,
  } as const;
  const manifest =
    typeof config.manifest === 'function' ? await config.manifest(env) : await config.manifest;
  const listed = [...(manifest?.permissions ?? []), ...(manifest?.optional_permissions ?? [])];
  // Origins (sync's servers) are not API permissions: they have their own explanation.
  return listed.filter((p): p is string => typeof p === 'string' && !p.includes('/'));
}

describe('the README lists every permission', () => {
  it('names each permission of the manifest, optional ones too, in its permissions table', async () => {
    const permissions = [
      ...(await manifestPermissions('chrome')),
      ...(await manifestPermissions('firefox')),
    ];
    expect(permissions).toContain('storage');
    expect(permissions).toContain('downloads');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Permissions'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const listed = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
    for (const permission of new Set(permissions)) expect(listed).toContain(permission);
  });
});
