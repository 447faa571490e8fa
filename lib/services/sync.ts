import type { SyncSettings, SyncStatus } from '../model/sync-settings';
import { SYNC_STATUS_OFF } from '../model/sync-settings';
import type { ClaimmarkDatabase } from '../storage/database';
import { watchQuery } from '../storage/live';
import { createLocalSide, sealKey } from '../storage/sync';
import { isSealed, sealSecret, unsealSecret } from '../sync/seal';
import { createCouchClient, SyncError, type Fetch } from '../sync/couch';
import { syncOnce, type SyncReport } from '../sync/replicate';
import { parseSyncServer } from '../sync/server-url';
import { syncSettings, type SettingsSide } from '../sync/settings';

// Continuous sync while the browser runs (issue 16): one cycle pulls and pushes everything
// that is due, then a long poll waits for the server's next change while a local write (any
// context's: the outbox is watched) ends the wait at once. Errors back off, up to five minutes;
// an error retrying cannot fix (a wrong password) waits for the reader. A stopped service worker
// is brought back by the alarm the background sets, and resumes from its checkpoint.

/** What the sync service needs from the browser; injected so it runs in Node tests. */
export interface SyncDeps {
  db: ClaimmarkDatabase;
  fetch: Fetch;
  readSettings: () => Promise<SyncSettings>;
  readStatus: () => Promise<SyncStatus>;
  writeStatus: (status: SyncStatus) => Promise<void>;
  /** Whether the browser lets the extension reach this origin (a match pattern). */
  mayReach: (originPattern: string) => Promise<boolean>;
  /** This device's id among those syncing, kept in the extension's storage. */
  deviceId: () => Promise<string>;
  log: (message: string) => void;
  now: () => Date;
  /** The export settings every device shares (verdict labels, organisation); absent: not synced. */
  settings?: SettingsSide;
  /** How long a long poll waits for the server's next change. */
  waitMs?: number;
  /** Waits between tries after an error (tests shorten it). */
  sleep?: (ms: number, stop: AbortSignal) => Promise<void>;
}

/** Sync as the background runs it. */
export interface SyncService {
  /** Starts the continuous loop when sync is on and not running; does nothing otherwise. */
  start(): void;
  /** Stops and starts again with the current settings; resolves after the first cycle. */
  now(): Promise<SyncStatus>;
  /** A local change: ends the wait so it is pushed now. */
  poke(): void;
  /** Stops the loop (settings changed, or sync turned off). */
  stop(): void;
  /** The password sealed for storage.local, under this library's key. */
  seal(password: string): Promise<string>;
}

const BACKOFF_FIRST_MS = 2_000;
const BACKOFF_MAX_MS = 300_000;

function sleepFor(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    });
  });
}

function describe(error: unknown): { message: string; retry: boolean } {
  if (error instanceof SyncError) return { message: error.message, retry: error.retryable };
  // A storage failure (a full disk): nothing was half-written, each step is one transaction.
  const text = error instanceof Error ? error.message : String(error);
  return { message: `Sync stopped: ${text.slice(0, 300)}`, retry: true };
}

function rejectedSentence(report: SyncReport): string | null {
  const n = report.rejected.length;
  if (n === 0) return null;
  const first = report.rejected[0];
  return `The server refused ${String(n)} ${n === 1 ? 'change' : 'changes'}${first ? ` (${first.reason.slice(0, 200)})` : ''}; they stay here and are tried again.`;
}

/** The sync service over one database. */
export function createSyncService(deps: SyncDeps): SyncService {
  const { db, now } = deps;
  const local = createLocalSide(db);
  const sleep = deps.sleep ?? sleepFor;
  const waitMs = deps.waitMs ?? 25_000;
  interface Run {
    stop: AbortController;
    /** Ends the current wait; a new one for each cycle. */
    wake: AbortController;
    cycle: Promise<void>;
  }
  let running: Run | null = null;
  // The last loop started: a new one begins only once it has ended, so two cycles never run at
  // once on one library (a settings change and "Sync now" arrive together; the alarm fires).
  let last: Promise<void> = Promise.resolve();
  let firstCycle: ((status: SyncStatus) => void)[] = [];
  let refused = 0;

  async function setStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
    const status = { ...(await deps.readStatus()), ...patch };
    await deps.writeStatus(status);
    return status;
  }

  function settleFirst(status: SyncStatus): void {
    const waiting = firstCycle;
    firstCycle = [];
    for (const done of waiting) done(status);
  }

  /** Runs cycles until stopped; each settles the callers of now() waiting for it. */
  async function loop(run: Run): Promise<void> {
    const stop = run.stop.signal;
    // A function, not the property: the loop's condition would narrow it to false for good.
    const stopped = () => stop.aborted;
    let backoff = 0;
    // A stopped loop finishes its requests but says nothing: a newer one speaks for sync now.
    const say = async (patch: Partial<SyncStatus>) => (stopped() ? null : setStatus(patch));
    const settle = (status: SyncStatus | null) => {
      if (status) settleFirst(status);
    };
    if (stopped()) return;
    refused = (await deps.readStatus()).refused;
    while (!stopped()) {
      const settings = await deps.readSettings();
      if (!settings.enabled) {
        settle(await say({ ...SYNC_STATUS_OFF }));
        return;
      }
      const server = parseSyncServer(settings.url);
      if (typeof server === 'string') {
        settle(await say({ state: 'error', lastError: server }));
        return;
      }
      if (!(await deps.mayReach(server.originPattern))) {
        settle(
          await say({
            state: 'error',
            lastError: `Claimmark may not reach ${new URL(server.dbUrl).host} yet: press “Sync now” in Options to allow it.`,
          }),
        );
        return;
      }
      // Sealed by the options page; a password stored before sealing is read as it is.
      const password = isSealed(settings.password)
        ? await unsealSecret(await sealKey(db), settings.password)
        : settings.password;
      if (password === null) {
        settle(
          await say({
            state: 'error',
            lastError:
              'The saved password cannot be read in this browser: enter it again in Options.',
          }),
        );
        return;
      }
      const client = createCouchClient({
        dbUrl: server.dbUrl,
        username: settings.username,
        password,
        fetch: deps.fetch,
      });
      const wake = new AbortController();
      run.wake = wake;
      try {
        await say({ state: 'syncing', pending: await local.countPending() });
        const report = await syncOnce(client, local, {
          dbUrl: server.dbUrl,
          deviceId: await deps.deviceId(),
          author: settings.author,
          log: deps.log,
        });
        refused += report.refused.length;
        const settingsRefused = deps.settings
          ? await syncSettings(client, deps.settings, server.dbUrl)
          : null;
        if (settingsRefused) deps.log(`Sync: ${settingsRefused}`);
        const pending = await local.countPending();
        settle(
          await say({
            state: 'idle',
            lastSyncedAt: now().toISOString(),
            pending,
            lastError:
              rejectedSentence(report) ??
              (settingsRefused ? `Settings not synced: ${settingsRefused}.` : null),
            refused,
          }),
        );
        backoff = 0;
        // Changes made during the cycle are pushed at once; refused ones wait for the next.
        if (pending > 0 && report.rejected.length === 0) continue;
        const checkpoint = await local.checkpoint(server.dbUrl);
        if (stopped() || wake.signal.aborted || !checkpoint) continue;
        await client
          // Only whether something changed: the next cycle reads it.
          .changes(checkpoint.since, 1, waitMs, AbortSignal.any([stop, wake.signal]), false)
          .catch((error: unknown) => {
            // A long poll that failed is judged by the next cycle's requests.
            if (!(error instanceof SyncError)) throw error;
          });
      } catch (error) {
        const { message, retry } = describe(error);
        settle(
          await say({
            state: 'error',
            lastError: message,
            pending: await local.countPending(),
          }),
        );
        if (!retry) return;
        backoff = Math.min(backoff === 0 ? BACKOFF_FIRST_MS : backoff * 2, BACKOFF_MAX_MS);
        await sleep(backoff, AbortSignal.any([stop, wake.signal]));
      }
    }
  }

  function start(): void {
    if (running) return;
    const state: Run = {
      stop: new AbortController(),
      wake: new AbortController(),
      cycle: Promise.resolve(),
    };
    running = state;
    state.cycle = last
      .then(() => loop(state))
      .catch((error: unknown) => {
        deps.log(`Sync stopped: ${describe(error).message}`);
      })
      .finally(() => {
        if (running === state) running = null;
      });
    last = state.cycle;
  }

  function stopLoop(): void {
    if (!running) return;
    running.stop.abort();
    running = null;
  }

  // Any context's write to the library marks the outbox: a change to push ends the wait.
  watchQuery(
    db,
    () => db.outbox.count(),
    (pending) => {
      if (pending > 0) running?.wake.abort();
    },
    () => undefined,
  );

  return {
    start,
    async now() {
      const done = new Promise<SyncStatus>((resolve) => firstCycle.push(resolve));
      stopLoop();
      start();
      return done;
    },
    poke() {
      running?.wake.abort();
    },
    stop: stopLoop,
    async seal(password) {
      return sealSecret(await sealKey(db), password);
    },
  };
}
