/**
 * Orders all annotations and articles together by time, oldest first, ties by position, so a
 * rank names exactly one of them. (A native sort of the times plus a binary search each is
 * several times faster than sorting indices with a comparator.)
 */
export function byRecency(times: Float64Array): Uint32Array {
  const sorted = times.slice().sort();
  const taken = new Uint32Array(times.length);
  const byRank = new Uint32Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    const ties = taken[lo] ?? 0;
    taken[lo] = ties + 1;
    byRank[lo + ties] = i;
  }
  return byRank;
}
