import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';
import {
  checkDoc,
  noteFromDoc,
  syncedNote,
  toArticleDoc,
  toNoteDoc,
  toVersionDoc,
  type SyncedNote,
} from '@/lib/sync/docs';
import { fingerprint, mergeArticles, mergeNotes } from '@/lib/sync/merge';
import { parseSyncServer } from '@/lib/sync/server-url';
import { ANNOTATIONS, ARTICLES } from './exchange-fixtures';

const NOTE = ANNOTATIONS[0] as AnnotationRecord;
const ARTICLE = ARTICLES[0] as ArticleRecord;

/** A document as the server hands it back: with a revision. */
function served<T extends object>(doc: T): T & { _rev: string } {
  return { ...JSON.parse(JSON.stringify(doc)), _rev: '1-abc' } as T & { _rev: string };
}

describe('the document mapping', () => {
  it('maps every note and article of the test library to a document and back', () => {
    for (const note of ANNOTATIONS) {
      const doc = toNoteDoc(syncedNote(note));
      expect(doc._id).toBe(`note:${note.id}`);
      expect(doc).not.toHaveProperty('anchoring');
      expect(doc).not.toHaveProperty('version');
      const back = checkDoc(served(doc));
      expect(back).toEqual({ kind: 'note', rev: '1-abc', note: syncedNote(note) });
      // Back on the device that made it, what only that device knows stays.
      if (back.kind === 'note') expect(noteFromDoc(back.note, note)).toEqual(note);
    }
    for (const article of ARTICLES) {
      const doc = toArticleDoc(article);
      expect(doc._id).toBe(`article:${article.url}`);
      expect(checkDoc(served(doc))).toEqual({ kind: 'article', rev: '1-abc', article });
    }
  });

  it('keeps the author and conflicts, and leaves device-local fields on the device', () => {
    const signed: AnnotationRecord = {
      ...NOTE,
      version: 3,
      author: 'Ana',
      conflicts: [{ at: NOTE.createdAt, fields: { ...NOTE, note: 'other' } }].map((c) => ({
        at: c.at,
        fields: {
          kind: c.fields.kind,
          note: c.fields.note,
          status: c.fields.status,
          evidence: c.fields.evidence,
          tags: c.fields.tags,
          color: c.fields.color,
        },
      })),
    };
    const back = checkDoc(served(toNoteDoc(syncedNote(signed))));
    expect(back.kind).toBe('note');
    if (back.kind !== 'note') return;
    expect(back.note.author).toBe('Ana');
    expect(back.note.conflicts).toEqual(signed.conflicts);
    // On another device: no anchoring, no version number of this device's texts.
    expect(noteFromDoc(back.note, undefined)).toEqual({ ...syncedNote(signed), anchoring: null });
  });

  it('maps a stored version to a document and back, and a note names it by its hash', () => {
    const hash = 'b'.repeat(64);
    const version = {
      articleUrl: ARTICLE.url,
      hash,
      story: 'c'.repeat(64),
      seenAt: '2026-01-01T00:00:00.000Z',
      modified: '2025-10-16',
      content: { text: 'The text.', headline: 'H', byline: null, published: null, modified: null },
    };
    const doc = toVersionDoc(version);
    expect(doc._id).toBe(`version:${hash}:${ARTICLE.url}`);
    expect(checkDoc(served(doc))).toEqual({ kind: 'version', rev: '1-abc', version });
    expect(checkDoc({ ...served(doc), hash: 'd'.repeat(64) })).toMatchObject({
      kind: 'refused',
      reason: 'its id is not its article and hash',
    });
    // A note made on this device's version 2 travels with that text's hash…
    const note = syncedNote({ ...NOTE, version: 2 }, (n) => (n === 2 ? hash : undefined));
    expect(note.versionHash).toBe(hash);
    const back = checkDoc(served(toNoteDoc(note)));
    expect(back).toMatchObject({ kind: 'note', note: { versionHash: hash } });
    // …and lands on the number another device gives that text.
    if (back.kind === 'note')
      expect(noteFromDoc(back.note, undefined, (h) => (h === hash ? 5 : undefined)).version).toBe(
        5,
      );
    expect(checkDoc({ ...served(toNoteDoc(note)), versionHash: 'not a hash' })).toMatchObject({
      kind: 'refused',
    });
  });

  it('passes by a design document (a desk’s validation function): the server’s, not refused', () => {
    expect(
      checkDoc({ _id: '_design/rules', _rev: '1-a', validate_doc_update: 'function(){}' }),
    ).toEqual({
      kind: 'apart',
      id: '_design/rules',
    });
  });

  it('reads a deletion', () => {
    expect(checkDoc({ _id: 'note:x', _rev: '2-a', _deleted: true })).toEqual({
      kind: 'deleted',
      id: 'note:x',
      rev: '2-a',
    });
  });

  it('refuses what Claimmark did not write, saying why', () => {
    const doc = served(toNoteDoc(syncedNote(NOTE)));
    const cases: [unknown, string][] = [
      [null, 'not an object'],
      [[doc], 'not an object'],
      [{ ...doc, _id: 5 }, 'no usable _id'],
      [{ ...doc, _rev: undefined }, 'no usable _rev'],
      [{ ...doc, type: 'article' }, 'a note id without type "note"'],
      [{ ...doc, anchoring: null }, 'carries a device-local field'],
      [{ ...doc, tags: 'x' }, 'tags: Invalid type: Expected Array but received "x"'],
      [{ ...doc, extra: 1 }, 'extra: Invalid key: Expected never but received "extra"'],
      [{ ...doc, note: 'x'.repeat(2_100_000) }, 'larger than 2 MB'],
      [
        { ...served(toArticleDoc(ARTICLE)), _id: 'article:https://other.example/' },
        'its id is not its url',
      ],
      [{ _id: 'some-other-app:x', _rev: '1-a' }, 'not a Claimmark document'],
    ];
    for (const [input, reason] of cases) {
      const checked = checkDoc(input);
      expect(checked.kind, reason).toBe('refused');
      if (checked.kind === 'refused') expect(checked.reason).toBe(reason);
    }
  });
});

describe('merging two edits of a note', () => {
  const base = syncedNote(NOTE);
  const at = (iso: string) => ({ modifiedAt: iso });

  it('takes each side’s change when they changed different fields', () => {
    const local: SyncedNote = { ...base, note: 'mine', ...at('2026-01-01T00:00:00.000Z') };
    const remote: SyncedNote = { ...base, status: 'false', ...at('2026-01-02T00:00:00.000Z') };
    const merged = mergeNotes(fingerprint(base), local, remote);
    expect(merged.conflicted).toBe(false);
    expect(merged.note).toEqual({
      ...base,
      note: 'mine',
      status: 'false',
      ...at('2026-01-02T00:00:00.000Z'),
    });
  });

  it('lets the later edit win a field both changed, and keeps the other as a conflict', () => {
    const local: SyncedNote = { ...base, note: 'later', ...at('2026-01-03T00:00:00.000Z') };
    const remote: SyncedNote = {
      ...base,
      note: 'earlier',
      author: 'Ben',
      ...at('2026-01-02T00:00:00.000Z'),
    };
    const merged = mergeNotes(fingerprint(base), local, remote);
    expect(merged.conflicted).toBe(true);
    expect(merged.note.note).toBe('later');
    expect(merged.note.conflicts).toEqual([
      {
        at: '2026-01-02T00:00:00.000Z',
        author: 'Ben',
        fields: {
          kind: base.kind,
          note: 'earlier',
          status: base.status,
          evidence: base.evidence,
          tags: base.tags,
          color: base.color,
        },
      },
    ]);
    // The same merge from the other side gives the same note.
    const other = mergeNotes(fingerprint(base), remote, local);
    expect(other.note).toEqual(merged.note);
  });

  it('with no common base, takes the later edit for every differing field and keeps the other', () => {
    const local: SyncedNote = { ...base, tags: ['x'], ...at('2026-01-01T00:00:00.000Z') };
    const remote: SyncedNote = { ...base, tags: ['y'], ...at('2026-01-02T00:00:00.000Z') };
    const merged = mergeNotes(null, local, remote);
    expect(merged.note.tags).toEqual(['y']);
    expect(merged.note.conflicts?.[0]?.fields.tags).toEqual(['x']);
  });

  it('keeps both sides’ earlier conflicts, each once, the latest within the limit', () => {
    const conflict = (i: number) => ({
      at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      fields: {
        kind: base.kind,
        note: String(i),
        status: base.status,
        evidence: [],
        tags: [],
        color: base.color,
      },
    });
    const local: SyncedNote = {
      ...base,
      conflicts: Array.from({ length: 15 }, (_, i) => conflict(i)),
    };
    const remote: SyncedNote = {
      ...base,
      conflicts: Array.from({ length: 15 }, (_, i) => conflict(i + 10)),
    };
    const merged = mergeNotes(fingerprint(base), local, remote);
    expect(merged.note.conflicts).toHaveLength(20);
    expect(merged.note.conflicts?.at(-1)?.fields.note).toBe('24');
  });

  it('keeps a conflict settled on one device settled, while the other edits the note', () => {
    const kept = {
      at: '2025-01-01T00:00:00.000Z',
      fields: {
        kind: base.kind,
        note: 'old',
        status: base.status,
        evidence: [],
        tags: [],
        color: base.color,
      },
    };
    const withConflict: SyncedNote = { ...base, conflicts: [kept] };
    const settled: SyncedNote = { ...base };
    delete settled.conflicts;
    const edited: SyncedNote = {
      ...withConflict,
      tags: ['new'],
      ...at('2026-01-05T00:00:00.000Z'),
    };
    const merged = mergeNotes(fingerprint(withConflict), settled, edited);
    expect(merged.note.tags).toEqual(['new']);
    expect(merged.note.conflicts).toBeUndefined();
  });

  it('merges an article: the later record, every address, the first save', () => {
    const local = {
      ...ARTICLE,
      seenAt: ['https://a.example/1'],
      updatedAt: '2026-01-01T00:00:00.000Z',
      savedAt: '2025-01-01T00:00:00.000Z',
    };
    const remote = {
      ...ARTICLE,
      title: 'New',
      seenAt: ['https://a.example/2'],
      updatedAt: '2026-01-02T00:00:00.000Z',
      savedAt: '2025-06-01T00:00:00.000Z',
    };
    expect(mergeArticles(local, remote)).toEqual({
      ...remote,
      seenAt: ['https://a.example/1', 'https://a.example/2'],
      savedAt: '2025-01-01T00:00:00.000Z',
    });
  });
});

describe('the server address', () => {
  it('takes HTTPS anywhere and HTTP on loopback, ending with the database', () => {
    expect(parseSyncServer('https://couch.example.org/claimmark/')).toEqual({
      dbUrl: 'https://couch.example.org/claimmark',
      originPattern: 'https://couch.example.org/*',
    });
    expect(parseSyncServer('http://127.0.0.1:5984/notes')).toEqual({
      dbUrl: 'http://127.0.0.1:5984/notes',
      originPattern: 'http://127.0.0.1/*',
    });
    // A server behind a reverse proxy, under a path of its own.
    expect(parseSyncServer('https://news.example.org/couchdb/desk/claimmark/')).toEqual({
      dbUrl: 'https://news.example.org/couchdb/desk/claimmark',
      originPattern: 'https://news.example.org/*',
    });
  });

  it('refuses plain HTTP elsewhere, credentials in the address, and addresses without a database', () => {
    for (const bad of [
      'http://couch.example.org/claimmark',
      'https://ana:secret@couch.example.org/claimmark',
      'https://couch.example.org/',
      'https://couch.example.org/a//b',
      'https://couch.example.org/_users',
      'https://couch.example.org/couchdb/_users',
      'https://couch.example.org/_utils/claimmark',
      'https://couch.example.org/couchdb/%5Fusers',
      'https://couch.example.org/couchdb/%E0%A4%A',
      'https://couch.example.org/db?x=1',
      'not a url',
      'ftp://127.0.0.1/db',
    ]) {
      expect(typeof parseSyncServer(bad), bad).toBe('string');
    }
  });
});
