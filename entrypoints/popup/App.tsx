import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { LibraryView } from '@/components/library/LibraryView';
import type { LibraryExchange } from '@/components/library/library-exchange';
import type { Async } from '@/components/async';
import { PageView } from '@/components/PageView';
import { ViewTabs, type ViewTab } from '@/components/ViewTabs';
import type { Client } from '@/lib/messaging/client';
import type { Entity } from '@/lib/article/types';
import type { TabState, TextAnalysis } from '@/lib/model';
import { annotationsForArticle } from '@/lib/storage/annotations';
import { listVersions } from '@/lib/storage/versions';
import { changeSinceMarked, marksOf } from '@/lib/versions/changes';
import { encodeDiffAddress } from '@/lib/versions/diff-address';
import { readCatalog, readNewestCatalog } from '@/lib/storage/catalog';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import type { CatalogEntry } from '@/lib/library/types';
import { libraryNotes } from './library-notes';
import { useLiveQuery } from './use-live-query';

/** The popup's two views. */
export type View = 'page' | 'library';
const VIEWS: ViewTab<View>[] = [
  { key: 'page', label: 'This page' },
  { key: 'library', label: 'Library' },
];

export interface AppProps {
  /** Export and import of the library (files); absent in tests that do not need them. */
  exchange?: LibraryExchange;
  db: ClaimmarkDatabase;
  request: Client;
  /** Resolves the tab this popup is about, or null when there is none. */
  resolveTabId: () => Promise<number | null>;
  /** Marks the terms in the tab's page; resolves with how many mentions were marked. */
  markInTab: (tabId: number, terms: string[]) => Promise<number>;
  /** Scrolls the tab's page to an annotation and flashes it; false when it has no place. */
  revealInTab: (tabId: number, id: string) => Promise<boolean>;
  /** The view shown first; "This page" unless asked otherwise (`?view=library`). */
  initialView?: View;
  /** The name the reader signs notes with (sync settings); others' notes are read-only. */
  readMe?: () => Promise<string>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The popup's root: it alone talks to the background and the database. */
export function App({
  db,
  request,
  resolveTabId,
  markInTab,
  revealInTab,
  initialView = 'page',
  exchange,
  readMe,
}: AppProps) {
  const [view, setView] = useState<View>(initialView);
  const [me, setMe] = useState('');
  useEffect(() => {
    let open = true;
    // Without a name every unsigned note is still the reader's own: nothing to wait for.
    readMe?.().then(
      (name) => open && setMe(name.trim()),
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, [readMe]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [tabState, setTabState] = useState<Async<TabState | null>>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // Null while not asked for: a page that may not be a story is analysed when the reader asks.
  const [analysis, setAnalysis] = useState<Async<TextAnalysis | null> | null>({
    status: 'loading',
  });
  const [marked, setMarked] = useState<string | null>(null);
  const [markNote, setMarkNote] = useState<string | null>(null);
  const inLibrary = view === 'library';
  const notes = useMemo(() => libraryNotes(request), [request]);
  // The library is read only when shown: "This page" must open fast on any library size.
  const preview = useLiveQuery(
    db,
    () => (inLibrary ? readNewestCatalog(db, 30) : Promise.resolve(null)),
    [inLibrary],
  );
  // The whole catalog is read after the newest rows are on screen: reading it first would
  // hold up the first paint of a large library by the time it takes to read all of it.
  const previewShown = preview.status !== 'loading';
  const fullCatalog = useLiveQuery(
    db,
    () => (inLibrary && previewShown ? readCatalog(db) : Promise.resolve(null)),
    [inLibrary, previewShown],
  );
  const catalog: Async<CatalogEntry[]> =
    fullCatalog.status === 'ready' && fullCatalog.value === null
      ? preview.status === 'error'
        ? preview
        : { status: 'loading' }
      : (fullCatalog as Async<CatalogEntry[]>);
  const articleKey = tabState.status === 'ready' ? (tabState.value?.articleKey ?? null) : null;
  const annotations = useLiveQuery(
    db,
    () => (articleKey ? annotationsForArticle(db, articleKey) : Promise.resolve([])),
    [articleKey],
  );
  // The story's stored versions: "changed since you marked it" (issue 14).
  const versionMarks = useLiveQuery(
    db,
    async () => (articleKey ? marksOf(await listVersions(db, articleKey)) : null),
    [articleKey],
  );
  const change =
    annotations.status === 'ready' && versionMarks.status === 'ready'
      ? changeSinceMarked(annotations.value, versionMarks.value)
      : null;

  useEffect(() => {
    // The popup may close (unmount) before the background answers.
    const closed = new AbortController();
    const open = () => !closed.signal.aborted;
    (async () => {
      const id = await resolveTabId();
      if (!open()) return;
      setTabId(id);
      const state = id === null ? null : await request('tab.state', { tabId: id });
      if (!open()) return;
      setTabState({ status: 'ready', value: state });
      if (id === null || !state?.report.article) {
        setAnalysis(null);
        return;
      }
      if (!state.report.article.detection.isArticle) {
        // Names the reader already asked for on this page are shown again; else the button.
        setAnalysis(null);
        request('tab.analysis', { tabId: id }).then(
          (value) => open() && value !== null && setAnalysis({ status: 'ready', value }),
          () => undefined,
        );
        return;
      }
      // Text analysis takes longer than the report: the card shows the metadata meanwhile.
      request('tab.analysis', { tabId: id }).then(
        (value) => open() && setAnalysis({ status: 'ready', value }),
        (error: unknown) => open() && setAnalysis({ status: 'error', error: errorText(error) }),
      );
    })().catch((error: unknown) => {
      if (open()) setTabState({ status: 'error', error: errorText(error) });
    });
    return () => {
      closed.abort();
    };
  }, [request, resolveTabId]);

  const save = useCallback(async () => {
    if (tabId === null || tabState.status !== 'ready' || !tabState.value) return;
    setSaving(true);
    setSaveError(null);
    try {
      await request('article.save', { tabId });
      setTabState({ status: 'ready', value: { ...tabState.value, saved: true } });
    } catch (error) {
      setSaveError(errorText(error));
    } finally {
      setSaving(false);
    }
  }, [request, tabId, tabState]);

  const analyze = useCallback(() => {
    if (tabId === null) return;
    setAnalysis({ status: 'loading' });
    request('tab.analysis', { tabId, requested: true }).then(
      (value) => setAnalysis({ status: 'ready', value }),
      (error: unknown) => setAnalysis({ status: 'error', error: errorText(error) }),
    );
  }, [request, tabId]);

  const mark = useCallback(
    (entity: Entity) => {
      if (tabId === null) return;
      const unmark = marked === entity.name;
      setMarked(unmark ? null : entity.name);
      markInTab(tabId, unmark ? [] : [entity.name, ...entity.aliases]).then(
        (count) =>
          setMarkNote(
            unmark
              ? 'Marks removed.'
              : count > 0
                ? `Marked ${count} mentions of ${entity.name} in the page.`
                : `No mention of ${entity.name} could be marked in the page.`,
          ),
        (error: unknown) => {
          setMarked(null);
          setMarkNote(`Could not mark the page: ${errorText(error)}`);
        },
      );
    },
    [markInTab, marked, tabId],
  );

  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Claimmark</h1>
      </header>
      <ViewTabs tabs={VIEWS} current={view} onSelect={setView}>
        {view === 'page' ? (
          <PageView
            state={tabState}
            analysis={analysis}
            saving={saving}
            saveError={saveError}
            marked={marked}
            markNote={markNote}
            annotations={annotations}
            change={change}
            diffHref={
              change && articleKey
                ? `diff.html?${encodeDiffAddress({ articleUrl: articleKey, from: change.markedOn, to: change.newest })}`
                : null
            }
            onReveal={(annotation) => {
              if (tabId !== null) revealInTab(tabId, annotation.id).catch(() => undefined);
            }}
            onSave={() => void save()}
            onMark={mark}
            onAnalyze={analyze}
          />
        ) : (
          <LibraryView
            catalog={catalog}
            preview={preview.status === 'ready' ? preview.value : null}
            notes={notes}
            exchange={exchange}
            me={me}
            currentArticle={
              tabState.status === 'ready' && tabState.value?.saved ? articleKey : null
            }
          />
        )}
      </ViewTabs>
      <footer class="popup__footer">
        Select text on a page, then <kbd>Alt+Shift+H</kbd> to highlight or <kbd>Alt+Shift+C</kbd> to
        mark a claim.
      </footer>
    </main>
  );
}
