import type { AnnotationRecord, ArticleRecord } from '../model';
import { parseHttpUrl } from '../page/normalize-url';

// The characters that open Markdown syntax anywhere in a line: links and images ([ ] !),
// HTML and autolinks (< >), entities (&), emphasis and code (* _ ` ~), tables (|), headings (#).
// CommonMark renders a backslash-escaped punctuation character as itself; commas and full
// stops are left alone so the file stays readable.
const INLINE = /[\\`*_[\]<>#!|~&]/g;
// At the start of a line, these make a list item or a block quote.
const LINE_START = /^([+\->]|\d+(?=[.)]))/;

/** Text as literal Markdown inline content: syntax characters escaped, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Text as literal Markdown lines: each line escaped on its own, line breaks kept. */
function escapeLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeMarkdown);
}

/**
 * A link to an http(s) URL as an autolink, or the escaped text for anything else: the URL
 * serialiser percent-encodes spaces and angle brackets, so `<…>` cannot be closed early.
 */
export function link(url: string): string {
  const parsed = parseHttpUrl(url);
  return parsed ? `<${parsed.href}>` : escapeMarkdown(url);
}

function blockquote(text: string): string {
  return escapeLines(text)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function paragraphs(text: string): string {
  return escapeLines(text)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The day of an ISO date as plain digits (safe as it is), or the whole value escaped. */
function dayOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? escapeMarkdown(iso);
}

/** An article's annotations in reading order: by place on the page, orphans last. */
export function readingOrder(list: AnnotationRecord[]): AnnotationRecord[] {
  const place = (a: AnnotationRecord) =>
    a.anchoring?.status === 'orphan' ? Number.MAX_SAFE_INTEGER : (a.selectors.position?.start ?? 0);
  return [...list].sort((a, b) => place(a) - place(b) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * One annotation as Markdown: its quote as a block quote, then its kind or status, author and
 * tags, note and evidence; `more` (already Markdown) goes last.
 */
export function annotationSection(a: AnnotationRecord, more: string[] = []): string {
  const parts = [blockquote(a.quote)];
  const label =
    a.kind === 'claim' ? `**Claim: ${escapeMarkdown(a.status ?? 'unverified')}**` : '**Highlight**';
  const by = a.author ? ` · by ${escapeMarkdown(a.author)}` : '';
  const tags = a.tags.length > 0 ? ` · Tags: ${a.tags.map(escapeMarkdown).join(', ')}` : '';
  parts.push(`${label}${by}${tags}`);
  if (a.note.trim() !== '') parts.push(paragraphs(a.note));
  if (a.evidence.length > 0) {
    parts.push(['Evidence:', '', ...a.evidence.map((e) => `- ${link(e)}`)].join('\n'));
  }
  return [...parts, ...more].join('\n\n');
}

function articleSection(
  url: string,
  article: ArticleRecord | undefined,
  annotations: AnnotationRecord[],
): string {
  const metadata = article?.facts?.metadata ?? null;
  const headline = metadata?.headline ?? (article?.title || url);
  const parts = [`## ${escapeMarkdown(headline) || escapeMarkdown(url)}`, link(url)];
  const facts: string[] = [];
  if (metadata && metadata.byline.length > 0) {
    facts.push(`By ${metadata.byline.map(escapeMarkdown).join(', ')}`);
  }
  if (metadata?.published) facts.push(`Published ${dayOf(metadata.published)}`);
  if (facts.length > 0) parts.push(facts.join(' · '));
  for (const a of readingOrder(annotations)) parts.push('---', annotationSection(a));
  return parts.join('\n\n');
}

/**
 * The Markdown export: per article its headline, link, byline and published day, then each
 * quote as a blockquote with its status, tags, note and evidence. Articles keep the given
 * order; annotations whose article is not given come after, under their article's URL.
 */
export function exportMarkdown(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
  now: Date = new Date(),
): string {
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const list = byArticle.get(a.articleUrl);
    if (list) list.push(a);
    else byArticle.set(a.articleUrl, [a]);
  }
  const sections: string[] = [];
  const given = new Set<string>();
  for (const article of articles) {
    given.add(article.url);
    sections.push(articleSection(article.url, article, byArticle.get(article.url) ?? []));
  }
  for (const [url, list] of byArticle) {
    if (!given.has(url)) sections.push(articleSection(url, undefined, list));
  }
  const count = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;
  const header = [
    '# Claimmark export',
    `Exported ${dayOf(now.toISOString())} · ${count(sections.length, 'article')} · ${count(annotations.length, 'annotation')}`,
  ].join('\n\n');
  return `${[header, ...sections].join('\n\n')}\n`;
}
