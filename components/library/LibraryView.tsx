import { useState } from 'preact/hooks';
import type { CatalogEntry, LibraryResult } from '@/lib/library/types';
import type { NoteRef } from '@/lib/storage/notes';
import type { Async } from '../async';
import { StatusMessage } from '../StatusMessage';
import { FilterBar } from './FilterBar';
import type { LibraryExchange } from './library-exchange';
import type { LibraryNotes } from './library-notes';
import { summaryText } from './library-summary';
import { useRowTimings } from './library-timings';
import { LibraryEditor } from './LibraryEditor';
import { LibraryTools } from './LibraryTools';
import { LibraryList } from './LibraryList';
import { useFoldedRows } from './useFoldedRows';
import { useLibrarySearch } from './useLibrarySearch';
import { useListKeyboard } from './useListKeyboard';
import { useNoteActions } from './useNoteActions';

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
  /** The reader's own name (sync settings), "" when unset; others' notes are read-only. */
  me?: string;
}

/** "Library": every saved article and note; search, filters, and actions on each note. */
export function LibraryView({
  catalog,
  preview,
  notes,
  exchange,
  currentArticle = null,
  me = '',
}: Props) {
  const search = useLibrarySearch(catalog, preview);
  const { result, narrowed, byUrl } = search;
  const { rows, toggle, reset } = useFoldedRows(result, byUrl, narrowed);
  useRowTimings(rows);
  const actions = useNoteActions(notes);
  const [editing, setEditing] = useState<NoteRef | null>(null);
  const keyboard = useListKeyboard(
    rows,
    { toggle, open: actions.open, edit: setEditing, remove: actions.remove },
    me,
  );

  // A new search starts at the top with the articles folded as the search decides.
  const restart = () => {
    reset();
    keyboard.setActive(-1);
  };

  const tools = (shown: LibraryResult) =>
    exchange ? (
      <LibraryTools
        exchange={exchange}
        shown={shown}
        query={{ text: search.text, filters: search.filters }}
        offerResult={narrowed && search.indexed}
        currentArticle={currentArticle}
        articleListed={currentArticle !== null && byUrl.has(currentArticle)}
      />
    ) : null;

  if (editing) {
    return (
      <LibraryEditor
        note={editing}
        notes={notes}
        onClose={() => setEditing(null)}
        onOpenNote={setEditing}
      />
    );
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
          me={me}
          onChange={(next) => {
            search.filter(next);
            restart();
          }}
        />
        <p class="library__summary" role="status">
          {summaryText(result, narrowed, search.indexed)}
        </p>
        <LibraryList
          rows={rows}
          narrowed={narrowed}
          keyboard={keyboard}
          onToggle={toggle}
          onOpen={actions.open}
          onEdit={setEditing}
          onDelete={actions.remove}
          onCopy={actions.copy}
          me={me}
        />
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
