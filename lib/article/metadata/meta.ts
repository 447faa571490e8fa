/** The page's <meta> values by lower-cased name/property/itemprop, in document order. */
export type MetaIndex = Map<string, string[]>;

const MAX_META = 1_000;

/** Indexes every <meta> with content once, so later look-ups cost nothing. */
export function readMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i++) {
    const meta = metas[i];
    if (!meta) continue;
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr);
      if (!key) continue;
      // One attribute may hold several keys: property="og:title twitter:title".
      for (const k of key.toLowerCase().split(/\s+/)) {
        if (k === '') continue;
        const list = index.get(k);
        if (list) list.push(content.trim());
        else index.set(k, [content.trim()]);
      }
    }
  }
  return index;
}

/** The first value among the given keys, in the order of the keys. */
export function firstMeta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = index.get(key)?.[0];
    if (value) return value;
  }
  return null;
}
