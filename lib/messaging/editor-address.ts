import * as v from 'valibot';
import { HttpUrl, Uuid } from '../model/fields';

// A note is stored with its article: the popup names the article; an editor in a page may leave
// it out, and the background then takes the article its tab shows.
/** Schema of a stored note as an editor names it, with its article when the opener knows it. */
export const NoteAddressSchema = v.strictObject({ id: Uuid, articleUrl: v.optional(HttpUrl) });

/** Schema of which annotation an editor is about: a selection the background holds, or a note. */
export const EditorTargetSchema = v.union([v.strictObject({ draftId: Uuid }), NoteAddressSchema]);

/**
 * Schema of what an editor page shows: the editor of a target, or the small peek at a note shown
 * on hover. Its address is part of the protocol, so it is encoded and decoded in this file only.
 */
export const EditorAddressSchema = v.variant('view', [
  v.strictObject({ view: v.literal('editor'), target: EditorTargetSchema }),
  v.strictObject({ view: v.literal('peek'), note: NoteAddressSchema }),
]);

/** A stored note, with the article it is stored under when the opener knows it. */
export type NoteAddress = v.InferOutput<typeof NoteAddressSchema>;
/** Which annotation an editor is about. */
export type EditorTarget = v.InferOutput<typeof EditorTargetSchema>;
/** What an editor page shows. */
export type EditorAddress = v.InferOutput<typeof EditorAddressSchema>;

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
  if (!v.is(Uuid, id)) return null;
  // An article that is not an http(s) address is left out rather than refusing the note: the
  // background then takes the article the editor's tab shows.
  return v.is(HttpUrl, article) ? { id, articleUrl: article } : { id };
}

/** Reads an editor page's address (`location.search`, with or without "?"); null when it names nothing. */
export function decodeEditorAddress(search: string): EditorAddress | null {
  const params = new URLSearchParams(search);
  const article = params.get('article');
  const peek = noteOf(params.get('peek'), article);
  if (peek) return { view: 'peek', note: peek };
  const draftId = params.get('draft');
  if (v.is(Uuid, draftId)) return { view: 'editor', target: { draftId } };
  const note = noteOf(params.get('id'), article);
  return note ? { view: 'editor', target: note } : null;
}

/** True when two addresses name the same view of the same annotation. */
export function sameEditorAddress(a: EditorAddress, b: EditorAddress): boolean {
  return encodeEditorAddress(a) === encodeEditorAddress(b);
}
