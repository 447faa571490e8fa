import {
  EXPORT_MIME_TYPES,
  exportFileName,
  exportMarkdown,
  exportW3cJsonLdParts,
  type ExportFormat,
  type ExportScope,
} from '../exchange';
import { buildClaimmarkExport, serializeClaimmarkParts } from '../exchange/claimmark-json';
import { buildClaimReviews } from '../exchange/claimreview';
import { buildCsl } from '../exchange/csl';
import type { ExportVersion } from '../exchange/schema';
import { exportVault } from '../exchange/vault';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../model/settings';
import type { VersionRecord } from '../model/version';
import { unpackVersion } from '../versions/codec';
import type { ClaimmarkDatabase } from './database';
import { readExportRecords, type ExportSelection } from './export';

/** An export ready to be saved: its dated name, type, contents and how many notes it carries. */
export interface ExportFile {
  name: string;
  mime: string;
  /** The contents in pieces, to be joined into a Blob (never into one large string). */
  parts: (string | Uint8Array<ArrayBuffer>)[];
  annotations: number;
  /** Versions of stories the file carries (Claimmark JSON, when asked for). */
  versions: number;
  /** Stored versions left out because they could not be read. */
  damagedVersions: number;
  /** ClaimReview only: claims with a verdict, and those left out for lack of a required field. */
  claims?: { reviewed: number; leftOut: number };
}

/** What the reader chose beyond the format. */
export interface ExportOptions {
  /** Carry the stored versions of the stories (Claimmark JSON only; off by default: large). */
  versions?: boolean;
  /** The reader's export settings: the reviewer and labels a ClaimReview needs; a Claimmark JSON export carries them. */
  settings?: ExportSettings;
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

function partsOf(
  format: Exclude<ExportFormat, 'claimreview'>,
  { articles, annotations }: { articles: ArticleRecord[]; annotations: AnnotationRecord[] },
  scope: ExportScope,
  now: Date,
  versions: ExportVersion[] | undefined,
  settings: ExportSettings | undefined,
): (string | Uint8Array<ArrayBuffer>)[] {
  switch (format) {
    case 'claimmark':
      return serializeClaimmarkParts({
        ...buildClaimmarkExport(articles, annotations, scope, now, versions),
        ...(settings ? { settings } : {}),
      });
    case 'w3c':
      return exportW3cJsonLdParts(annotations, now);
    case 'markdown':
      return [exportMarkdown(articles, annotations, now)];
    case 'csl':
      return [`${JSON.stringify(buildCsl(articles, annotations), null, 2)}\n`];
    case 'vault':
      return [new Uint8Array(exportVault(articles, annotations, now))];
  }
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
  const unpacked = withVersions ? await unpackForExport(records.versions) : null;
  const base = { name: exportFileName(format, now), mime: EXPORT_MIME_TYPES[format] };
  if (format === 'claimreview') {
    const result = buildClaimReviews(
      records.articles,
      records.annotations,
      options.settings ?? DEFAULT_EXPORT_SETTINGS,
    );
    return {
      ...base,
      parts: [`${JSON.stringify(result.document, null, 2)}\n`],
      annotations: result.document['@graph'].length,
      versions: 0,
      damagedVersions: 0,
      claims: {
        reviewed: result.claims,
        leftOut: result.issues.filter((i) => i.missing.length > 0).length,
      },
    };
  }
  const parts = partsOf(format, records, scope, now, unpacked?.versions, options.settings);
  return {
    ...base,
    parts,
    annotations: records.annotations.length,
    versions: unpacked?.versions.length ?? 0,
    damagedVersions: unpacked?.damaged ?? 0,
  };
}
