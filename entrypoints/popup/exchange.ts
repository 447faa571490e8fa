import type { LibraryExchange } from '@/components/library/library-exchange';
import {
  checkImportSize,
  parseImportFile,
  readyImport,
  type ImportOutcome,
  type ImportPreview,
  type ReadyImport,
} from '@/lib/exchange';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '@/lib/model/settings';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { buildExportFile, type ExportFile } from '@/lib/storage/export-file';
import { applyImport, previewImport } from '@/lib/storage/import';

// Timings for `npm run bench`, on the page's performance timeline; no console output.
function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  return work().finally(() => performance.measure(name, { start, end: performance.now() }));
}

/** Saves a file through a download link: no "downloads" permission needed. */
function saveAs(name: string, mime: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the next task is late enough to let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const count = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** What the reader is told an export saved. */
function exportedText(file: ExportFile): string {
  if (file.claims) {
    const { reviewed, leftOut } = file.claims;
    if (reviewed === 0)
      return `${file.name} (no claim has a verdict yet: mark one supported, disputed, misleading or false)`;
    const left =
      leftOut > 0 ? `; ${count(leftOut, 'claim')} left out: name the reviewer in Options` : '';
    return `${file.name} (${count(reviewed - leftOut, 'review')}${left})`;
  }
  const parts = [count(file.annotations, 'note')];
  if (file.versions > 0) parts.push(count(file.versions, 'version'));
  if (file.damagedVersions > 0) {
    parts.push(`${count(file.damagedVersions, 'damaged version')} left out`);
  }
  return `${file.name} (${parts.join(', ')})`;
}

/** Export to a file and import from one, against the popup's database. */
export function createExchange(
  db: ClaimmarkDatabase,
  /** Tells the background which articles an import changed, so their tabs redraw. */
  announce: (urls: string[]) => Promise<unknown> = () => Promise.resolve(),
  /** The reader's export settings (the options page's). */
  loadSettings: () => Promise<ExportSettings> = () => Promise.resolve(DEFAULT_EXPORT_SETTINGS),
  openOptions: () => void = () => undefined,
): LibraryExchange {
  // The file the reader previewed, held until they confirm or choose another.
  let pending: ReadyImport | null = null;
  return {
    openOptions,
    preferredFormat: async () => (await loadSettings()).defaultFormat,
    exportAs: (selection, scope, format, options) =>
      timed('claimmark:export', async () => {
        const settings = await loadSettings();
        const file = await buildExportFile(db, selection, scope, format, new Date(), {
          ...options,
          settings,
        });
        saveAs(file.name, file.mime, file.parts);
        return exportedText(file);
      }),
    previewImport: (file) =>
      timed('claimmark:import-preview', async (): Promise<ImportPreview> => {
        pending = null;
        const tooLarge = checkImportSize(file.size);
        if (tooLarge) throw new Error(tooLarge);
        const parsed = parseImportFile(await file.text());
        if (!parsed.ok) throw new Error(parsed.error);
        // Versions are packed once, here: the import itself then only writes.
        const ready = await readyImport(parsed);
        const { summary } = await previewImport(db, ready);
        pending = ready;
        return {
          fileName: file.name,
          added: summary.added,
          updated: summary.updated,
          skipped: summary.skipped,
          articlesAdded: summary.articlesAdded,
          articlesUpdated: summary.articlesUpdated,
          versionsAdded: summary.versionsAdded,
        };
      }),
    applyImport: () =>
      timed('claimmark:import', async (): Promise<ImportOutcome> => {
        if (!pending) throw new Error('Choose the file to import again.');
        const summary = await applyImport(db, pending);
        pending = null;
        // The import is saved; a tab that cannot be told just shows it after a reload.
        announce(summary.touchedUrls).catch(() => undefined);
        return {
          added: summary.added,
          updated: summary.updated,
          skipped: summary.skipped.length,
          articlesAdded: summary.articlesAdded,
          articlesUpdated: summary.articlesUpdated,
          versionsAdded: summary.versionsAdded,
        };
      }),
  };
}
