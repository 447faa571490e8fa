/** Every tag in use, read once and kept until a write could change it. */
export interface TagCache {
  /** The tags in use; a failed read is not kept, so the next call reads again. */
  get(): Promise<string[]>;
  /** Forgets the list after a write that may have changed it. */
  invalidate(): void;
}

/**
 * Reading the tags means reading every note (about 2 s for 100,000), so the list is kept; the
 * background's restart forgets it too.
 */
export function createTagCache(read: () => Promise<string[]>): TagCache {
  let tags: Promise<string[]> | null = null;
  return {
    get() {
      const reading = (tags ??= read());
      reading.catch(() => {
        if (tags === reading) tags = null;
      });
      return reading;
    },
    invalidate() {
      tags = null;
    },
  };
}
