import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ImportOutcome, ImportPreview } from '@/lib/exchange';

/** Which notes an export carries. */
export type ExportScope = 'all' | 'article' | 'result';
/** The formats the reader can export to. */
export type ExportFormatChoice = 'claimmark' | 'w3c' | 'markdown' | 'csl' | 'vault' | 'claimreview';

interface Props {
  /** Notes in the current list, for the "current list" scope; null hides that scope. */
  resultCount: number | null;
  /** The headline of the popup's article when it is in the library; null hides that scope. */
  currentArticle: string | null;
  exportAs: (
    scope: ExportScope,
    format: ExportFormatChoice,
    options: { versions: boolean },
  ) => Promise<string>;
  previewImport: (file: File) => Promise<ImportPreview>;
  applyImport: () => Promise<ImportOutcome>;
  /** Opens the options page (the reviewer and verdict labels); absent, no link is shown. */
  openOptions?: () => void;
  /** The format to offer first, as the reader chose on the options page. */
  preferredFormat?: () => Promise<ExportFormatChoice>;
}

type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'preview'; preview: ImportPreview }
  | { phase: 'writing'; preview: ImportPreview }
  | { phase: 'done'; message: string }
  | { phase: 'error'; message: string };

const FORMATS: { format: ExportFormatChoice; label: string; use: string }[] = [
  {
    format: 'claimmark',
    label: 'Claimmark JSON',
    use: 'Everything, for a backup or another browser.',
  },
  { format: 'w3c', label: 'W3C JSON-LD', use: 'Web annotations, for other annotation tools.' },
  { format: 'markdown', label: 'Markdown', use: 'One file to read or share.' },
  { format: 'csl', label: 'CSL-JSON', use: 'Citations of the articles, for Zotero.' },
  { format: 'vault', label: 'Obsidian vault', use: 'A note per article in a zip, for Obsidian.' },
  {
    format: 'claimreview',
    label: 'ClaimReview',
    use: 'Your verdicts on claims, for fact-check databases.',
  },
];

/** Skipped records listed before the rest are summed up in one line. */
const SHOWN_SKIPS = 50;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function articlesPart(counts: {
  articlesAdded: number;
  articlesUpdated: number;
  versionsAdded: number;
}): string {
  const parts = [
    counts.articlesAdded > 0 ? plural(counts.articlesAdded, 'new article') : '',
    counts.articlesUpdated > 0 ? plural(counts.articlesUpdated, 'updated article') : '',
    counts.versionsAdded > 0 ? plural(counts.versionsAdded, 'new version') : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/** Export the library (three formats, three scopes) and import a file after a preview. */
export function ExchangePanel(props: Props) {
  const { resultCount, currentArticle, exportAs, previewImport, applyImport } = props;
  const { openOptions, preferredFormat } = props;
  const [preferred, setPreferred] = useState<ExportFormatChoice>('claimmark');
  useEffect(() => {
    // Unreadable options leave the usual order.
    preferredFormat?.().then(setPreferred, () => undefined);
  }, [preferredFormat]);
  const formats = [
    ...FORMATS.filter((f) => f.format === preferred),
    ...FORMATS.filter((f) => f.format !== preferred),
  ];
  const id = useId();
  const [scope, setScope] = useState<ExportScope>('all');
  // Off by default: a story's versions weigh far more than its notes.
  const [withVersions, setWithVersions] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ error: boolean; text: string } | null>(null);
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  // Only the file chosen last may show its preview: an earlier, slower one is dropped.
  const latest = useRef(0);
  // The Import button goes away when the import ends: its report takes the focus instead.
  const report = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.phase === 'done' || state.phase === 'error') report.current?.focus();
  }, [state.phase]);
  const chosen =
    (scope === 'article' && currentArticle === null) || (scope === 'result' && resultCount === null)
      ? 'all'
      : scope;

  const runExport = async (format: ExportFormatChoice) => {
    if (exporting) return;
    setExporting(true);
    setExportNote(null);
    try {
      const name = await exportAs(chosen, format, { versions: withVersions });
      setExportNote({ error: false, text: `Saved ${name}.` });
    } catch (error) {
      setExportNote({ error: true, text: `Could not export: ${errorText(error)}` });
    } finally {
      setExporting(false);
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const ticket = ++latest.current;
    setState({ phase: 'reading', fileName: file.name });
    try {
      const preview = await previewImport(file);
      if (ticket === latest.current) setState({ phase: 'preview', preview });
    } catch (error) {
      if (ticket === latest.current) setState({ phase: 'error', message: errorText(error) });
    } finally {
      // Choosing the same file again must fire another change.
      if (input.current) input.current.value = '';
    }
  };

  const confirm = async (preview: ImportPreview) => {
    if (state.phase === 'writing') return;
    setState({ phase: 'writing', preview });
    try {
      const outcome = await applyImport();
      setState({
        phase: 'done',
        message: `Imported ${preview.fileName}: ${outcome.added.toLocaleString()} new, ${outcome.updated.toLocaleString()} updated, ${outcome.skipped.toLocaleString()} skipped${articlesPart(outcome)}.`,
      });
    } catch (error) {
      setState({ phase: 'error', message: errorText(error) });
    }
  };

  return (
    <details class="exchange">
      <summary>Export and import</summary>
      <fieldset class="exchange__export" aria-busy={exporting}>
        <legend>Export</legend>
        <label for={`${id}-scope`}>Notes</label>
        <select
          id={`${id}-scope`}
          value={chosen}
          onChange={(event) => setScope(event.currentTarget.value as ExportScope)}
        >
          <option value="all">Everything</option>
          {currentArticle !== null ? <option value="article">This article</option> : null}
          {resultCount !== null ? (
            <option value="result">The list shown ({plural(resultCount, 'note')})</option>
          ) : null}
        </select>
        <label class="exchange__option">
          <input
            type="checkbox"
            checked={withVersions}
            onChange={(event) => setWithVersions(event.currentTarget.checked)}
          />
          With the stories' stored versions (Claimmark JSON only; a much larger file)
        </label>
        <ul class="exchange__formats">
          {formats.map(({ format, label, use }) => (
            <li key={format}>
              <button
                type="button"
                class={format === preferred ? 'primary' : undefined}
                aria-describedby={`${id}-${format}`}
                onClick={() => void runExport(format)}
              >
                {label}
              </button>{' '}
              <span id={`${id}-${format}`}>{use}</span>
            </li>
          ))}
        </ul>
        {openOptions ? (
          <p class="exchange__options">
            Reviewer and verdict labels for ClaimReview:{' '}
            <button type="button" class="link" onClick={openOptions}>
              Options
            </button>
          </p>
        ) : null}
        {exporting ? <p role="status">Preparing the file…</p> : null}
        {exportNote ? (
          <p role={exportNote.error ? 'alert' : 'status'} class={exportNote.error ? 'error' : ''}>
            {exportNote.text}
          </p>
        ) : null}
      </fieldset>
      <fieldset class="exchange__import" aria-busy={state.phase === 'writing'}>
        <legend>Import</legend>
        <label for={`${id}-file`}>A Claimmark JSON or W3C JSON-LD file</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        {state.phase === 'reading' ? <p role="status">Checking {state.fileName}…</p> : null}
        {state.phase === 'preview' || state.phase === 'writing' ? (
          <div class="import-preview">
            <p role="status">
              {state.preview.fileName}: {plural(state.preview.added, 'new note')},{' '}
              {state.preview.updated.toLocaleString()} updated,{' '}
              {state.preview.skipped.length.toLocaleString()} skipped
              {articlesPart(state.preview)}.
            </p>
            {state.preview.skipped.length > 0 ? (
              <ul class="import-preview__skips" aria-label="Skipped">
                {state.preview.skipped.slice(0, SHOWN_SKIPS).map((s, i) => (
                  <li key={i}>
                    <code>{s.where}</code>: {s.reason}
                  </li>
                ))}
                {state.preview.skipped.length > SHOWN_SKIPS ? (
                  <li>and {plural(state.preview.skipped.length - SHOWN_SKIPS, 'other')}</li>
                ) : null}
              </ul>
            ) : null}
            <div class="exchange__buttons">
              <button
                type="button"
                class="primary"
                disabled={
                  state.preview.added +
                    state.preview.updated +
                    state.preview.articlesAdded +
                    state.preview.articlesUpdated +
                    state.preview.versionsAdded ===
                  0
                }
                aria-disabled={state.phase === 'writing'}
                onClick={() => void confirm(state.preview)}
              >
                {state.phase === 'writing' ? 'Importing…' : 'Import'}
              </button>
              <button type="button" onClick={() => setState({ phase: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
        {state.phase === 'done' ? (
          <p role="status" tabIndex={-1} ref={report}>
            {state.message}
          </p>
        ) : null}
        {state.phase === 'error' ? (
          <p role="alert" class="error" tabIndex={-1} ref={report}>
            {state.message}
          </p>
        ) : null}
      </fieldset>
    </details>
  );
}
