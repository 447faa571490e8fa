/**
 * Names under which Claimmark paints in a page. A page's scripts can list `CSS.highlights` and
 * read every style sheet, so a name must tell them nothing: no product word, no kind, no status.
 * Each page gets a random prefix, and each look (a status, a colour) the next number.
 */
export interface PaintNames {
  /** The page's name for a look, the same every time it is asked for in this page. */
  nameFor(look: string): string;
}

function randomPrefix(): string {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint32Array(2));
  // A CSS identifier may not start with a digit.
  return `h${a.toString(36)}${b.toString(36)}`;
}

/** A fresh set of names for one page. */
export function createPaintNames(prefix: string = randomPrefix()): PaintNames {
  const names = new Map<string, string>();
  return {
    nameFor(look) {
      let name = names.get(look);
      if (name === undefined) {
        name = `${prefix}${names.size.toString(36)}`;
        names.set(look, name);
      }
      return name;
    },
  };
}
