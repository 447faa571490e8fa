import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocol, type MessageType } from '@/lib/messaging/protocol';

// docs/ARCHITECTURE.md promises a table of every message: this keeps the promise checked, so the
// table cannot drift from lib/messaging/protocol.ts again.

interface DocRow {
  names: string[];
  route: string;
  request: string;
  response: string;
}

function protocolTable(): DocRow[] {
  const doc = readFileSync(path.resolve(__dirname, '../../docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The protocol'));
  const rows: DocRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) {
      if (rows.length > 0 && !line.startsWith('|')) break;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    rows.push({
      names: [...(cells[1] ?? '').matchAll(/`([a-zA-Z.]+)`/g)].map((m) => m[1] ?? ''),
      route: cells[2] ?? '',
      request: cells[3] ?? '',
      response: cells[4] ?? '',
    });
  }
  return rows;
}

/** The keys of an object schema, or of each option of a union, with whether each is optional. */
function requestKeys(schema: unknown): { all: Set<string>; required: Set<string> } {
  const all = new Set<string>();
  const required = new Set<string>();
  const visit = (s: unknown, inUnion: boolean): void => {
    if (typeof s !== 'object' || s === null) return;
    // nullable(…) and the like wrap the schema that has the fields.
    if ('wrapped' in s) {
      visit(s.wrapped, inUnion);
      return;
    }
    if ('options' in s && Array.isArray(s.options)) {
      for (const option of s.options) visit(option, true);
      return;
    }
    if (!('entries' in s) || typeof s.entries !== 'object' || s.entries === null) return;
    for (const [key, entry] of Object.entries(s.entries as Record<string, unknown>)) {
      all.add(key);
      const optional =
        typeof entry === 'object' && entry !== null && 'type' in entry && entry.type === 'optional';
      // In a union each option is one form of the request: its keys are not all required at once.
      if (!optional && !inUnion) required.add(key);
    }
  };
  visit(schema, false);
  return { all, required };
}

/** The field names written at the top level of each `{…}` in a table cell ("{results: [{id}]}" gives results). */
function topLevelKeys(cell: string): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  let current = '';
  const flush = (): void => {
    const key = /^\s*([a-zA-Z]+)\??\s*(?::|$)/.exec(current)?.[1];
    if (key) keys.add(key);
    current = '';
  };
  for (const ch of cell) {
    if (ch === '{' || ch === '[') {
      if (depth === 1) current += ch;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) flush();
      else if (depth === 1) current += ch;
    } else if (depth === 1 && ch === ',') flush();
    else if (depth === 1) current += ch;
  }
  return keys;
}

describe('docs/ARCHITECTURE.md protocol table', () => {
  const rows = protocolTable();
  const documented = rows.flatMap((r) => r.names);

  it('lists exactly the messages of the protocol map, each once', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect([...documented].sort()).toEqual(Object.keys(protocol).sort());
  });

  it('gives each message its real sender, receiver and request fields', () => {
    for (const row of rows) {
      for (const name of row.names) {
        const entry = protocol[name as MessageType];
        const [sender = '', receiver = ''] = row.route.split('→').map((p) => p.trim());
        expect.soft(sender.startsWith('content') ? 'content' : 'extension', name).toBe(entry.from);
        expect.soft(receiver.split(/[\s(]/)[0], name).toBe(entry.to);
        const check = (cell: string, schema: unknown, side: string): void => {
          const { all, required } = requestKeys(schema);
          const written = topLevelKeys(cell);
          for (const key of written)
            expect.soft(all.has(key), `${name} ${side}: ${key} is no field`).toBe(true);
          for (const key of required)
            expect.soft(written.has(key), `${name} ${side}: ${key} is not written`).toBe(true);
        };
        check(row.request, entry.request, 'request');
        // A response described in words ("the stored ArticleRecord") names no fields to check.
        if (row.response.startsWith('`{')) check(row.response, entry.response, 'response');
      }
    }
  });
});
