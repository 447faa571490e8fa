import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Async } from '@/components/async';
import { describeStorageError } from '@/lib/storage/errors';

/** Subscribes to a Dexie live query for as long as the component is mounted. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<Async<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error: describeStorageError(error) }),
    });
    return () => subscription.unsubscribe();
    // deps are the query's inputs, chosen by the caller as with useEffect.
  }, deps);
  return state;
}
