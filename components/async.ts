/** A value that is loading, has arrived, or failed with a message for the reader. */
export type Async<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };
