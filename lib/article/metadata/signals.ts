import type { LdData, LdNode } from './jsonld';
import { mainArticleNode, readJsonLd } from './jsonld';
import type { MetaIndex } from './meta';
import { readMeta } from './meta';

/** What a page says about itself in machine-readable form, read once and shared by detection and metadata. */
export interface PageSignals {
  jsonLd: LdData;
  article: LdNode | null;
  meta: MetaIndex;
}

/** Reads JSON-LD and <meta> once; never throws. */
export function readSignals(doc: Document): PageSignals {
  let jsonLd: LdData = { nodes: [], listed: [], byId: new Map() };
  let meta: MetaIndex = new Map();
  try {
    jsonLd = readJsonLd(doc);
  } catch {
    // a hostile page must not stop extraction: go on without structured data
  }
  try {
    meta = readMeta(doc);
  } catch {
    // likewise without meta tags
  }
  return { jsonLd, article: mainArticleNode(jsonLd), meta };
}
