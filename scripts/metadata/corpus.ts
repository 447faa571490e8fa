/** Loading the labelled development corpora (../shared/corpora) the way corpora/README.md prescribes. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../shared-dir';
import { JSDOM, VirtualConsole } from 'jsdom';

/** One line of a corpus's cases.jsonl. */
export interface CorpusCase {
  id: string;
  url: string;
  title: string | null;
  published: string | null;
  modified: string | null;
  byline: string | null;
  isArticle: boolean | null;
  annotated: string[];
}

export { sharedDir };

/** Reads a corpus folder's cases.jsonl. */
export function readCases(folder: string): CorpusCase[] {
  const file = path.join(sharedDir(), 'corpora', folder, 'cases.jsonl');
  if (!existsSync(file)) throw new Error(`Missing ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  // Latin-1 view of the head is enough: charset declarations are ASCII.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Decodes a page's raw bytes: UTF-8 when valid, else BOM / meta charset, else windows-1252. */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: fall through to the declared or default legacy encoding
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = sniffMetaCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: use the web's default
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** Reads and decodes one page of a corpus. */
export function readPage(folder: string, id: string): string {
  return decodePage(readFileSync(path.join(sharedDir(), 'corpora', folder, `${id}.html`)));
}

/** Parses HTML into a jsdom Document at the given URL (scripts off, console silenced). */
export function parseDocument(html: string, url: string): { doc: Document; close: () => void } {
  let safeUrl = 'https://example.invalid/';
  try {
    safeUrl = new URL(url).toString();
  } catch {
    // keep the placeholder: some labelled URLs are not absolute
  }
  // A console per page: a shared one would keep every closed window reachable.
  const dom = new JSDOM(html, { url: safeUrl, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, close: () => dom.window.close() };
}
