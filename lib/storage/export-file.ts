import {
  EXPORT_MIME_TYPES,
  exportClaimmarkJsonParts,
  exportFileName,
  exportMarkdown,
  exportW3cJsonLdParts,
  type ExportFormat,
  type ExportScope,
} from '../exchange';
import type { ClaimmarkDatabase } from './database';
import { readExportRecords, type ExportSelection } from './export';

/** An export ready to be saved: its dated name, type, contents and how many notes it carries. */
export interface ExportFile {
  name: string;
  mime: string;
  /** The contents in pieces, to be joined into a Blob (never into one large string). */
  parts: string[];
  annotations: number;
}

/** Reads the selected records and writes them in one format. */
export async function buildExportFile(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
  scope: ExportScope,
  format: ExportFormat,
  now: Date = new Date(),
): Promise<ExportFile> {
  const { articles, annotations } = await readExportRecords(db, selection);
  const parts =
    format === 'claimmark'
      ? exportClaimmarkJsonParts(articles, annotations, scope, now)
      : format === 'w3c'
        ? exportW3cJsonLdParts(annotations, now)
        : [exportMarkdown(articles, annotations, now)];
  return {
    name: exportFileName(format, now),
    mime: EXPORT_MIME_TYPES[format],
    parts,
    annotations: annotations.length,
  };
}
