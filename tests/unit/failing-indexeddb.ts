/** An IndexedDB factory whose every open fails, as in a private window that forbids storage. */
export function failingIndexedDB(): IDBFactory {
  const real = indexedDB;
  return {
    open() {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    },
    deleteDatabase: (name: string) => real.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => real.cmp(a, b),
    databases: () => real.databases(),
  };
}
