import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README promises a reason for every permission the extension asks for.

const ROOT = path.resolve(__dirname, '../..');

describe('the README lists every permission', () => {
  it('names each permission of the manifest in its permissions table', () => {
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    const list = /permissions:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const permissions = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
    expect(permissions.length).toBeGreaterThan(0);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Permissions'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const listed = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
    for (const permission of permissions) expect(listed).toContain(permission);
  });
});
