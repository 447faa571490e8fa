/** What a page's address says about it: a story's, a list's or media page's, or nothing. */
export interface UrlHint {
  score: number;
  reason: string | null;
}

// Paths of pages that list or play other things rather than tell one story.
const LIST_OR_MEDIA =
  /\/(?:videos?|av|watch|gallery|galleries|pictures|photos?|fotos?|bilder|podcasts?|live-?tv|tags?|topics?|themen|category|categories|kategorie|search|suche|author|autor)(?:\/|$)/i;

/** Reads the address: a site's home, a list or media path, or a story-like path (a long slug, an id, a dated path). */
export function urlHint(url: string): UrlHint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { score: 0, reason: null };
  }
  const path = parsed.pathname;
  if ((path === '/' || path === '') && parsed.search === '')
    return { score: -2, reason: 'url: site home' };
  if (LIST_OR_MEDIA.test(path)) return { score: -1, reason: 'url: media, list or search path' };
  const last = path.split('/').filter(Boolean).pop() ?? '';
  // A story's own id may sit in the query (`/story?id=63250123`, `?p=4711`), as CMSs keep it.
  // (Read from the string: Firefox's content scripts cannot spread a URLSearchParams iterator.)
  // A time, a version, a year or a page number is not an id (`?_=1700000000`, `?year=2024`).
  const queryId =
    /[?&](?!(?:_|t|ts|time|timestamp|v|ver|version|year|page|pg|start|offset|utm_[a-z]+)=)[^=&]*=\d{4,}(?:&|$)/i.test(
      parsed.search,
    );
  if (
    /\d{5,}/.test(path) ||
    last.split(/[-_]/).length >= 4 ||
    /\/(?:19|20)\d{2}\/\d{1,2}\//.test(path) ||
    queryId
  ) {
    return { score: 1, reason: 'url: story-like path' };
  }
  return { score: 0, reason: null };
}
