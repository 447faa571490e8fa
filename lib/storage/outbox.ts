import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

// Which articles changed since sync last pushed them (issue 16). Every write to an article, to
// its notes row or to its stored versions, whoever makes it (the background's services, the popup's import, an
// upgrade), puts the article's key in the outbox within the same IndexedDB transaction, so a
// change cannot be written without being marked. Writes the replicator makes from the server
// are not marked: they are on the server already.

/** The outbox's table name. */
export const OUTBOX = 'outbox';
/** Tables that sync, and the article key of each of their rows' primary keys. */
const TRACKED = new Map<string, (key: unknown) => unknown>([
  ['articles', (key) => key],
  ['notes', (key) => key],
  // A version is keyed [articleUrl, n].
  ['versions', (key): unknown => (Array.isArray(key) ? (key as unknown[])[0] : undefined)],
]);

/** One article waiting to be pushed; `at` changes on every write, so a push clears only what it saw. */
export interface OutboxEntry {
  key: string;
  at: number;
}

// Transactions the replicator applies server documents in.
const fromServer = new WeakSet<object>();

/** Marks a transaction as applying what the server sent: its writes are not pushed back. */
export function markFromServer(trans: object): void {
  fromServer.add(trans);
}

let counter = 0;
/** A stamp no earlier write in this context has: a millisecond clock with a counter below it. */
export function outboxStamp(): number {
  counter = (counter + 1) % 1000;
  return Date.now() + counter / 1000 + Math.random() / 1e6;
}

function hasOutbox(trans: DBCoreTransaction): boolean {
  // An upgrade from before version 7 writes notes while the outbox does not exist yet.
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names?.contains(OUTBOX) ?? false;
}

function keysOf(req: DBCoreMutateRequest, results: readonly unknown[] | undefined): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? [...(results ?? [])];
}

function hasTracked(stores: readonly string[]): boolean {
  return stores.some((s) => TRACKED.has(s));
}

/** The middleware that keeps the outbox. */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'claimmark-outbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && hasTracked(stores) && !stores.includes(OUTBOX);
        return down.transaction(widen ? [...stores, OUTBOX] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const articleOf = TRACKED.get(name);
        if (!articleOf) return table;
        return {
          ...table,
          async mutate(req) {
            const response = await table.mutate(req);
            if (fromServer.has(req.trans) || !hasOutbox(req.trans)) return response;
            const keys = [
              ...new Set(
                keysOf(req, response.results)
                  .map(articleOf)
                  .filter((k): k is string => typeof k === 'string'),
              ),
            ];
            // Clearing a whole table (no Claimmark path does) marks nothing: a full resync
            // follows a reset instead.
            if (keys.length === 0) return response;
            const at = outboxStamp();
            await down.table(OUTBOX).mutate({
              type: 'put',
              trans: req.trans,
              values: keys.map((key): OutboxEntry => ({ key, at })),
            });
            return response;
          },
        };
      },
    };
  },
};
