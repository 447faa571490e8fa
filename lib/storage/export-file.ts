import {
  EXPORT_MIME_TYPES,
  exportClaimmarkJsonParts,
  exportFileName,
  exportMarkdown,
  exportW3cJsonLdParts,
  type ExportFormat,
  type ExportScope,
} from '../exchange';
import type { ExportVersion } from '../exchange/schema';
import type { VersionRecord } from '../model/version';
import { unpackVersion } from '../versions/codec';
import type { ClaimmarkDatabase } from './database';
import { readExportRecords, type ExportSelection } from './export';

/** An export ready to be saved: its dated name, type, contents and how many notes it carries. */
export interface ExportFile {
  name: string;
  mime: string;
  /** The contents in pieces, to be joined into a Blob (never into one large string). */
  parts: string[];
  annotations: number;
  /** Versions of stories the file carries (Claimmark JSON, when asked for). */
  versions: number;
  /** Stored versions left out because they could not be read. */
  damagedVersions: number;
}

/** What the reader chose beyond the format. */
export interface ExportOptions {
  /** Carry the stored versions of the stories (Claimmark JSON only; off by default: large). */
  versions?: boolean;
}

/** The stored versions unpacked for the file; one that cannot be read is counted, not fatal. */
async function unpackForExport(
  rows: readonly VersionRecord[],
): Promise<{ versions: ExportVersion[]; damaged: number }> {
  const versions: ExportVersion[] = [];
  let damaged = 0;
  for (const row of rows) {
    try {
      const content = await unpackVersion(row.data);
      versions.push({
        articleUrl: row.articleUrl,
        n: row.n,
        hash: row.hash,
        ...(row.story !== undefined ? { story: row.story } : {}),
        seenAt: row.seenAt,
        content,
      });
    } catch {
      damaged++;
    }
  }
  return { versions, damaged };
}

/** Reads the selected records and writes them in one format. */
export async function buildExportFile(
  db: ClaimmarkDatabase,
  selection: ExportSelection,
  scope: ExportScope,
  format: ExportFormat,
  now: Date = new Date(),
  options: ExportOptions = {},
): Promise<ExportFile> {
  const withVersions = format === 'claimmark' && options.versions === true;
  const records = await readExportRecords(db, selection, { versions: withVersions });
  const { articles, annotations } = records;
  const unpacked = withVersions ? await unpackForExport(records.versions) : null;
  const parts =
    format === 'claimmark'
      ? exportClaimmarkJsonParts(articles, annotations, scope, now, unpacked?.versions)
      : format === 'w3c'
        ? exportW3cJsonLdParts(annotations, now)
        : [exportMarkdown(articles, annotations, now)];
  return {
    name: exportFileName(format, now),
    mime: EXPORT_MIME_TYPES[format],
    parts,
    annotations: annotations.length,
    versions: unpacked?.versions.length ?? 0,
    damagedVersions: unpacked?.damaged ?? 0,
  };
}
