import { strToU8, zipSync } from 'fflate';
import { collapseWhitespace } from '../anchoring/fold';
import type { AnnotationRecord, ArticleRecord } from '../model';
import { parseHttpUrl } from '../page/normalize-url';
import { annotationSection, escapeMarkdown, link, readingOrder } from './markdown';

// A folder of Markdown notes for Obsidian (or any Markdown vault): a file per article, its
// facts as YAML front matter, its highlights and claims below, each with a link back to the
// passage. Zipped with fflate (small, no dependencies).

/** Longest file name, in characters, before ".md": well within every file system's limit. */
const NAME_LIMIT = 80;
// Reserved on Windows whatever follows the first dot ("CON.md", "NUL.tar.gz" cannot be created).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Not allowed in a name on Windows ("/" nowhere), not linkable in Obsidian (# ^ [ ] |), control
// and invisible formatting characters (direction overrides, zero-width).
const FORBIDDEN = /[<>:"/\\|?*#^[\]\p{Cc}\p{Cf}]/gu;

/** Names given so far, compared as the file systems do, and the next number for each. */
export type TakenNames = Map<string, number>;

/** Cuts text to at most `limit` code units on whole characters (never half an emoji). */
function cutGraphemes(text: string, limit: number): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    text,
  )) {
    if (out.length + segment.length > limit) break;
    out += segment;
  }
  return out;
}

/**
 * A file name from a headline, safe on Windows, macOS and Linux and unique in `taken` (compared
 * without case and in one Unicode form, as those systems often do): forbidden characters become
 * spaces, a reserved name gets a suffix, a long one is cut on a word, and a repeat gets " (2)",
 * " (3)" …
 */
export function vaultFileName(headline: string, taken: TakenNames): string {
  let base = collapseWhitespace(headline.normalize('NFC').replace(FORBIDDEN, ' '))
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  if (base.length > NAME_LIMIT) {
    const cut = cutGraphemes(base, NAME_LIMIT);
    const space = cut.lastIndexOf(' ');
    base = (space > NAME_LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[.\s]+$/, '');
  }
  if (base === '') base = 'Untitled';
  if (RESERVED.test(base.split('.')[0] ?? '')) base = `${base} (article)`;
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  let name = `${base}.md`;
  let n = taken.get(key(base)) ?? 1;
  while (taken.has(key(name))) name = `${base} (${String(++n)}).md`;
  // The next repeat of this headline starts counting where this one stopped.
  taken.set(key(base), n);
  taken.set(key(name), 1);
  return name;
}

/** A YAML scalar: every string as a JSON string, which YAML reads as the same string. */
function yamlValue(value: string | null | readonly string[]): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

// Characters a text fragment directive gives a meaning to, beyond what encodeURIComponent encodes.
const encodeFragment = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/** The words of a text (Intl.Segmenter, so Chinese and Japanese split too), in order. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const part of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (part.isWordLike) {
      current += part.segment;
      continue;
    }
    // Punctuation stays with its word; white space ends it.
    if (/\s/.test(part.segment)) {
      if (current) words.push(current);
      current = '';
    } else current += part.segment;
  }
  if (current) words.push(current);
  return words;
}

/** Most characters of a fragment's start or end term: a long unspaced quote is cut. */
const TERM_CHARS = 60;

/**
 * A link that opens the article scrolled to the passage and marks it (a text fragment,
 * `#:~:text=`): the whole passage when short, else its first and last words as start and end,
 * each taken within one line (a term cannot span paragraphs). Null for an address that is not
 * http(s).
 */
export function passageLink(url: string, quote: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  parsed.hash = '';
  const lines = quote.split(/\n+/).map(collapseWhitespace).filter(Boolean);
  const first = lines[0];
  const last = lines.at(-1);
  if (first === undefined || last === undefined) return null;
  const short = lines.length === 1 && first.length <= TERM_CHARS && wordsOf(first).length <= 8;
  if (short) return `${parsed.href}#:~:text=${encodeFragment(first)}`;
  const start = wordsOf(first).slice(0, 4);
  const end = wordsOf(last).slice(-4);
  const term = (words: string[], fromEnd: boolean) => {
    // Unspaced scripts give few, long "words": cut on characters instead.
    const joined = words.join(' ');
    if (joined.length <= TERM_CHARS) return joined;
    return fromEnd ? joined.slice(-TERM_CHARS) : joined.slice(0, TERM_CHARS);
  };
  return `${parsed.href}#:~:text=${encodeFragment(term(start, false))},${encodeFragment(term(end, true))}`;
}

function frontMatter(url: string, article: ArticleRecord | undefined, notes: AnnotationRecord[]) {
  const meta = article?.facts?.metadata ?? null;
  // Obsidian's tags have no spaces.
  const tags = [
    ...new Set(notes.flatMap((n) => n.tags.map((t) => t.trim().replace(/\s+/g, '-')))),
  ].sort();
  const entities = (article?.facts?.analysis?.entities ?? []).map((e) => e.name);
  const fields: [string, string | null | readonly string[]][] = [
    ['title', meta?.headline ?? (article?.title || url)],
    ['url', article?.canonicalUrl ?? url],
    ['site', meta?.siteName ?? null],
    ['authors', meta?.byline ?? []],
    ['published', meta?.published ?? null],
    ['tags', tags],
    ['entities', entities],
  ];
  return ['---', ...fields.map(([k, v]) => `${k}: ${yamlValue(v)}`), '---'].join('\n');
}

function articleNote(url: string, article: ArticleRecord | undefined, notes: AnnotationRecord[]) {
  const meta = article?.facts?.metadata ?? null;
  const title = meta?.headline ?? (article?.title || url);
  const parts = [
    frontMatter(url, article, notes),
    `# ${escapeMarkdown(title) || escapeMarkdown(url)}`,
    link(url),
  ];
  for (const a of readingOrder(notes)) {
    const back = passageLink(url, a.quote);
    parts.push('---', annotationSection(a, back ? [`[Open the passage](<${back}>)`] : []));
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The vault's files (pure): one Markdown file per article, named from its headline, with YAML
 * front matter (title, url, site, authors, published, tags, entities) and each highlight and
 * claim as a block quote with its status, note, tags and a link back to the passage.
 */
export function vaultFiles(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
): Map<string, string> {
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const list = byArticle.get(a.articleUrl) ?? [];
    list.push(a);
    byArticle.set(a.articleUrl, list);
  }
  const files = new Map<string, string>();
  const taken: TakenNames = new Map();
  const add = (url: string, article: ArticleRecord | undefined) => {
    const title = article?.facts?.metadata?.headline ?? (article?.title || url);
    files.set(vaultFileName(title, taken), articleNote(url, article, byArticle.get(url) ?? []));
  };
  const given = new Set<string>();
  for (const article of articles) {
    given.add(article.url);
    add(article.url, article);
  }
  for (const url of byArticle.keys()) if (!given.has(url)) add(url, undefined);
  return files;
}

/** The vault as a zip file's bytes, its notes in one folder ("Claimmark/…"). */
export function exportVault(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  now: Date = new Date(),
): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, text] of vaultFiles(articles, annotations)) {
    entries[`Claimmark/${name}`] = [strToU8(text), { mtime: now }];
  }
  return zipSync(entries, { level: 6 });
}
