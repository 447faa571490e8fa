import { collapseWhitespace } from '../anchoring/fold';
import type { AnnotationRecord, ArticleRecord } from '../model';

// CSL-JSON, the citation data Zotero, Citavi and every citeproc read: one item per article, the
// reader's notes on it in `note`. Field by field in docs/export-format.md, "CSL-JSON".

/** A CSL name: split into family and given names, or one literal name. */
export type CslName = { family: string; given: string; suffix?: string } | { literal: string };

/** A CSL date. */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/** One CSL-JSON item. */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  URL: string;
  accessed: CslDate;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  language?: string;
  note?: string;
}

// Words that make a byline an organisation or a desk, not a person's name.
const NOT_A_PERSON =
  /\b(staff|desk|agency|agencies|news|press|reuters|afp|associated|editors?|editorial|team|correspondents?|bureau|service|wire|media|online)\b/i;
// Generational suffixes after a name.
const SUFFIXES = /^(Jr\.?|Sr\.?|II|III|IV)$/;
// Particles that begin a family name ("Ludwig van Beethoven", "Charles de Gaulle").
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ter',
  'bin',
  'al',
]);

/** True when a byline names an organisation, a desk or an agency rather than a person. */
export function isOrganizationByline(byline: string): boolean {
  return NOT_A_PERSON.test(byline);
}

/**
 * A byline name as CSL takes it: "Anna Kovács" → family "Kovács", given "Anna" (a particle
 * goes with the family name: "van der Berg"); a single word, an organisation or a desk stays one
 * literal name rather than being split wrongly.
 */
export function cslName(byline: string): CslName {
  const name = collapseWhitespace(byline);
  const words = name.split(' ');
  // "Jr.", "III": CSL's suffix, not the family name.
  const suffix = words.length > 2 && SUFFIXES.test(words.at(-1) ?? '') ? words.pop() : undefined;
  const capitalised = words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()));
  const startsWithParticle = PARTICLES.has((words[0] ?? '').toLowerCase());
  if (
    words.length < 2 ||
    words.length > 5 ||
    startsWithParticle ||
    NOT_A_PERSON.test(name) ||
    !capitalised
  ) {
    return { literal: name };
  }
  let at = words.length - 1;
  while (at > 1 && PARTICLES.has((words[at - 1] ?? '').toLowerCase())) at--;
  return {
    family: words.slice(at).join(' '),
    given: words.slice(0, at).join(' '),
    ...(suffix ? { suffix } : {}),
  };
}

/** A page date or an ISO time as CSL date parts; null when it does not start with a year. */
export function cslDate(value: string | null | undefined): CslDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  const parts: [number, number?, number?] = [Number(y)];
  // A month or day a page got wrong is left out rather than written out of range.
  const month = Number(m);
  if (m === undefined || month < 1 || month > 12) return { 'date-parts': [parts] };
  parts.push(month);
  const day = Number(d);
  if (d !== undefined && day >= 1 && day <= new Date(Date.UTC(parts[0], month, 0)).getUTCDate()) {
    parts.push(day);
  }
  return { 'date-parts': [parts] };
}

/** The reader's notes on an article as plain text, one paragraph per highlight or claim. */
function notesText(notes: readonly AnnotationRecord[]): string {
  return notes
    .map((a) => {
      const kind = a.kind === 'claim' ? `Claim (${a.status ?? 'unverified'})` : 'Highlight';
      const head = a.author ? `${kind} by ${a.author}` : kind;
      const lines = [`${head}: “${collapseWhitespace(a.quote)}”`];
      if (a.note.trim() !== '') lines.push(a.note.trim());
      if (a.tags.length > 0) lines.push(`Tags: ${a.tags.join(', ')}`);
      if (a.evidence.length > 0) lines.push(`Evidence: ${a.evidence.join(' ')}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * One CSL-JSON item per article (pure): `article-newspaper` for a page Claimmark found to be a
 * news article, else `webpage`; the article's notes, in the order made, go into `note`.
 */
export function buildCsl(
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
): CslItem[] {
  const notesOf = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    const list = notesOf.get(a.articleUrl) ?? [];
    list.push(a);
    notesOf.set(a.articleUrl, list);
  }
  return articles.map((article) => {
    const meta = article.facts?.metadata ?? null;
    const notes = [...(notesOf.get(article.url) ?? [])].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    const item: CslItem = {
      id: article.url,
      type: article.facts?.isArticle ? 'article-newspaper' : 'webpage',
      title: collapseWhitespace(meta?.headline ?? article.title) || article.url,
      URL: article.canonicalUrl ?? article.url,
      accessed: cslDate(article.savedAt) ?? { 'date-parts': [[1970]] },
    };
    if (meta && meta.byline.length > 0) item.author = meta.byline.map(cslName);
    if (meta?.siteName) item['container-title'] = meta.siteName;
    const issued = cslDate(meta?.published);
    if (issued) item.issued = issued;
    const language = meta?.language ?? article.facts?.analysis?.language;
    if (language && language !== 'und') item.language = language;
    if (notes.length > 0) item.note = notesText(notes);
    return item;
  });
}
