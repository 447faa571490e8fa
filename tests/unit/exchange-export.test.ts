import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, ARTICLES, HOSTILE } from './exchange-fixtures';
import { exportClaimmarkJson, exportClaimmarkJsonParts } from '@/lib/exchange/claimmark-json';
import { exportFileName } from '@/lib/exchange/file-name';
import { escapeMarkdown, exportMarkdown } from '@/lib/exchange/markdown';
import {
  ANNO_CONTEXT,
  buildW3cCollection,
  exportW3cJsonLd,
  exportW3cJsonLdParts,
} from '@/lib/exchange/w3c-export';
import { generateExportSchema, SCHEMA_PATH } from '../support/export-schema';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('Claimmark JSON export', () => {
  it('writes the header and every field of every record', () => {
    const text = exportClaimmarkJson(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW);
    expect(JSON.parse(text)).toEqual({
      format: 'claimmark',
      version: 1,
      exportedAt: '2026-11-26T10:00:00.000Z',
      scope: { kind: 'all' },
      articles: ARTICLES,
      annotations: ANNOTATIONS,
    });
    // One record a line, so two exports diff record by record.
    expect(text.split('\n').filter((l) => l.startsWith('{"id":'))).toHaveLength(4);
  });

  it('gives the file in pieces, a record per piece, that make the same text', () => {
    const parts = exportClaimmarkJsonParts(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW);
    expect(parts.join('')).toBe(exportClaimmarkJson(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW));
    for (const record of [...ARTICLES, ...ANNOTATIONS]) {
      expect(parts.filter((p) => p.startsWith(JSON.stringify(record)))).toHaveLength(1);
    }
  });

  it('writes empty lists for an empty selection', () => {
    const text = exportClaimmarkJson([], [], { kind: 'article', url: 'https://a.example/x' }, NOW);
    expect(JSON.parse(text)).toMatchObject({ articles: [], annotations: [] });
  });
});

describe('W3C Web Annotation export', () => {
  it('gives the file in pieces, an annotation per piece, that make the same text', () => {
    const parts = exportW3cJsonLdParts(ANNOTATIONS, NOW, 'urn:uuid:x');
    expect(parts.join('')).toBe(exportW3cJsonLd(ANNOTATIONS, NOW, 'urn:uuid:x'));
    expect(parts.filter((p) => p.startsWith('{"id":"urn:uuid:'))).toHaveLength(ANNOTATIONS.length);
    expect(JSON.parse(exportW3cJsonLdParts([], NOW).join(''))).toMatchObject({ total: 0 });
  });

  const collection = buildW3cCollection(ANNOTATIONS, NOW, '9a8b7c6d-1111-4222-8333-444455556666');
  const [claim, highlight, hostile] = collection.first.items;

  it('is an AnnotationCollection with one embedded page', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe('urn:uuid:9a8b7c6d-1111-4222-8333-444455556666');
    expect(collection.total).toBe(4);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(4);
  });

  it('carries selectors, TimeState and urn:uuid ids', () => {
    expect(claim).toMatchObject({
      id: 'urn:uuid:0b5f3c1e-8a4d-4c1b-9f7e-1a2b3c4d5e6f',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2025-10-16T08:05:00.000Z',
      modified: '2025-10-16T09:00:00.000Z',
      target: {
        source: 'https://news.example.com/2025/10/summit',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Trump will meet Putin',
            prefix: 'U.S. President ',
            suffix: ' in Budapest',
          },
          { type: 'TextPositionSelector', start: 120, end: 141 },
        ],
        state: { type: 'TimeState', sourceDate: '2025-10-16T12:30+02:00' },
      },
    });
    expect(highlight?.target.state).toBeUndefined();
    expect(highlight?.target.selector).toHaveLength(1);
  });

  it('writes the note, tags, status and evidence as bodies with purposes', () => {
    expect(claim?.body).toEqual([
      {
        type: 'TextualBody',
        value: ANNOTATIONS[0]?.note,
        format: 'text/plain',
        purpose: 'commenting',
      },
      { type: 'TextualBody', value: 'summit', purpose: 'tagging' },
      { type: 'TextualBody', value: 'hungary', purpose: 'tagging' },
      { type: 'TextualBody', value: 'ünïcödé', purpose: 'tagging' },
      { type: 'TextualBody', value: 'disputed', purpose: 'assessing' },
      {
        type: 'SpecificResource',
        source: 'https://evidence.example.org/readout',
        purpose: 'linking',
      },
      {
        type: 'SpecificResource',
        source: 'http://archive.example.com/a?b=c&d=(e)',
        purpose: 'linking',
      },
    ]);
    expect(highlight?.motivation).toBe('highlighting');
    expect(highlight?.body).toBeUndefined();
    expect(hostile?.motivation).toBe('commenting');
  });

  it('serialises to the same document, one annotation a line', () => {
    const text = exportW3cJsonLd(ANNOTATIONS, NOW, '9a8b7c6d-1111-4222-8333-444455556666');
    expect(JSON.parse(text)).toEqual(collection);
    expect(text.split('\n').filter((l) => l.startsWith('{"id":"urn:uuid:'))).toHaveLength(4);
    expect(JSON.parse(exportW3cJsonLd([], NOW))).toMatchObject({ total: 0, first: { items: [] } });
  });
});

describe('Markdown export', () => {
  const md = exportMarkdown(ARTICLES, ANNOTATIONS, NOW);

  it('lays out each article with its headline, link, byline, date and quotes', () => {
    expect(md).toContain('# Claimmark export');
    expect(md).toContain('Exported 2026-11-26 · 3 articles · 4 annotations');
    expect(md).toContain(
      '## Trump and Putin to meet in Budapest\n\n<https://news.example.com/2025/10/summit>\n\nBy Anna Kovács, Jürgen Müller · Published 2025-10-16',
    );
    expect(md).toContain(
      '> Trump will meet Putin\n\n**Claim: disputed** · Tags: summit, hungary, ünïcödé',
    );
    expect(md).toContain(
      'Evidence:\n\n- <https://evidence.example.org/readout>\n- <http://archive.example.com/a?b=c&d=(e)>',
    );
    expect(md).toContain('> 東京 🎉 Ωmega\n\n**Claim: unverified**');
    // Reading order: a quote without a position counts as at the start.
    expect(md.indexOf('within two weeks')).toBeLessThan(md.indexOf('Trump will meet Putin'));
  });

  it('escapes every character that could make a link, HTML, a list or code', () => {
    expect(escapeMarkdown('Trump, Putin to meet. 3.5 % said so')).toBe(
      'Trump, Putin to meet. 3.5 % said so',
    );
    expect(['1. x', '- x', '+ x', '> x'].map(escapeMarkdown)).toEqual([
      '1\\. x',
      '\\- x',
      '\\+ x',
      '\\> x',
    ]);
    expect(escapeMarkdown(HOSTILE)).toBe(
      '\\<script\\>alert("x")\\</script\\>\\<img src=x onerror=alert(1)\\> \\& \\[link\\](javascript:alert(1))',
    );
    expect(md).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)\]\(javascript/);
    // The note's list markers and indentation stay text.
    expect(md).toContain('\\* not a list\n1\\. not a list either\nnot code');
    // Only http(s) links become links; every other < is escaped.
    const unescapedAngles = md.match(/(?<!\\)<[^>]*>/g) ?? [];
    for (const m of unescapedAngles) expect(m).toMatch(/^<https?:\/\/[^\s<>]+>$/);
  });

  it('puts annotations whose article was not given under their URL', () => {
    const orphanOnly = exportMarkdown([], ANNOTATIONS.slice(3), NOW);
    expect(orphanOnly).toContain(
      '## http://old.example.net/story\n\n<http://old.example.net/story>',
    );
  });
});

describe('export file names', () => {
  it('are dated on the reader’s calendar day', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(exportFileName('claimmark', day)).toBe('claimmark-2026-11-26.json');
    expect(exportFileName('w3c', day)).toBe('claimmark-2026-11-26-w3c.jsonld');
    expect(exportFileName('markdown', day)).toBe('claimmark-2026-11-26.md');
  });
});

describe('JSON Schema of the export', () => {
  it('is the committed file (run `npx tsx scripts/export-schema.ts` after changing the schema)', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await generateExportSchema());
  });
});
