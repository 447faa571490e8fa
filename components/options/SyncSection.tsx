import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_SYNC_SETTINGS,
  type SyncSettings,
  type SyncStatus,
} from '@/lib/model/sync-settings';
import { parseSyncServer } from '@/lib/sync/server-url';

/** Where the sync settings live and how the page reaches the background; stand-ins in tests. */
export interface SyncStore {
  load: () => Promise<{ settings: SyncSettings; status: SyncStatus }>;
  save: (settings: SyncSettings) => Promise<void>;
  /** Asks the browser to let Claimmark reach this origin; called within the reader's click. */
  allow: (originPattern: string) => Promise<boolean>;
  /** Gives the permission for an origin back (sync stopped); a refusal changes nothing. */
  disallow: (originPattern: string) => Promise<void>;
  /** Has the background seal a password for storage, so no content script can read it. */
  seal: (password: string) => Promise<string>;
  /** Has the background sync now and answers how it went. */
  syncNow: () => Promise<SyncStatus>;
  /** Calls back whenever the background writes a new status; returns the unsubscribe. */
  watchStatus: (listener: (status: SyncStatus) => void) => () => void;
}

type Draft = Omit<SyncSettings, 'enabled'>;

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | {
      phase: 'ready';
      enabled: boolean;
      draft: Draft;
      status: SyncStatus;
      busy: boolean;
      note: { error: boolean; text: string } | null;
    };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How sync is doing, in one sentence. */
export function describeSyncStatus(status: SyncStatus, format: (iso: string) => string): string {
  const last = status.lastSyncedAt
    ? `Last synced ${format(status.lastSyncedAt)}.`
    : 'Not synced yet.';
  const pending =
    status.pending === 0
      ? 'Nothing waiting to be sent.'
      : `${String(status.pending)} ${status.pending === 1 ? 'article has' : 'articles have'} changes waiting to be sent.`;
  const refused =
    status.refused > 0
      ? ` ${String(status.refused)} ${status.refused === 1 ? 'document' : 'documents'} from the server refused as malformed.`
      : '';
  switch (status.state) {
    case 'off':
      return 'Sync is off: your library stays in this browser.';
    case 'syncing':
      return `Syncing… ${pending}`;
    case 'idle':
      return `Syncing continuously. ${last} ${pending}${refused}`;
    case 'error':
      return `${last} ${pending}${refused}`;
  }
}

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The options page's sync settings: a CouchDB database, credentials, status (issue 16). */
export function SyncSection({ store }: { store: SyncStore }) {
  const id = useId();
  const [state, setState] = useState<State>({ phase: 'loading' });
  // The fields as the last keystroke left them, rendered or not.
  const latest = useRef<Draft>({ ...DEFAULT_SYNC_SETTINGS });
  // The password as stored, sealed: never shown, kept until the reader types another.
  const saved = useRef('');

  useEffect(() => {
    let stop: () => void = () => undefined;
    store.load().then(
      ({ settings, status }) => {
        const { enabled, password, ...rest } = settings;
        saved.current = password;
        const draft = { ...rest, password: '' };
        latest.current = draft;
        setState({ phase: 'ready', enabled, draft, status, busy: false, note: null });
        stop = store.watchStatus((next) =>
          // What the background says now stands; an action's own sentence gives way to it.
          setState((s) =>
            s.phase === 'ready' && !s.busy ? { ...s, status: next, note: null } : s,
          ),
        );
      },
      (error: unknown) =>
        setState({
          phase: 'error',
          message: `Sync settings could not be read: ${errorText(error)}`,
        }),
    );
    return () => stop();
  }, [store]);

  if (state.phase === 'loading') return <p role="status">Loading sync settings…</p>;
  if (state.phase === 'error') return <p role="alert">{state.message}</p>;
  const { draft, status, busy, note, enabled } = state;
  const edit = (change: Partial<Draft>) => {
    latest.current = { ...latest.current, ...change };
    setState({ ...state, draft: latest.current, note: null });
  };
  const settle = (patch: Partial<Extract<State, { phase: 'ready' }>>) =>
    setState((s) => (s.phase === 'ready' ? { ...s, busy: false, ...patch } : s));

  /** What storage keeps of the password field: a new password sealed, else the saved one. */
  const storedPassword = (typed: string) =>
    typed === '' && saved.current !== '' ? Promise.resolve(saved.current) : store.seal(typed);

  const syncNow = async (event: Event) => {
    event.preventDefault();
    const current = latest.current;
    const server = parseSyncServer(current.url);
    if (typeof server === 'string') {
      settle({ note: { error: true, text: server } });
      return;
    }
    setState({ ...state, busy: true, note: null });
    // The browser asks the reader now, while the click still counts as theirs.
    let allowed: boolean;
    try {
      allowed = await store.allow(server.originPattern);
    } catch (error) {
      settle({ note: { error: true, text: `The browser did not ask: ${errorText(error)}` } });
      return;
    }
    if (!allowed) {
      settle({
        note: {
          error: true,
          text: `Claimmark was not allowed to reach ${new URL(server.dbUrl).host}, so sync stays off.`,
        },
      });
      return;
    }
    try {
      const settings: SyncSettings = {
        enabled: true,
        url: server.dbUrl,
        username: current.username.trim(),
        password: await storedPassword(current.password),
        author: current.author.trim(),
      };
      await store.save(settings);
      saved.current = settings.password;
      latest.current = { ...current, url: server.dbUrl, password: '' };
      const next = await store.syncNow();
      settle({
        enabled: true,
        draft: latest.current,
        status: next,
        note:
          next.state === 'error' && next.lastError
            ? { error: true, text: next.lastError }
            : { error: false, text: 'Synced.' },
      });
    } catch (error) {
      settle({ note: { error: true, text: `Sync did not start: ${errorText(error)}` } });
    }
  };

  const stopSyncing = async () => {
    setState({ ...state, busy: true, note: null });
    try {
      await store.save({ ...latest.current, password: saved.current, enabled: false });
      // Claimmark no longer needs that server: the browser takes the permission back.
      const server = parseSyncServer(latest.current.url);
      if (typeof server !== 'string') await store.disallow(server.originPattern);
      settle({
        enabled: false,
        status: { ...status, state: 'off' },
        note: {
          error: false,
          text: 'Sync is off. Your library stays as it is, here and on the server.',
        },
      });
    } catch (error) {
      settle({ note: { error: true, text: `Sync was not turned off: ${errorText(error)}` } });
    }
  };

  return (
    <form class="options" onSubmit={(event) => void syncNow(event)} aria-busy={busy}>
      <fieldset>
        <legend>Sync</legend>
        <p class="options__hint">
          Keep your library in a CouchDB database you or your newsroom run, on every device you
          sync. Off until you turn it on: nothing leaves this browser until then, and then only to
          that server. Your password stays in this browser and is never exported.
        </p>
        <label for={`${id}-url`}>Server URL</label>
        <input
          id={`${id}-url`}
          type="url"
          placeholder="https://couch.example.org/claimmark"
          value={draft.url}
          onInput={(e) => edit({ url: e.currentTarget.value })}
        />
        <label for={`${id}-user`}>User name</label>
        <input
          id={`${id}-user`}
          autocomplete="username"
          value={draft.username}
          maxLength={200}
          onInput={(e) => edit({ username: e.currentTarget.value })}
        />
        <label for={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autocomplete="current-password"
          value={draft.password}
          placeholder={saved.current ? 'Saved; type a new one to replace it' : ''}
          maxLength={1000}
          onInput={(e) => edit({ password: e.currentTarget.value })}
        />
        <label for={`${id}-author`}>Your name on notes</label>
        <input
          id={`${id}-author`}
          value={draft.author}
          maxLength={200}
          onInput={(e) => edit({ author: e.currentTarget.value })}
        />
        <p class="options__hint">
          In a shared database, your notes are signed with it; others’ notes are read-only.
        </p>
        <div class="options__buttons">
          <button type="submit" class="primary" disabled={busy}>
            Sync now
          </button>
          {enabled ? (
            <button type="button" disabled={busy} onClick={() => void stopSyncing()}>
              Stop syncing
            </button>
          ) : null}
        </div>
        <p role="status" aria-live="polite">
          {busy
            ? 'Syncing…'
            : describeSyncStatus(enabled ? status : { ...status, state: 'off' }, formatTime)}
        </p>
        {status.state === 'error' && status.lastError && !note ? (
          <p role="alert" class="error">
            {status.lastError}
          </p>
        ) : null}
        {note ? (
          <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error' : ''}>
            {note.text}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
