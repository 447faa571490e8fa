import { liveQuery, type Dexie } from 'dexie';

/**
 * Runs a query now and again whenever the tables it read change, until the returned function is
 * called. The database is opened first: a live query never settles when it fails to open, so the
 * failure is reported instead of waited on.
 */
export function watchQuery<T>(
  db: Dexie,
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  let stop: () => void = () => undefined;
  let stopped = false;
  db.open().then(() => {
    if (stopped) return;
    const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
    stop = () => subscription.unsubscribe();
  }, onError);
  return () => {
    stopped = true;
    stop();
  };
}
