import { describe, expect, it } from 'vitest';
import {
  decodeEditorAddress,
  encodeEditorAddress,
  sameEditorAddress,
  type EditorAddress,
} from '@/lib/messaging/editor-address';

const ID = '0b0f6d8e-58c5-4a3f-9f43-3a7c3f1f2a10';
const ARTICLE = 'https://news.example.com/2026/story?id=7&x=a b';
const TOKEN = '9d2c7b1e-3f4a-4b5c-8d6e-7f8091a2b3c4';

describe('editor address', () => {
  it('decodes what it encodes, for every view', () => {
    const addresses: EditorAddress[] = [
      { view: 'editor', target: { draftId: ID }, token: TOKEN },
      { view: 'editor', target: { id: ID }, token: TOKEN },
      { view: 'editor', target: { id: ID, articleUrl: ARTICLE }, token: TOKEN },
      { view: 'peek', note: { id: ID }, token: TOKEN },
      { view: 'peek', note: { id: ID, articleUrl: ARTICLE }, token: TOKEN },
    ];
    for (const address of addresses) {
      const query = encodeEditorAddress(address);
      expect(decodeEditorAddress(query)).toEqual(address);
      expect(decodeEditorAddress(`?${query}`)).toEqual(address);
    }
    expect(encodeEditorAddress(addresses[0] as EditorAddress)).toBe(`draft=${ID}&token=${TOKEN}`);
  });

  it('names nothing for ids that are not UUIDs, or without a token', () => {
    expect(decodeEditorAddress('')).toBeNull();
    expect(decodeEditorAddress(`?draft=abc&token=${TOKEN}`)).toBeNull();
    expect(decodeEditorAddress(`?id=../../etc&token=${TOKEN}`)).toBeNull();
    expect(decodeEditorAddress(`?peek=1&token=${TOKEN}`)).toBeNull();
    // An address a page wrote by hand, without the background's token, opens nothing.
    expect(decodeEditorAddress(`?id=${ID}`)).toBeNull();
    expect(decodeEditorAddress(`?id=${ID}&token=not-a-token`)).toBeNull();
  });

  it('leaves out an article that is not a web address', () => {
    for (const article of [
      'javascript:alert(1)',
      'not a url',
      `https://x.example/${'a'.repeat(5000)}`,
    ]) {
      const query = new URLSearchParams({ id: ID, article, token: TOKEN }).toString();
      expect(decodeEditorAddress(query)).toEqual({
        view: 'editor',
        target: { id: ID },
        token: TOKEN,
      });
    }
  });

  it('compares addresses by what they name, not by how the query was written', () => {
    const a = decodeEditorAddress(
      `?token=${TOKEN}&article=${encodeURIComponent(ARTICLE)}&id=${ID}`,
    );
    const b: EditorAddress = {
      view: 'editor',
      target: { id: ID, articleUrl: ARTICLE },
      token: TOKEN,
    };
    expect(a && sameEditorAddress(a, b)).toBe(true);
    const peek: EditorAddress = {
      view: 'peek',
      note: { id: ID, articleUrl: ARTICLE },
      token: TOKEN,
    };
    expect(sameEditorAddress(b, peek)).toBe(false);
    // Another token is another editor, even on the same note.
    expect(sameEditorAddress(b, { ...b, token: ID })).toBe(false);
  });
});
