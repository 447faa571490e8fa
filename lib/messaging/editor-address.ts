import * as v from 'valibot';
import { HttpUrl, Uuid } from '../model/fields';

// A note is stored with its article: the popup names the article; an editor in a page may leave
// it out, and the background then takes the article its tab shows.
/** Schema of a stored note as an editor names it, with its article when the opener knows it. */
export const NoteAddressSchema = v.strictObject({ id: Uuid, articleUrl: v.optional(HttpUrl) });

/** Schema of which annotation an editor is about: a selection the background holds, or a note. */
export const EditorTargetSchema = v.union([v.strictObject({ draftId: Uuid }), NoteAddressSchema]);

/**
 * Schema of what a page asks to show: the editor of a target, or the small peek at a note shown
 * on hover. The background answers with the token the frame is opened with.
 */
export const EditorViewSchema = v.variant('view', [
  v.strictObject({ view: v.literal('editor'), target: EditorTargetSchema }),
  v.strictObject({ view: v.literal('peek'), note: NoteAddressSchema }),
]);

/**
 * Schema of an editor page's address: a view and the single-use token the background issued for
 * it. The address is part of the protocol, so it is encoded and decoded in this file only.
 */
export const EditorAddressSchema = v.variant('view', [
  v.strictObject({ view: v.literal('editor'), target: EditorTargetSchema, token: Uuid }),
  v.strictObject({ view: v.literal('peek'), note: NoteAddressSchema, token: Uuid }),
]);

/** A stored note, with the article it is stored under when the opener knows it. */
export type NoteAddress = v.InferOutput<typeof NoteAddressSchema>;
/** Which annotation an editor is about. */
export type EditorTarget = v.InferOutput<typeof EditorTargetSchema>;
/** What a page asks an editor frame to show. */
export type EditorView = v.InferOutput<typeof EditorViewSchema>;
/** What an editor page shows, and the token that lets it. */
export type EditorAddress = v.InferOutput<typeof EditorAddressSchema>;

function noteParams(key: 'id' | 'peek', note: NoteAddress): URLSearchParams {
  const params = new URLSearchParams({ [key]: note.id });
  if (note.articleUrl !== undefined) params.set('article', note.articleUrl);
  return params;
}

function viewParams(address: EditorView): URLSearchParams {
  if (address.view === 'peek') return noteParams('peek', address.note);
  const { target } = address;
  if ('draftId' in target) return new URLSearchParams({ draft: target.draftId });
  return noteParams('id', target);
}

/** The query (without "?") an editor page is opened with. */
export function encodeEditorAddress(address: EditorAddress): string {
  const params = viewParams(address);
  params.set('token', address.token);
  return params.toString();
}

function noteOf(id: string | null, article: string | null): NoteAddress | null {
  if (!v.is(Uuid, id)) return null;
  // An article that is not an http(s) address is left out rather than refusing the note: the
  // background then takes the article the editor's tab shows.
  return v.is(HttpUrl, article) ? { id, articleUrl: article } : { id };
}

function viewOf(params: URLSearchParams): EditorView | null {
  const article = params.get('article');
  const peek = noteOf(params.get('peek'), article);
  if (peek) return { view: 'peek', note: peek };
  const draftId = params.get('draft');
  if (v.is(Uuid, draftId)) return { view: 'editor', target: { draftId } };
  const note = noteOf(params.get('id'), article);
  return note ? { view: 'editor', target: note } : null;
}

/**
 * Reads an editor page's address (`location.search`, with or without "?"); null when it names
 * nothing or carries no token.
 */
export function decodeEditorAddress(search: string): EditorAddress | null {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  const view = viewOf(params);
  if (!view || !v.is(Uuid, token)) return null;
  return { ...view, token };
}

/** True when two addresses name the same view of the same annotation, under the same token. */
export function sameEditorAddress(a: EditorAddress, b: EditorAddress): boolean {
  return encodeEditorAddress(a) === encodeEditorAddress(b);
}
