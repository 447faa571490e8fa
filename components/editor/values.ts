import type { EditorValue } from './types';

/** The longest tag the editor accepts, in characters. */
export const MAX_TAG_LENGTH = 40;

/** A tag as stored: trimmed, runs of spaces made one, at most MAX_TAG_LENGTH characters. */
export function cleanTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH).trim();
}

/** Whether two tags are the same tag ("Climate" and "climate" are). */
export function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The tags with `raw` added, spelled as the library already spells it; the same array when
 * `raw` is empty or already there.
 */
export function addTag(tags: string[], raw: string, knownTags: readonly string[]): string[] {
  const tag = cleanTag(raw);
  if (!tag || tags.some((t) => sameTag(t, tag))) return tags;
  // "climate" typed where the library has "Climate" files under the same tag.
  return [...tags, knownTags.find((k) => sameTag(k, tag)) ?? tag];
}

/** Known tags that complete `draft` and are not on the annotation yet, prefix matches first. */
export function suggestTags(
  draft: string,
  tags: readonly string[],
  knownTags: readonly string[],
  limit = 8,
): string[] {
  const query = cleanTag(draft).toLowerCase();
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  const matches: { tag: string; prefix: boolean }[] = [];
  for (const tag of knownTags) {
    const lower = tag.toLowerCase();
    if (seen.has(lower) || !lower.includes(query)) continue;
    seen.add(lower);
    matches.push({ tag, prefix: lower.startsWith(query) });
  }
  return matches
    .sort((a, b) => Number(b.prefix) - Number(a.prefix))
    .slice(0, limit)
    .map((m) => m.tag);
}

/** The normalised address when `raw` is an absolute http(s) URL, else null. */
export function webUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return url.href;
}

/** The evidence list with `raw` added, or the sentence saying why it cannot be. */
export function addEvidence(links: string[], raw: string): { links: string[] } | { error: string } {
  if (!raw.trim()) return { error: 'Paste a link first.' };
  const url = webUrl(raw);
  if (!url) return { error: 'That is not a web link: it must start with https:// or http://.' };
  if (links.includes(url)) return { error: 'That link is already in the list.' };
  return { links: [...links, url] };
}

/**
 * The value to save: half-typed tag and link included (the reader typed them to keep them),
 * status set for claims and cleared for highlights. An unusable half-typed link stops the save.
 */
export function valueToSave(
  value: EditorValue,
  tagDraft: string,
  linkDraft: string,
  knownTags: readonly string[],
): { value: EditorValue } | { linkError: string } {
  let evidence = value.evidence;
  if (linkDraft.trim()) {
    const added = addEvidence(evidence, linkDraft);
    if ('links' in added) evidence = added.links;
    // A link that is already in the list is no reason to refuse the save.
    else if (!evidence.includes(webUrl(linkDraft) ?? '')) return { linkError: added.error };
  }
  return {
    value: {
      ...value,
      status: value.kind === 'claim' ? (value.status ?? 'unverified') : null,
      evidence,
      tags: addTag(value.tags, tagDraft, knownTags),
    },
  };
}
