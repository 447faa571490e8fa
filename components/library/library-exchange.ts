import type { ExportFormat, ExportScope, ImportOutcome, ImportPreview } from '@/lib/exchange';
import type { LibraryQuery, LibraryResult } from '@/lib/library/types';
import type { ExportSelection } from '@/lib/storage/export';
import type { ExportOptions } from '@/lib/storage/export-file';
import type { ExportScope as PanelScope } from './ExchangePanel';

/** Export and import, as the popup wires them to the database and the file system. */
export interface LibraryExchange {
  /** Saves the selection as a file; resolves with what was saved, for the reader. */
  exportAs: (
    selection: ExportSelection,
    scope: ExportScope,
    format: ExportFormat,
    options: ExportOptions,
  ) => Promise<string>;
  previewImport: (file: File) => Promise<ImportPreview>;
  applyImport: () => Promise<ImportOutcome>;
  /** Opens the options page, where the reader names the reviewer a ClaimReview needs. */
  openOptions: () => void;
  /** The format the reader chose to be offered first (the options page's). */
  preferredFormat: () => Promise<ExportFormat>;
}

/** What an export the reader chose carries, and how the file describes it. */
export interface ExportRequest {
  selection: ExportSelection;
  described: ExportScope;
}

/**
 * The export of the scope chosen in the panel: the popup's article, the notes listed now (the
 * file names the query that listed them), or everything.
 */
export function exportRequest(
  scope: PanelScope,
  currentArticle: string | null,
  shown: LibraryResult,
  query: LibraryQuery,
): ExportRequest {
  if (scope === 'article' && currentArticle !== null) {
    return {
      selection: { kind: 'article', url: currentArticle },
      described: { kind: 'article', url: currentArticle },
    };
  }
  if (scope === 'result') {
    return {
      selection: {
        kind: 'annotations',
        hits: shown.hits.map((h) => ({ url: h.url, ids: h.items })),
      },
      described: { kind: 'filter', query },
    };
  }
  return { selection: { kind: 'all' }, described: { kind: 'all' } };
}
