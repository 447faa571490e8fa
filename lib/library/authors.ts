/**
 * Authors as the reader sees them (issue 16): their own notes, unsigned or signed with their
 * name, are one "me"; every other name is someone's in the shared library.
 */
import type { FacetCount } from './facets';

/** One choice of the author filter. */
export interface AuthorOption {
  /** The filter's value for it: "me", or "author:" and the name. */
  key: string;
  label: string;
  /** The names it stands for in the catalog ("" is unsigned). */
  names: string[];
  count: number;
}

/** The key of the reader's own notes in the author filter. */
export const ME_KEY = 'me';

/** How the reader's own notes are labelled: "Me", with their name when they set one. */
export function meLabel(me: string): string {
  return me === '' ? 'Me' : `${me} (me)`;
}

/** The author filter's choices from the author facet: the reader's own first, then by count. */
export function authorOptions(facet: readonly FacetCount[], me: string): AuthorOption[] {
  let own = 0;
  const others: AuthorOption[] = [];
  for (const { value, count } of facet) {
    if (value === '' || value === me) own += count;
    else others.push({ key: `author:${value}`, label: value, names: [value], count });
  }
  const mine: AuthorOption[] =
    own > 0
      ? [{ key: ME_KEY, label: meLabel(me), names: me === '' ? [''] : ['', me], count: own }]
      : [];
  return [...mine, ...others];
}

/** The option the filter's author names stand for, or "" (any) when none is chosen. */
export function authorKey(names: readonly string[], me: string): string {
  const [first] = names;
  if (first === undefined) return '';
  return first === '' || first === me ? ME_KEY : `author:${first}`;
}

/** What the row says of a note's author: nothing for the reader's own, else the name. */
export function othersAuthor(author: string | undefined, me: string): string | null {
  return author === undefined || author === '' || author === me ? null : author;
}
