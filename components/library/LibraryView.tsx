import { useState } from 'preact/hooks';
import type { CatalogEntry, LibraryResult } from '@/lib/library/types';
import type { NoteRef } from '@/lib/storage/notes';
import type { Async } from '../async';
import { StatusMessage } from '../StatusMessage';
import { ExchangePanel } from './ExchangePanel';
import { FilterBar } from './FilterBar';
import { exportRequest, type LibraryExchange } from './library-exchange';
import type { LibraryNotes } from './library-notes';
import { summaryText } from './library-summary';
import { useRowTimings } from './library-timings';
import { LibraryEditor } from './LibraryEditor';
import { LibraryRow } from './LibraryRow';
import { useFoldedRows } from './useFoldedRows';
import { useLibrarySearch } from './useLibrarySearch';
import { useListKeyboard } from './useListKeyboard';
import { useNoteActions } from './useNoteActions';
import { VirtualList } from './VirtualList';

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
const LIST_HEIGHT = 352;

/** "Library": every saved article and note; search, filters, and actions on each note. */
export function LibraryView({ catalog, preview, notes, exchange, currentArticle = null }: Props) {
  const search = useLibrarySearch(catalog, preview);
  const { result, narrowed, byUrl } = search;
  const { rows, toggle, reset } = useFoldedRows(result, byUrl, narrowed);
  useRowTimings(rows);
  const actions = useNoteActions(notes);
  const [editing, setEditing] = useState<NoteRef | null>(null);
  const keyboard = useListKeyboard(rows, {
    toggle,
    open: actions.open,
    edit: setEditing,
    remove: actions.remove,
  });

  // A new search starts at the top with the articles folded as the search decides.
  const restart = () => {
    reset();
    keyboard.setActive(-1);
  };

  const tools = (shown: LibraryResult) => {
    if (!exchange) return null;
    const article = currentArticle !== null && byUrl.has(currentArticle) ? currentArticle : null;
    return (
      <ExchangePanel
        resultCount={narrowed && search.indexed ? shown.annotationCount : null}
        currentArticle={article}
        exportAs={(scope, format) => {
          const query = { text: search.text, filters: search.filters };
          const { selection, described } = exportRequest(scope, currentArticle, shown, query);
          return exchange.exportAs(selection, described, format);
        }}
        previewImport={exchange.previewImport}
        applyImport={exchange.applyImport}
      />
    );
  };

  if (editing) {
    return <LibraryEditor note={editing} notes={notes} onClose={() => setEditing(null)} />;
  }
  if (catalog.status === 'error')
    return <StatusMessage kind="error">{catalog.error}</StatusMessage>;
  if (!rows || !result) return <StatusMessage kind="loading">Opening your library…</StatusMessage>;
  if (search.entries?.length === 0) {
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

  return (
    <div class="library" onKeyDown={actions.onKeyDown}>
      <div class="library__main">
        <input
          type="search"
          class="library__search"
          placeholder="Search quotes, notes, headlines, tags, names…"
          aria-label="Search the library"
          value={search.text}
          disabled={!search.searchable}
          onInput={(event) => {
            search.search(event.currentTarget.value);
            restart();
          }}
          onKeyDown={keyboard.onSearchKey}
        />
        <FilterBar
          filters={search.filters}
          options={search.options}
          onChange={(next) => {
            search.filter(next);
            restart();
          }}
        />
        <p class="library__summary" role="status">
          {summaryText(result, narrowed, search.indexed)}
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
            active={keyboard.active}
            onActiveChange={keyboard.setActive}
            onRowKey={keyboard.onRowKey}
            renderRow={(i) => {
              const row = rows.at(i);
              if (!row) return null;
              const note = (id: string) => ({ id, articleUrl: row.entry.url });
              return (
                <LibraryRow
                  row={row}
                  onToggle={toggle}
                  onOpen={(id) => actions.open(note(id))}
                  onEdit={(id) => setEditing(note(id))}
                  onDelete={(id) =>
                    actions.remove(note(id), row.kind === 'annotation' ? row.item.quote : '')
                  }
                />
              );
            }}
          />
        )}
        {actions.undo ? (
          <div class="undo-bar" role="status">
            <span>Note deleted.</span>
            <button type="button" onClick={actions.restore}>
              Undo
            </button>
          </div>
        ) : null}
        {actions.notice ? (
          <p class="notice" role="status">
            {actions.notice}
          </p>
        ) : null}
      </div>
      {tools(result)}
    </div>
  );
}
