import { RECORD_LIMITS } from './limits';

/**
 * An article's addresses within the record's limit: the first (where the reader found it) and
 * the latest. Storage and import both keep a record to this one rule.
 */
export function keepSeenAt<T>(seen: readonly T[]): T[] {
  const max = RECORD_LIMITS.seenAt;
  if (seen.length <= max) return [...seen];
  return [...seen.slice(0, 1), ...seen.slice(seen.length - (max - 1))];
}
