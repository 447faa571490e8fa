import { liveQuery, type Dexie } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Async } from '@/components/async';
import { describeStorageError } from '@/lib/storage/errors';

/** Subscribes to a Dexie live query over `db` for as long as the component is mounted. */
export function useLiveQuery<T>(db: Dexie, query: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<Async<T>>({ status: 'loading' });
  useEffect(() => {
    const fail = (error: unknown) =>
      setState({ status: 'error', error: describeStorageError(error) });
    let unsubscribe: () => void = () => undefined;
    let closed = false;
    // A live query never settles when the database fails to open, so open it first and say why.
    db.open().then(() => {
      if (closed) return;
      const subscription = liveQuery(query).subscribe({
        next: (value) => setState({ status: 'ready', value }),
        error: fail,
      });
      unsubscribe = () => subscription.unsubscribe();
    }, fail);
    return () => {
      closed = true;
      unsubscribe();
    };
    // deps are the query's inputs, chosen by the caller as with useEffect.
  }, [db, ...deps]);
  return state;
}
