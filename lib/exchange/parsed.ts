import type { AnnotationRecord, ArticleRecord } from '../model';
import type { Located } from './dedupe';
import type { SkippedItem } from './issues';
import type { ExportSettings } from '../model/settings';
import type { ExportVersion } from './schema';

/** The file formats Claimmark imports. */
export type ImportFormat = 'claimmark' | 'w3c';

/** A file read and validated: the valid records, each with its place, and what was skipped. */
export interface ParsedImport {
  ok: true;
  format: ImportFormat;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** Where each record of `articles` is in the file (same order). */
  articlePlaces: string[];
  /** Where each record of `annotations` is in the file (same order). */
  annotationPlaces: string[];
  /** Versions of the articles' text the file carries (most files carry none). */
  versions: ExportVersion[];
  /** Where each record of `versions` is in the file (same order). */
  versionPlaces: string[];
  /** The export settings the file carries, when it carries valid ones. */
  settings: ExportSettings | null;
  skipped: SkippedItem[];
}

/** A file that cannot be imported at all, with a sentence saying why. */
export interface ImportFailure {
  ok: false;
  error: string;
}

/** What parseImportFile returns. */
export type ParseResult = ParsedImport | ImportFailure;

/** Assembles a ParsedImport from located records. */
export function parsedImport(
  format: ImportFormat,
  articles: readonly Located<ArticleRecord>[],
  annotations: readonly Located<AnnotationRecord>[],
  skipped: SkippedItem[],
  versions: readonly Located<ExportVersion>[] = [],
  settings: ExportSettings | null = null,
): ParsedImport {
  return {
    ok: true,
    format,
    articles: articles.map((a) => a.record),
    annotations: annotations.map((a) => a.record),
    articlePlaces: articles.map((a) => a.where),
    annotationPlaces: annotations.map((a) => a.where),
    versions: versions.map((a) => a.record),
    versionPlaces: versions.map((a) => a.where),
    settings,
    skipped,
  };
}

/** Narrows an unknown JSON value to an object with string keys. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The longest piece of a file's own content an error quotes. */
const EXCERPT_CHARS = 80;

// JSON.stringify gives undefined for a value JSON cannot write, whatever its typings say.
function jsonOf(value: unknown): string | undefined {
  return JSON.stringify(value);
}

/** A short quotation of a value from the file: never the whole of a string the file holds. */
export function excerpt(value: unknown): string {
  let text: string;
  try {
    const written =
      typeof value === 'string' ? jsonOf(value.slice(0, EXCERPT_CHARS + 1)) : jsonOf(value);
    text = written ?? typeof value;
  } catch {
    // Nested too deeply to write out: say what it is instead.
    text = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
  }
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}
