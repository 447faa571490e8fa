import { describe, expect, it } from 'vitest';
import {
  decodeEditorAddress,
  encodeEditorAddress,
  sameEditorAddress,
  type EditorAddress,
} from '@/lib/messaging/editor-address';

const ID = '0b0f6d8e-58c5-4a3f-9f43-3a7c3f1f2a10';
const ARTICLE = 'https://news.example.com/2026/story?id=7&x=a b';

describe('editor address', () => {
  it('decodes what it encodes, for every view', () => {
    const addresses: EditorAddress[] = [
      { view: 'editor', target: { draftId: ID } },
      { view: 'editor', target: { id: ID } },
      { view: 'editor', target: { id: ID, articleUrl: ARTICLE } },
      { view: 'peek', note: { id: ID } },
      { view: 'peek', note: { id: ID, articleUrl: ARTICLE } },
    ];
    for (const address of addresses) {
      const query = encodeEditorAddress(address);
      expect(decodeEditorAddress(query)).toEqual(address);
      expect(decodeEditorAddress(`?${query}`)).toEqual(address);
    }
    expect(encodeEditorAddress(addresses[0] as EditorAddress)).toBe(`draft=${ID}`);
  });

  it('names nothing for ids that are not UUIDs', () => {
    expect(decodeEditorAddress('')).toBeNull();
    expect(decodeEditorAddress('?draft=abc')).toBeNull();
    expect(decodeEditorAddress('?id=../../etc')).toBeNull();
    expect(decodeEditorAddress('?peek=1')).toBeNull();
  });

  it('leaves out an article that is not a web address', () => {
    for (const article of [
      'javascript:alert(1)',
      'not a url',
      `https://x.example/${'a'.repeat(5000)}`,
    ]) {
      const query = new URLSearchParams({ id: ID, article }).toString();
      expect(decodeEditorAddress(query)).toEqual({ view: 'editor', target: { id: ID } });
    }
  });

  it('compares addresses by what they name, not by how the query was written', () => {
    const a = decodeEditorAddress(`?article=${encodeURIComponent(ARTICLE)}&id=${ID}`);
    const b: EditorAddress = { view: 'editor', target: { id: ID, articleUrl: ARTICLE } };
    expect(a && sameEditorAddress(a, b)).toBe(true);
    expect(sameEditorAddress(b, { view: 'peek', note: { id: ID, articleUrl: ARTICLE } })).toBe(
      false,
    );
  });
});
