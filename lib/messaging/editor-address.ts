import { RECORD_LIMITS } from '../model';
import { parseHttpUrl } from '../page/normalize-url';

/** A stored note, with the article it is stored under when the opener knows it. */
export interface NoteAddress {
  id: string;
  articleUrl?: string;
}

/** Which annotation an editor is about: a selection held by the background, or a stored note. */
export type EditorTarget = { draftId: string } | NoteAddress;

/**
 * What an editor page shows, as its address says: the editor of a target, or the small peek at
 * a note shown on hover. The address is part of the protocol, so it is encoded and decoded here
 * and nowhere else.
 */
export type EditorAddress =
  { view: 'editor'; target: EditorTarget } | { view: 'peek'; note: NoteAddress };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function noteParams(key: 'id' | 'peek', note: NoteAddress): URLSearchParams {
  const params = new URLSearchParams({ [key]: note.id });
  if (note.articleUrl !== undefined) params.set('article', note.articleUrl);
  return params;
}

/** The query (without "?") an editor page is opened with. */
export function encodeEditorAddress(address: EditorAddress): string {
  if (address.view === 'peek') return noteParams('peek', address.note).toString();
  const { target } = address;
  if ('draftId' in target) return new URLSearchParams({ draft: target.draftId }).toString();
  return noteParams('id', target).toString();
}

function noteOf(id: string | null, article: string | null): NoteAddress | null {
  if (!id || !UUID.test(id)) return null;
  // An article that is not an http(s) address is left out rather than refusing the note: the
  // background then takes the article the editor's tab shows.
  const valid =
    article !== null && article.length <= RECORD_LIMITS.url && parseHttpUrl(article) !== null;
  return valid ? { id, articleUrl: article } : { id };
}

/** Reads an editor page's address (`location.search`, with or without "?"); null when it names nothing. */
export function decodeEditorAddress(search: string): EditorAddress | null {
  const params = new URLSearchParams(search);
  const article = params.get('article');
  const peek = noteOf(params.get('peek'), article);
  if (peek) return { view: 'peek', note: peek };
  const draftId = params.get('draft');
  if (draftId && UUID.test(draftId)) return { view: 'editor', target: { draftId } };
  const note = noteOf(params.get('id'), article);
  return note ? { view: 'editor', target: note } : null;
}

/** True when two addresses name the same view of the same annotation. */
export function sameEditorAddress(a: EditorAddress, b: EditorAddress): boolean {
  return encodeEditorAddress(a) === encodeEditorAddress(b);
}
