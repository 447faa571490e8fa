// The model keys its weights by FNV-1a hashes of feature strings. Training hashes whole
// strings; the runtime continues a state over a feature's parts without building the
// string. Both go through these few functions, so the two cannot hash differently.

export const HASH_BITS = 22;
const HASH_MASK = (1 << HASH_BITS) - 1;
const FNV_PRIME = 0x01000193;

/** The FNV-1a state before any input. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a state after feeding `s` to state `h`. */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a state after one UTF-16 unit. */
export function fnvChar(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** Folds an FNV state into the model's hash space. */
export function fold(h: number): number {
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

/** FNV-1a over UTF-16 units, folded into the model's hash space. */
export function hashFeature(s: string): number {
  return fold(fnv(FNV_OFFSET, s));
}
