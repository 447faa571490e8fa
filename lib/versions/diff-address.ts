/** Which story and which two of its versions the diff view compares. */
export interface DiffAddress {
  articleUrl: string;
  /** The older version (a note's), and the newer; null: the first and the newest stored. */
  from: number | null;
  to: number | null;
}

/** The query (without "?") the diff page is opened with. */
export function encodeDiffAddress({ articleUrl, from, to }: DiffAddress): string {
  const params = new URLSearchParams({ article: articleUrl });
  if (from !== null) params.set('from', String(from));
  if (to !== null) params.set('to', String(to));
  return params.toString();
}

function versionOf(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : null;
}

/** Reads the diff page's address; null when it names no story. */
export function decodeDiffAddress(search: string): DiffAddress | null {
  const params = new URLSearchParams(search);
  const articleUrl = params.get('article');
  if (!articleUrl) return null;
  return { articleUrl, from: versionOf(params.get('from')), to: versionOf(params.get('to')) };
}
