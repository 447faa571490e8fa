import type { PageArticle } from '../model';
import { detectArticle } from './detect';
import { readEntityHints } from './hints';
import { extractMetadata, readSignals } from './metadata';

/**
 * What the content script learns about a page's article: detection, and for articles the
 * metadata and entity hints. Reads the page's structured data once; never throws.
 */
export function readArticle(doc: Document, url: string): PageArticle {
  try {
    const signals = readSignals(doc);
    const detection = detectArticle(doc, url, { signals });
    if (!detection.isArticle) return { detection, metadata: null, hints: [] };
    return {
      detection,
      metadata: extractMetadata(doc, url, { signals }),
      hints: readEntityHints(signals),
    };
  } catch (error) {
    // A page whose DOM defeats the extractors is reported as "not understood", never as an error.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      detection: { isArticle: false, reasons: [`extraction failed: ${reason}`] },
      metadata: null,
      hints: [],
    };
  }
}
