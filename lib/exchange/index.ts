// What the UI needs to export and import; storage goes through lib/storage/export.ts and
// lib/storage/import.ts. The file format is documented in docs/export-format.md.
export {
  buildClaimmarkExport,
  exportClaimmarkJson,
  exportClaimmarkJsonParts,
} from './claimmark-json';
export { EXPORT_MIME_TYPES, exportFileName, type ExportFormat } from './file-name';
export type { ImportOutcome, ImportPreview } from './import-report';
export type { SkippedItem } from './issues';
export { exportMarkdown } from './markdown';
export { checkImportSize, MAX_IMPORT_BYTES, parseImportFile } from './parse-import';
export type { ImportFailure, ImportFormat, ParsedImport, ParseResult } from './parsed';
export { planImport, type ExistingRecords, type ImportPlan, type ImportSummary } from './plan';
export { readyImport, type ReadyImport } from './ready-import';
export { EXPORT_VERSION, type ExportScope } from './schema';
export { exportW3cJsonLd, exportW3cJsonLdParts } from './w3c-export';
