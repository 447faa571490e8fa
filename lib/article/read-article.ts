import type { PageArticle } from '../model';
import { detectArticle } from './detect';
import { readEntityHints } from './hints';
import { extractMetadata, readSignals } from './metadata';
import { fitArticle } from './report-limits';

/**
 * What the content script learns about a page: detection, metadata and entity hints. Metadata
 * is read on every page, whatever the verdict: a story whose body arrives late, or whose
 * saved HTML holds only a teaser, still has its headline, byline and date, and the verdict
 * only decides how the popup words it. Reads the page's structured data once; never throws.
 */
export function readArticle(doc: Document, url: string): PageArticle {
  try {
    const signals = readSignals(doc);
    const metadata = extractMetadata(doc, url, { signals });
    return fitArticle({
      detection: detectArticle(doc, url, { signals, metadata }),
      metadata,
      hints: readEntityHints(signals),
    });
  } catch (error) {
    // A page whose DOM defeats the extractors is reported as "not understood", never as an error.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      detection: { isArticle: false, reasons: [`extraction failed: ${reason}`.slice(0, 300)] },
      metadata: null,
      hints: [],
    };
  }
}
