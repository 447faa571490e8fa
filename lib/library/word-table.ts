/**
 * Interns the words of folded texts as integer ids without cutting each occurrence out as a
 * string: at 3 million words per library, `split(' ')` and a Map cost about a second in Node,
 * while hashing the characters in place and slicing only new words costs a tenth of that.
 */
export class WordTable {
  /** Every distinct word, by id (first seen first). */
  readonly words: string[] = [];
  private slots: Int32Array;
  private hashes: Uint32Array;
  private mask: number;

  constructor(expected = 2048) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Uint32Array(size / 2);
    this.mask = size - 1;
  }

  /**
   * Appends the id of every word of a folded text to `out`, in order. Words are runs of
   * characters between single spaces, as foldText leaves them; extra spaces are skipped.
   */
  scan(text: string, out: IntList): void {
    const length = text.length;
    let start = 0;
    let hash = 0x811c9dc5;
    for (let p = 0; p <= length; p++) {
      const c = p < length ? text.charCodeAt(p) : 32;
      if (c !== 32) {
        hash = Math.imul(hash ^ c, 0x01000193);
        continue;
      }
      if (p > start) out.push(this.intern(text, start, p, hash >>> 0));
      start = p + 1;
      hash = 0x811c9dc5;
    }
  }

  private intern(text: string, start: number, end: number, hash: number): number {
    const { slots, words, hashes, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot] ?? -1;
      if (id < 0) break;
      if (hashes[id] !== hash) continue;
      const word = words[id] ?? '';
      if (word.length === end - start && text.startsWith(word, start)) return id;
    }
    const id = words.length;
    words.push(text.slice(start, end));
    if (id >= this.hashes.length) this.grow();
    this.hashes[id] = hash;
    this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    let slot = hash & this.mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const hashes = new Uint32Array(size / 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length - 1; id++) this.place(id, hashes[id] ?? 0);
  }
}

/** A growable list of 32-bit unsigned integers, kept in one typed array. */
export class IntList {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, Math.ceil(capacity)));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Uint32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }

  /** The values as a typed array of exactly their length (a view while it fits snugly). */
  toArray(): Uint32Array {
    return this.data.length - this.length < 1024
      ? this.data.subarray(0, this.length)
      : this.data.slice(0, this.length);
  }
}
