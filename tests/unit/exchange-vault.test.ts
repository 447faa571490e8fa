import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ANNOTATIONS,
  ARTICLES,
  FULL_ARTICLE,
  HOSTILE,
  closeDatabases,
  freshDb,
  seed,
} from './exchange-fixtures';
import { buildExportFile } from '@/lib/storage/export-file';
import {
  exportVault,
  passageLink,
  vaultFileName,
  vaultFiles,
  type TakenNames,
} from '@/lib/exchange/vault';
import type { AnnotationRecord, ArticleRecord } from '@/lib/model';

const NOW = new Date('2026-11-26T10:00:00Z');
afterEach(closeDatabases);

/** The front matter of a note, parsed back with a YAML library, and its body. */
function split(note: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(note);
  if (!match) throw new Error('no front matter');
  return {
    front: parse(match[1] ?? '') as Record<string, unknown>,
    body: note.slice(match[0].length),
  };
}

const twin = (url: string, headline: string): ArticleRecord => ({
  ...FULL_ARTICLE,
  url,
  canonicalUrl: null,
  facts: FULL_ARTICLE.facts
    ? {
        ...FULL_ARTICLE.facts,
        metadata: FULL_ARTICLE.facts.metadata ? { ...FULL_ARTICLE.facts.metadata, headline } : null,
      }
    : undefined,
});

describe('the Obsidian vault', () => {
  it('unzips to a note per article whose front matter parses back', () => {
    const japanese = twin('https://news.example.jp/a', '日銀、金利を据え置き: "当面"');
    const zip = exportVault([...ARTICLES, japanese], ANNOTATIONS, NOW);
    const files = unzipSync(zip);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(ARTICLES.length + 1);
    for (const name of names) expect(name).toMatch(/^Claimmark\/[^/<>:"\\|?*]+\.md$/);
    const full = strFromU8(
      files['Claimmark/Trump and Putin to meet in Budapest.md'] ?? new Uint8Array(),
    );
    const { front, body } = split(full);
    expect(front).toEqual({
      title: 'Trump and Putin to meet in Budapest',
      url: FULL_ARTICLE.canonicalUrl,
      site: 'Example News',
      authors: ['Anna Kovács', 'Jürgen Müller'],
      published: '2025-10-16T10:00:00+02:00',
      tags: ['hungary', 'summit', 'ünïcödé'],
      entities: ['Donald Trump', 'Budapest', 'Fidesz'],
    });
    expect(body).toContain('> Trump will meet Putin');
    expect(body).toContain('**Claim: disputed** · Tags: summit, hungary, ünïcödé');
    expect(body).toContain(
      `[Open the passage](<${FULL_ARTICLE.url}#:~:text=Trump%20will%20meet%20Putin>)`,
    );
    // A note with markup stays text; a hostile title is a safe name and a valid YAML string.
    expect(body).not.toMatch(/<script>/);
    const hostile = names
      .map((n) => strFromU8(files[n] ?? new Uint8Array()))
      .find((t) => t.includes('blog.example.org'));
    expect(split(hostile ?? '').front.title).toBe(HOSTILE);
    const jp = Object.entries(files).find(([n]) => n.includes('日銀'));
    expect(jp?.[0]).toBe('Claimmark/日銀、金利を据え置き 当面.md');
    expect(split(strFromU8(jp?.[1] ?? new Uint8Array())).front.title).toBe(
      '日銀、金利を据え置き: "当面"',
    );
  });

  it('names files safely on every system, without collisions', () => {
    const taken: TakenNames = new Map();
    expect(vaultFileName('A/B: what? "yes" <no>', taken)).toBe('A B what yes no.md');
    expect(vaultFileName('a/b: What? "Yes" <No>', taken)).toBe('a b What Yes No (2).md');
    expect(vaultFileName('CON', taken)).toBe('CON (article).md');
    expect(vaultFileName('Con. Ed. raises rates', taken)).toBe(
      'Con. Ed. raises rates (article).md',
    );
    expect(vaultFileName('#MeToo [Video] a|b ^x \u202eevil', taken)).toBe(
      'MeToo Video a b x evil.md',
    );
    // One headline in two Unicode forms is one name.
    expect(vaultFileName('Caf\u00e9', taken)).toBe('Café.md');
    expect(vaultFileName('Cafe\u0301', taken)).toBe('Café (2).md');
    // Thousands of repeats are numbered without starting over each time.
    for (let i = 0; i < 2000; i++) vaultFileName('Live updates', taken);
    expect(vaultFileName('Live updates', taken)).toBe('Live updates (2001).md');
    expect(vaultFileName('...', taken)).toBe('Untitled.md');
    expect(vaultFileName('Ends with a dot.', taken)).toBe('Ends with a dot.md');
    const long = vaultFileName(`${'word '.repeat(40)}end`, taken);
    expect(long.length).toBeLessThanOrEqual(83);
    expect(long).toMatch(/word\.md$/);
    // Two articles with one headline: two files.
    const files = vaultFiles(
      [twin('https://a.example/1', 'Same headline'), twin('https://b.example/2', 'Same headline')],
      [],
    );
    expect([...files.keys()]).toEqual(['Same headline.md', 'Same headline (2).md']);
  });

  it('links each passage with a text fragment the browser scrolls to', () => {
    expect(
      passageLink('https://news.example.com/a#top', 'rose 3.1 percent - in March, & more'),
    ).toBe(
      'https://news.example.com/a#:~:text=rose%203.1%20percent%20%2D%20in%20March%2C%20%26%20more',
    );
    const long: AnnotationRecord['quote'] = 'one two three four five six seven eight nine ten';
    expect(passageLink('https://news.example.com/a', long)).toBe(
      'https://news.example.com/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
    expect(passageLink('javascript:alert(1)', 'x')).toBeNull();
    // A passage over two paragraphs: each term within one of them.
    expect(
      passageLink('https://a.example/', 'First para ends here.\n\nSecond one goes on and on'),
    ).toBe('https://a.example/#:~:text=First%20para%20ends%20here.,goes%20on%20and%20on');
    // Japanese has no spaces: the terms are cut on characters, not the whole passage.
    const jp = passageLink(
      'https://a.example/',
      '日本銀行は金融政策決定会合で短期金利を据え置くことを決めた。'.repeat(20),
    );
    expect(jp?.length).toBeLessThan(1200);
    expect(jp).toMatch(/#:~:text=.+,.+/);
  });

  it('is what the popup saves, as CSL-JSON is, from the library', async () => {
    const db = freshDb();
    await seed(db, ARTICLES, ANNOTATIONS);
    const all = { kind: 'all' } as const;
    const vault = await buildExportFile(db, all, all, 'vault', NOW);
    expect(vault).toMatchObject({
      name: 'claimmark-2026-11-26-vault.zip',
      mime: 'application/zip',
    });
    const [bytes] = vault.parts;
    if (!(bytes instanceof Uint8Array)) throw new Error('expected the zip’s bytes');
    expect(Object.keys(unzipSync(bytes))).toHaveLength(ARTICLES.length);
    const csl = await buildExportFile(db, all, all, 'csl', NOW);
    expect(csl.name).toBe('claimmark-2026-11-26-csl.json');
    expect((JSON.parse(csl.parts.join('')) as unknown[]).length).toBe(ARTICLES.length);
  });
});
