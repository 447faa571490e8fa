import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// The README promises a reason for every permission the extension asks for, or may ask for.

const ROOT = path.resolve(__dirname, '../..');

interface PermissionLists {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
}

/** Every permission a release manifest for `browser` names, granted or optional. */
function releasePermissions(browser: 'chrome' | 'firefox'): string[] {
  const make = config.manifest;
  if (typeof make !== 'function') throw new Error('wxt.config.ts: manifest is not a function');
  const env = { browser, mode: 'production', command: 'build', manifestVersion: 3 } as const;
  const manifest = make(env) as PermissionLists;
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.host_permissions ?? []),
  ];
}

describe('the README lists every permission', () => {
  it('names each permission of the release manifests in its permissions table', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Permissions'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const listed = rows.flatMap((row) =>
      [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]),
    );
    for (const browser of ['chrome', 'firefox'] as const) {
      const permissions = releasePermissions(browser);
      expect(permissions).toContain('downloads');
      for (const permission of permissions) expect(listed).toContain(permission);
    }
  });

  it('grants the loopback origin and downloads up front only in the end-to-end build', () => {
    const make = config.manifest;
    if (typeof make !== 'function') throw new Error('wxt.config.ts: manifest is not a function');
    for (const browser of ['chrome', 'firefox'] as const) {
      const release = make({
        browser,
        mode: 'production',
        command: 'build',
        manifestVersion: 3,
      }) as PermissionLists;
      const e2e = make({
        browser,
        mode: 'e2e',
        command: 'build',
        manifestVersion: 3,
      }) as PermissionLists;
      const up = (m: PermissionLists) => [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
      expect(up(release)).not.toContain('downloads');
      expect(up(release)).not.toContain('http://127.0.0.1/*');
      expect(up(e2e)).toContain('downloads');
      expect(up(e2e)).toContain('http://127.0.0.1/*');
    }
  });
});
