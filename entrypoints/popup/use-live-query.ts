import { useEffect, useState } from 'preact/hooks';
import type { Async } from '@/components/async';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { describeStorageError } from '@/lib/storage/errors';
import { watchQuery } from '@/lib/storage/live';

/** Subscribes to a live query over `db` for as long as the component is mounted. */
export function useLiveQuery<T>(
  db: ClaimmarkDatabase,
  query: () => Promise<T>,
  deps: unknown[],
): Async<T> {
  const [state, setState] = useState<Async<T>>({ status: 'loading' });
  useEffect(
    () =>
      watchQuery(
        db,
        query,
        (value) => setState({ status: 'ready', value }),
        (error) => setState({ status: 'error', error: describeStorageError(error) }),
      ),
    // deps are the query's inputs, chosen by the caller as with useEffect.
    [db, ...deps],
  );
  return state;
}
