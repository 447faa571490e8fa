/**
 * Tags, sites and entity names as small integer ids, so the index keeps one string per name
 * and filters compare numbers.
 */

/** Interns a list of names as ids, first seen first. */
export class Names {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The name's id, given a new one when it is first seen. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(name, id);
      this.list.push(name);
    }
    return id;
  }

  /** The name's id, or undefined when it was never seen. */
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

/** The ids of the listed names that exist, as a lookup table; null when the list is empty. */
export function selection(names: Names, wanted: readonly string[]): Uint8Array | null {
  if (wanted.length === 0) return null;
  const selected = new Uint8Array(names.list.length);
  for (const name of wanted) {
    const id = names.find(name);
    if (id !== undefined) selected[id] = 1;
  }
  return selected;
}
