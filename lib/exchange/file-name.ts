import type { EXPORT_FORMATS } from '../model/settings';

/** The export formats Claimmark writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const SUFFIX: Record<ExportFormat, string> = {
  claimmark: '.json',
  w3c: '-w3c.jsonld',
  markdown: '.md',
  csl: '-csl.json',
  vault: '-vault.zip',
  claimreview: '-claimreview.jsonld',
};

/** The MIME type of each export format, for the download. */
export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  claimmark: 'application/json',
  w3c: 'application/ld+json',
  markdown: 'text/markdown',
  csl: 'application/vnd.citationstyles.csl+json',
  vault: 'application/zip',
  claimreview: 'application/ld+json',
};

/** A dated file name such as `claimmark-2026-11-26.json`, on the reader's calendar day. */
export function exportFileName(format: ExportFormat, date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `claimmark-${day}${SUFFIX[format]}`;
}
