/** Turns a storage failure into a sentence a reader can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner =
    error instanceof Error && 'inner' in error && error.inner instanceof Error ? error.inner : null;
  const names = [name, inner?.name ?? ''];
  if (names.some((n) => n === 'QuotaExceededError')) {
    return 'Your disk is full: Claimmark could not save. Nothing was changed; free some space and try again.';
  }
  if (names.some((n) => n === 'VersionError')) {
    return 'Your library was written by a newer version of Claimmark and cannot be opened by this one.';
  }
  if (
    names.some((n) => n === 'OpenFailedError' || n === 'InvalidStateError' || n === 'UnknownError')
  ) {
    return `Your library could not be opened (${inner?.message ?? (error as Error).message}).`;
  }
  return error instanceof Error ? error.message : String(error);
}
