import { readClaimmarkExport } from './claimmark-import';
import { excerpt, isRecord, type ParseResult } from './parsed';
import { EXPORT_FORMAT } from './schema';
import { isW3cDocument, readW3cDocument } from './w3c-import';

/** Largest file Claimmark imports: 256 MB. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/**
 * Refuses a file by its size in bytes before it is read (call it with `File.size`: a string
 * of a very large file cannot even be built); null when the size is fine.
 */
export function checkImportSize(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${String(Math.ceil(n / (1024 * 1024)))} MB`;
  return `This file is too large to import (${mb(bytes)}; the limit is ${mb(MAX_IMPORT_BYTES)}). Export a smaller part of the library, such as one search result, and import that.`;
}

const TOO_DEEP =
  'This file nests its data too deeply to be an annotation export, so it was not read.';

function describeJsonError(error: unknown): string {
  // A file nested thousands deep can overflow the parser's stack.
  if (error instanceof RangeError) return TOO_DEEP;
  const message = excerpt(error instanceof Error ? error.message : String(error));
  // V8 says "Unexpected end of JSON input" or "Unterminated string…" for a file cut short.
  if (/end of JSON|Unterminated/i.test(message)) {
    return 'This file ends too early: it was probably cut short while it was saved or copied. Export it again and import the new file.';
  }
  return `This file is not valid JSON, so it is not a Claimmark or W3C annotation export (${message}).`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Reads an import file: a Claimmark export or W3C Web Annotation JSON-LD. A file that cannot
 * be imported at all gives `{ok: false, error}`; otherwise the valid records, with each invalid
 * or duplicated one skipped and a reason naming the problem and its place in the file.
 * `now` stands in for times a W3C file from another tool leaves out.
 */
export function parseImportFile(text: string, now: Date = new Date()): ParseResult {
  try {
    return parseImportText(text, now);
  } catch (error) {
    // Reading a record nested thousands deep overflows the stack wherever it is walked.
    if (error instanceof RangeError) return { ok: false, error: TOO_DEEP };
    throw error;
  }
}

function parseImportText(text: string, now: Date): ParseResult {
  // Each UTF-16 code unit is at least one byte of the file, so this never refuses a small file.
  const tooLarge = checkImportSize(text.length);
  if (tooLarge !== null) return { ok: false, error: tooLarge };
  if (text.trim() === '') return { ok: false, error: 'This file is empty.' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeJsonError(error) };
  }
  if (!isRecord(doc)) {
    return {
      ok: false,
      error: `This file is not a Claimmark or W3C annotation export: it holds ${kindOf(doc)} where an object with "format" or "@context" was expected.`,
    };
  }
  if (doc.format === EXPORT_FORMAT) return readClaimmarkExport(doc, now);
  if (isW3cDocument(doc)) return readW3cDocument(doc, now);
  if (doc.format !== undefined) {
    return {
      ok: false,
      error: `This file's format (${excerpt(doc.format)}) is not one Claimmark imports: it reads Claimmark exports and W3C Web Annotation JSON-LD.`,
    };
  }
  return {
    ok: false,
    error:
      'This file is not a Claimmark or W3C annotation export: it has neither "format": "claimmark" nor the W3C annotation "@context".',
  };
}
