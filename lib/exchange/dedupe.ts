import type { SkippedItem } from './issues';

/** A record read from a file, with where it was. */
export interface Located<T> {
  record: T;
  where: string;
}

/** Milliseconds of an ISO time, or -Infinity when it does not parse (so it never wins). */
export function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Keeps one record per key, the one with the newest time (the first of equals), in file order;
 * every other copy is skipped with the place of the one kept.
 */
export function keepNewest<T>(
  items: readonly Located<T>[],
  keyOf: (record: T) => string,
  timeOfRecord: (record: T) => string,
  label: string,
): { kept: Located<T>[]; skipped: SkippedItem[] } {
  const best = new Map<string, Located<T>>();
  const losers: Located<T>[] = [];
  for (const item of items) {
    const key = keyOf(item.record);
    const current = best.get(key);
    if (!current) best.set(key, item);
    else if (timeOf(timeOfRecord(item.record)) > timeOf(timeOfRecord(current.record))) {
      losers.push(current);
      best.set(key, item);
    } else losers.push(item);
  }
  if (losers.length === 0) return { kept: [...items], skipped: [] };
  const skipped = losers.map((item) => {
    const winner = best.get(keyOf(item.record));
    return {
      where: item.where,
      reason: `duplicate ${label} ${keyOf(item.record)}: kept the newest copy, at ${winner?.where ?? '?'}`,
    };
  });
  const keptSet = new Set(best.values());
  return { kept: items.filter((item) => keptSet.has(item)), skipped };
}
