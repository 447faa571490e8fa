import { afterEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS, ARTICLES, closeDatabases, dump, freshDb, seed } from './exchange-fixtures';
import { notesById } from './stored-notes';
import { exportClaimmarkJson } from '@/lib/exchange/claimmark-json';
import { buildCsl } from '@/lib/exchange/csl';
import { exportMarkdown } from '@/lib/exchange/markdown';
import { parseImportFile } from '@/lib/exchange/parse-import';
import type { ParsedImport } from '@/lib/exchange/parsed';
import { vaultFiles } from '@/lib/exchange/vault';
import { buildW3cCollection, exportW3cJsonLd } from '@/lib/exchange/w3c-export';
import type { AnnotationRecord } from '@/lib/model';
import { readExportRecords } from '@/lib/storage/export';
import { applyImport } from '@/lib/storage/import';

// Issue 16: who made a note, and the versions of it another device kept, in every export.

const NOW = new Date('2026-11-26T10:00:00Z');
afterEach(closeDatabases);

function parsed(text: string): ParsedImport {
  const result = parseImportFile(text, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const [claim, plain, ...rest] = ANNOTATIONS as [AnnotationRecord, AnnotationRecord];
const signed: AnnotationRecord = {
  ...claim,
  author: 'Ana *Kovács*',
  conflicts: [
    {
      at: '2025-10-16T08:30:00.000Z',
      author: 'Bea',
      fields: {
        kind: 'highlight',
        note: 'the laptop’s version',
        status: null,
        evidence: ['https://evidence.example.org/other'],
        tags: ['laptop'],
        color: 'blue',
      },
    },
    {
      at: '2025-10-16T08:40:00.000Z',
      fields: { kind: 'claim', note: '', status: 'false', evidence: [], tags: [], color: 'yellow' },
    },
  ],
};
const TEAM = [signed, plain, ...rest];

describe('exports of a shared library', () => {
  it('Claimmark JSON brings back the author and the conflicts field for field', async () => {
    const source = freshDb();
    await seed(source, ARTICLES, TEAM);
    const records = await readExportRecords(source, { kind: 'all' });
    const text = exportClaimmarkJson(records.articles, records.annotations, { kind: 'all' }, NOW);
    expect(text).toContain('"author":"Ana *Kovács*"');
    const target = freshDb();
    const file = parsed(text);
    expect(file.skipped).toEqual([]);
    await applyImport(target, file);
    expect(await dump(target)).toEqual(await dump(source));
    expect((await notesById(target)).find((a) => a.id === signed.id)).toEqual(signed);
  });

  it('W3C names the creator as a person, and reads it back; conflicts stay in Claimmark JSON', async () => {
    const [first, second] = buildW3cCollection(TEAM, NOW).first.items;
    expect(first?.creator).toEqual({ type: 'Person', name: 'Ana *Kovács*' });
    expect(second).not.toHaveProperty('creator');
    const db = freshDb();
    await seed(db, ARTICLES, []);
    await applyImport(db, parsed(exportW3cJsonLd(TEAM, NOW)));
    const back = (await notesById(db)).find((a) => a.id === signed.id);
    expect(back?.author).toBe('Ana *Kovács*');
    expect(back).not.toHaveProperty('conflicts');
    expect((await notesById(db)).find((a) => a.id === plain.id)).not.toHaveProperty('author');
  });

  it('W3C import takes the first named creator, trimmed, from an object or a list', () => {
    const doc = (creator: unknown) =>
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        creator,
        target: {
          source: 'https://example.com/story',
          selector: { type: 'TextQuoteSelector', exact: 'quoted' },
        },
      });
    const authorOf = (creator: unknown) => parsed(doc(creator)).annotations[0]?.author;
    expect(authorOf({ type: 'Person', name: '  Ana  ' })).toBe('Ana');
    expect(authorOf([{ type: 'Software' }, { nickname: 'bea' }])).toBe('bea');
    expect(authorOf('https://example.com/users/ana')).toBeUndefined();
    expect(authorOf({ name: '' })).toBeUndefined();
  });

  it('Markdown and the vault say "by" the author, escaped', () => {
    const md = exportMarkdown(ARTICLES, TEAM, NOW);
    expect(md).toContain('**Claim: disputed** · by Ana \\*Kovács\\* · Tags: summit');
    expect(md).toContain('**Highlight**\n');
    const vault = [...vaultFiles(ARTICLES, TEAM).values()].join('\n');
    expect(vault).toContain('· by Ana \\*Kovács\\*');
  });

  it('CSL-JSON notes say who made each', () => {
    const item = buildCsl(ARTICLES, TEAM).find((i) => i.URL === claim.articleUrl);
    expect(item?.note).toContain('Claim (disputed) by Ana *Kovács*: “Trump will meet Putin”');
    expect(item?.note).toContain('Highlight: “within two weeks”');
  });
});
