/**
 * Rows of integers packed into two typed arrays, the index's one shape for "each of these has
 * several of those": an annotation's tags or words, an article's entities, a word's postings.
 * Thousands of small JS arrays would cost more memory and garbage than two flat ones.
 */

/** Packed rows: the values of row r are values[start[r]] up to values[start[r + 1]]. */
export interface PackedRows {
  start: Uint32Array;
  values: Uint32Array | Uint16Array;
}

/** Inverts rows of ids below `ids` into, for each id, the rows holding it (ascending, once each). */
export function invertRows(rows: PackedRows, ids: number): PackedRows {
  const { start: rowStart, values: rowValues } = rows;
  const last = new Int32Array(ids).fill(-1);
  const start = new Uint32Array(ids + 1);
  const rowCount = rowStart.length - 1;
  for (let r = 0; r < rowCount; r++) {
    const end = rowStart[r + 1] ?? 0;
    for (let p = rowStart[r] ?? 0; p < end; p++) {
      const w = rowValues[p] ?? 0;
      if (last[w] === r) continue;
      last[w] = r;
      start[w + 1] = (start[w + 1] ?? 0) + 1;
    }
  }
  for (let w = 0; w < ids; w++) start[w + 1] = (start[w + 1] ?? 0) + (start[w] ?? 0);
  const fill = start.slice(0, ids);
  const values = new Uint32Array(start[ids] ?? 0);
  last.fill(-1);
  for (let r = 0; r < rowCount; r++) {
    const end = rowStart[r + 1] ?? 0;
    for (let p = rowStart[r] ?? 0; p < end; p++) {
      const w = rowValues[p] ?? 0;
      if (last[w] === r) continue;
      last[w] = r;
      const at = fill[w] ?? 0;
      fill[w] = at + 1;
      values[at] = r;
    }
  }
  return { start, values };
}

/** Whether any value of the row is marked 1 in `selected` (a lookup table by value). */
export function rowHasSelected(rows: PackedRows, row: number, selected: Uint8Array): boolean {
  const end = rows.start[row + 1] ?? 0;
  for (let p = rows.start[row] ?? 0; p < end; p++) {
    if (selected[rows.values[p] ?? 0] === 1) return true;
  }
  return false;
}
