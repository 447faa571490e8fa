import { DEFAULT_EXPORT_SETTINGS } from '../model/settings';
import { buildClaimReviews } from './claimreview';
import { buildCsl } from './csl';
import { exportMarkdown } from './markdown';
import { parseImportFile } from './parse-import';
import { exportVault } from './vault';
import { exportW3cJsonLd } from './w3c-export';

/** The formats the converter writes from a Claimmark JSON export. */
export const CONVERT_FORMATS = ['claimreview', 'csl', 'markdown', 'vault', 'w3c'] as const;

/** One of CONVERT_FORMATS. */
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

/** A conversion: the text to write and what the reader should know about it, or why none. */
export type Conversion =
  { ok: true; output: string | Uint8Array; notes: string[] } | { ok: false; error: string };

/**
 * Converts the text of a Claimmark JSON export into another format (pure; `npm run convert`):
 * text, or the bytes of a zip for the vault.
 * Records the import would skip are left out and named in `notes`, as are claims a ClaimReview
 * cannot be written for.
 */
export function convertExport(
  text: string,
  format: ConvertFormat,
  now: Date = new Date(),
): Conversion {
  const parsed = parseImportFile(text, now);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.format !== 'claimmark') {
    return {
      ok: false,
      error: 'This file is a W3C annotation export; the converter reads Claimmark JSON exports.',
    };
  }
  const notes = parsed.skipped.map((s) => `skipped ${s.where}: ${s.reason}`);
  const { articles, annotations } = parsed;
  switch (format) {
    case 'claimreview': {
      const result = buildClaimReviews(
        articles,
        annotations,
        parsed.settings ?? DEFAULT_EXPORT_SETTINGS,
      );
      for (const issue of result.issues) {
        if (issue.missing.length > 0) {
          notes.push(
            `left out claim ${issue.id} (“${issue.quote}”): no ${issue.missing.join(', ')}`,
          );
        } else {
          notes.push(`claim ${issue.id} (“${issue.quote}”) lacks ${issue.lacking.join(', ')}`);
        }
      }
      if (parsed.settings === null && result.claims > 0) {
        notes.push("the file names no reviewer: set one in Claimmark's options and export again");
      }
      return { ok: true, output: `${JSON.stringify(result.document, null, 2)}\n`, notes };
    }
    case 'csl':
      return {
        ok: true,
        output: `${JSON.stringify(buildCsl(articles, annotations), null, 2)}\n`,
        notes,
      };
    case 'markdown':
      return { ok: true, output: exportMarkdown(articles, annotations, now), notes };
    case 'vault':
      return { ok: true, output: exportVault(articles, annotations, now), notes };
    case 'w3c':
      return { ok: true, output: exportW3cJsonLd(annotations, now), notes };
  }
}
