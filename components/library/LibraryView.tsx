import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { layoutRows } from '@/lib/library/rows';
import { createLibraryIndex } from '@/lib/library/search-index';
import {
  NO_FILTERS,
  type CatalogEntry,
  type LibraryFilters,
  type LibraryResult,
} from '@/lib/library/types';
import type { ExportFormat, ExportScope, ImportOutcome, ImportPreview } from '@/lib/exchange';
import type { ExportSelection } from '@/lib/storage/export';
import type { NoteRef } from '@/lib/storage/notes';
import type { LibraryNotes } from './library-notes';
import type { Async } from '../async';
import { StatusMessage } from '../StatusMessage';
import { ExchangePanel } from './ExchangePanel';
import { FilterBar, type FilterOptions } from './FilterBar';
import { LibraryEditor } from './LibraryEditor';
import { LibraryRow } from './LibraryRow';
import { VirtualList } from './VirtualList';

/** Export and import, as the popup wires them to the database and the file system. */
export interface LibraryExchange {
  /** Saves the selection as a file; resolves with what was saved, for the reader. */
  exportAs: (
    selection: ExportSelection,
    scope: ExportScope,
    format: ExportFormat,
  ) => Promise<string>;
  previewImport: (file: File) => Promise<ImportPreview>;
  applyImport: () => Promise<ImportOutcome>;
}

interface Props {
  /** The whole catalog, live. */
  catalog: Async<CatalogEntry[]>;
  /** The newest articles, read first so the list paints before the whole catalog is in. */
  preview: CatalogEntry[] | null;
  /** What the library does with a note: open it in its article, delete, restore, edit. */
  notes: LibraryNotes;
  /** Export and import; absent, the panel is not shown. */
  exchange?: LibraryExchange;
  /** The key of the popup's article when it is in the library, for exporting just it. */
  currentArticle?: string | null;
}

const ROW_HEIGHT = 64;
const UNDO_MS = 15_000;
const LIST_HEIGHT = 352;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasFilters(filters: LibraryFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

// Timings for `npm run bench`, read from the page's performance timeline; no console output.
function measure(name: string, start: string): void {
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(name, start);
  performance.clearMarks(start);
}

function previewResult(entries: CatalogEntry[]): LibraryResult {
  return {
    hits: entries.map((e) => ({ url: e.url, score: 0, items: e.items.map((i) => i.id) })),
    annotationCount: entries.reduce((n, e) => n + e.items.length, 0),
  };
}

/** "Library": every saved article and note; search, filters, and actions on each note. */
export function LibraryView({ catalog, preview, notes, exchange, currentArticle = null }: Props) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [editing, setEditing] = useState<NoteRef | null>(null);
  const [undo, setUndo] = useState<{ id: string; quote: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const entries = catalog.status === 'ready' ? catalog.value : null;
  const index = useMemo(() => {
    if (!entries) return null;
    const start = performance.now();
    const built = createLibraryIndex(entries);
    performance.measure('claimmark:index', { start, end: performance.now() });
    return built;
  }, [entries]);
  const [searchable, setSearchable] = useState(false);
  // The word index takes a few hundred milliseconds on a large library: build it once the
  // list is on screen, so opening the popup never waits for it.
  // Later indexes (after an edit) build their word index on the first query instead: the
  // search box, once enabled, stays enabled and keeps its focus.
  useEffect(() => {
    if (!index) return;
    const timer = setTimeout(() => {
      const start = performance.now();
      index.prepare();
      performance.measure('claimmark:word-index', { start, end: performance.now() });
      setSearchable(true);
    }, 0);
    return () => clearTimeout(timer);
  }, [index]);
  const byUrl = useMemo(
    () => new Map((entries ?? preview ?? []).map((e) => [e.url, e])),
    [entries, preview],
  );
  const narrowed = text.trim() !== '' || hasFilters(filters);
  const result = useMemo<LibraryResult | null>(() => {
    if (index) return index.query({ text, filters });
    return preview ? previewResult(preview) : null;
  }, [index, preview, text, filters]);
  const options = useMemo<FilterOptions>(() => {
    const facets = index?.facets();
    return {
      tags: facets?.tags.map((t) => t.value) ?? [],
      sites: facets?.sites.map((s) => s.value) ?? [],
      entities: facets?.entities.map((e) => e.name) ?? [],
    };
  }, [index]);
  // While searching, articles show their matching notes unless the reader folded them.
  const expanded = useCallback(
    (url: string) => (narrowed ? !toggled.has(url) : toggled.has(url)),
    [narrowed, toggled],
  );
  const rows = useMemo(
    () => (result ? layoutRows(result.hits, byUrl, expanded) : null),
    [result, byUrl, expanded],
  );

  useLayoutEffect(() => {
    if (!rows) return;
    // Measured in the next frame, so the figure includes laying out the new rows.
    requestAnimationFrame(() => {
      measure('claimmark:search', 'claimmark:search-start');
      measure('claimmark:filter', 'claimmark:filter-start');
    });
    if (rows.count > 0 && performance.getEntriesByName('claimmark:first-rows').length === 0) {
      requestAnimationFrame(() =>
        performance.measure('claimmark:first-rows', { start: 0, end: performance.now() }),
      );
    }
  }, [rows]);

  // A new search starts at the top with the articles folded as the search decides.
  const restart = () => {
    setToggled(new Set());
    setActive(-1);
  };

  const toggle = (url: string) =>
    setToggled((current) => {
      const next = new Set(current);
      if (!next.delete(url)) next.add(url);
      return next;
    });

  const open = (note: NoteRef) => {
    setNotice(null);
    notes.open(note).then(
      (answer) => {
        if (answer.tab === 'focused' && !answer.revealed) {
          setNotice('The article is open, but this note could not be found on the page now.');
        }
      },
      (error: unknown) => setNotice(`Could not open the note: ${errorText(error)}`),
    );
  };

  const remove = (note: NoteRef, quote: string) => {
    setNotice(null);
    notes.remove(note).then(
      ({ deleted }) => {
        if (deleted) setUndo({ id: note.id, quote });
        else setNotice('This note was already deleted.');
      },
      (error: unknown) => setNotice(`Could not delete the note: ${errorText(error)}`),
    );
  };

  // The undo offer lasts as long as the background keeps the deleted note within reach.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const restore = () => {
    if (!undo) return;
    const { id } = undo;
    setUndo(null);
    notes.restore(id).then(
      () => setNotice('Note restored.'),
      (error: unknown) => setNotice(`Could not restore the note: ${errorText(error)}`),
    );
  };

  const onRowKey = (event: KeyboardEvent, i: number) => {
    const row = rows?.at(i);
    if (!row) return;
    const key = event.key;
    if (row.kind === 'article') {
      const opens = key === 'Enter' || key === ' ';
      const folds =
        (key === 'ArrowRight' && !row.expanded) || (key === 'ArrowLeft' && row.expanded);
      if (opens || folds) {
        event.preventDefault();
        toggle(row.entry.url);
      }
      return;
    }
    const note = { id: row.item.id, articleUrl: row.entry.url };
    if (key === 'Enter') open(note);
    else if (key === 'e' || key === 'E') setEditing(note);
    else if (key === 'Delete' || key === 'Backspace') remove(note, row.item.quote);
    else if (key === 'ArrowLeft') {
      const parent = rows?.indexOf(row.entry.url) ?? -1;
      if (parent >= 0) setActive(parent);
    } else return;
    event.preventDefault();
  };

  const tools = (shown: LibraryResult) =>
    exchange ? (
      <ExchangePanel
        resultCount={narrowed && index ? shown.annotationCount : null}
        currentArticle={
          currentArticle !== null && byUrl.has(currentArticle) ? currentArticle : null
        }
        exportAs={(scope, format) => {
          const selection: ExportSelection =
            scope === 'article' && currentArticle !== null
              ? { kind: 'article', url: currentArticle }
              : scope === 'result'
                ? {
                    kind: 'annotations',
                    hits: shown.hits.map((h) => ({ url: h.url, ids: h.items })),
                  }
                : { kind: 'all' };
          const described: ExportScope =
            selection.kind === 'article'
              ? { kind: 'article', url: selection.url }
              : selection.kind === 'annotations'
                ? { kind: 'filter', query: { text, filters } }
                : { kind: 'all' };
          return exchange.exportAs(selection, described, format);
        }}
        previewImport={exchange.previewImport}
        applyImport={exchange.applyImport}
      />
    ) : null;

  if (editing) {
    return <LibraryEditor note={editing} notes={notes} onClose={() => setEditing(null)} />;
  }
  if (catalog.status === 'error')
    return <StatusMessage kind="error">{catalog.error}</StatusMessage>;
  if (!rows || !result) return <StatusMessage kind="loading">Opening your library…</StatusMessage>;
  if (entries?.length === 0) {
    // The same outer structure as a full library, so the import panel keeps its state (and
    // its report) when the first import fills the library.
    return (
      <div class="library">
        <div class="library__main">
          <StatusMessage kind="empty">
            Your library is empty. Open a news article and choose “Save to library”, or highlight a
            passage.
          </StatusMessage>
        </div>
        {tools(result)}
      </div>
    );
  }

  const summary = index
    ? narrowed
      ? `${result.annotationCount} note${result.annotationCount === 1 ? '' : 's'} in ${result.hits.length} article${result.hits.length === 1 ? '' : 's'}`
      : `${result.hits.length} article${result.hits.length === 1 ? '' : 's'}, ${result.annotationCount} note${result.annotationCount === 1 ? '' : 's'}`
    : 'Reading the whole library…';

  return (
    <div
      class="library"
      onKeyDown={(event) => {
        const inField =
          event.target instanceof HTMLInputElement ||
          event.target instanceof HTMLSelectElement ||
          event.target instanceof HTMLTextAreaElement;
        if (undo && !inField && event.key === 'z' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          restore();
        }
      }}
    >
      <div class="library__main">
        <input
          ref={search}
          type="search"
          class="library__search"
          placeholder="Search quotes, notes, headlines, tags, names…"
          aria-label="Search the library"
          value={text}
          disabled={!searchable}
          onInput={(event) => {
            performance.mark('claimmark:search-start');
            setText(event.currentTarget.value);
            restart();
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && rows.count > 0) {
              event.preventDefault();
              setActive(0);
              requestAnimationFrame(() =>
                document.querySelector<HTMLElement>('.vlist [data-row="0"]')?.focus(),
              );
            }
          }}
        />
        <FilterBar
          filters={filters}
          options={options}
          onChange={(next) => {
            performance.mark('claimmark:filter-start');
            setFilters(next);
            restart();
          }}
        />
        <p class="library__summary" role="status">
          {summary}
        </p>
        {rows.count === 0 ? (
          <StatusMessage kind="empty">
            Nothing matches. Try fewer words or clear the filters.
          </StatusMessage>
        ) : (
          <VirtualList
            count={rows.count}
            rowHeight={ROW_HEIGHT}
            height={Math.min(LIST_HEIGHT, rows.count * ROW_HEIGHT)}
            label={narrowed ? 'Search results' : 'Saved articles and notes'}
            active={active}
            onActiveChange={setActive}
            onRowKey={onRowKey}
            renderRow={(i) => {
              const row = rows.at(i);
              if (!row) return null;
              const note = (id: string) => ({ id, articleUrl: row.entry.url });
              return (
                <LibraryRow
                  row={row}
                  onToggle={toggle}
                  onOpen={(id) => open(note(id))}
                  onEdit={(id) => setEditing(note(id))}
                  onDelete={(id) =>
                    remove(note(id), row.kind === 'annotation' ? row.item.quote : '')
                  }
                />
              );
            }}
          />
        )}
        {undo ? (
          <div class="undo-bar" role="status">
            <span>Note deleted.</span>
            <button type="button" onClick={restore}>
              Undo
            </button>
          </div>
        ) : null}
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
      </div>
      {tools(result)}
    </div>
  );
}
