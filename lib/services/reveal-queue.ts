/** Tabs opened from the library, each waiting to scroll to one note once its page is drawn. */
export interface RevealQueue {
  /** Remembers that a tab was opened to show a note of an article, until `until` (ms since epoch). */
  expect(tabId: number, reveal: { id: string; articleUrl: string; until: number }): void;
  /**
   * The note to scroll to now that the tab drew `articleUrl`, or null. A wait is used once: the
   * first article the tab draws ends it, and an expired one yields nothing.
   */
  due(tabId: number, articleUrl: string, now: number): string | null;
}

/**
 * A tab that went elsewhere (a login page, another story) must not scroll to a note much later,
 * so a wait holds only for its article and only for a while.
 */
export function createRevealQueue(): RevealQueue {
  const pending = new Map<number, { id: string; articleUrl: string; until: number }>();
  return {
    expect(tabId, reveal) {
      pending.set(tabId, reveal);
    },
    due(tabId, articleUrl, now) {
      const reveal = pending.get(tabId);
      if (reveal?.articleUrl !== articleUrl) return null;
      pending.delete(tabId);
      return reveal.until >= now ? reveal.id : null;
    },
  };
}
