/** A JSON object found in a page's structured data. */
export type LdNode = Record<string, unknown>;

/** The page's JSON-LD: typed nodes that describe the page, nodes listed on it, and an @id index. */
export interface LdData {
  /** Top-level, @graph and mainEntity nodes: what the page says it is. */
  nodes: LdNode[];
  /** Nodes inside lists (ItemList elements): other stories the page links to. */
  listed: LdNode[];
  byId: Map<string, LdNode>;
}

/** Pages with more structured data than this are not read further, to bound the work. */
const MAX_SCRIPTS = 40;
const MAX_SCRIPT_CHARS = 500_000;
const MAX_NODES = 2_000;

function isObject(value: unknown): value is LdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a script's JSON, repairing the faults publishers commonly ship; undefined when hopeless. */
export function parseLenient(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .replace(/^<!\[CDATA\[|\]\]>$/g, '')
    .trim();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // fall through to repairs
  }
  // Raw line breaks and tabs inside strings, and trailing commas, are the usual faults.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what breaks the JSON
  const repaired = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
  try {
    return JSON.parse(repaired) as unknown;
  } catch {
    // Several objects written one after another: wrap them in an array.
    try {
      return JSON.parse(`[${repaired.replace(/}\s*{/g, '},{')}]`) as unknown;
    } catch {
      return undefined;
    }
  }
}

/** Reads every application/ld+json block of the document; broken blocks are skipped. */
export function readJsonLd(doc: Document): LdData {
  const nodes: LdNode[] = [];
  const listed: LdNode[] = [];
  const byId = new Map<string, LdNode>();
  const scripts = doc.querySelectorAll('script[type*="ld+json" i]');
  const visit = (value: unknown, depth: number, inList: boolean): void => {
    if (nodes.length + listed.length >= MAX_NODES || depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth, inList);
      return;
    }
    if (!isObject(value)) return;
    if ('@type' in value) (inList ? listed : nodes).push(value);
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id))
      byId.set(id, value);
    const graph = value['@graph'];
    if (graph !== undefined) visit(graph, depth, inList);
    // The article is sometimes the WebPage's mainEntity; list items are other stories.
    if (value.mainEntity !== undefined) visit(value.mainEntity, depth + 1, inList);
    if (value.itemListElement !== undefined) visit(value.itemListElement, depth + 1, true);
    if (inList && value.item !== undefined) visit(value.item, depth + 1, true);
  };
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const raw = scripts[i]?.textContent ?? '';
    if (raw.length > MAX_SCRIPT_CHARS) continue;
    const parsed = parseLenient(raw);
    if (parsed !== undefined) visit(parsed, 0, false);
  }
  return { nodes, listed, byId };
}

/** The @type values of a node, as plain names without schema.org prefixes. */
export function typesOf(node: LdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/:#]/, ''));
}

/** Schema.org types that are articles in the sense of a written story. */
export const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'AdvertiserContentArticle',
  'Review',
]);

/** True when a node declares one of the article types. */
export function isArticleNode(node: LdNode): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t) && t !== 'Review');
}

/** Follows an {"@id": …} reference to the full node when the page defines it. */
export function resolve(value: unknown, data: LdData): unknown {
  if (isObject(value)) {
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length === 1)
      return data.byId.get(id) ?? value;
  }
  return value;
}

/** The page's main article node: the first article-typed node carrying a headline or date, else the first one. */
export function mainArticleNode(data: LdData): LdNode | null {
  const articles = data.nodes.filter(isArticleNode);
  return articles.find((n) => 'headline' in n || 'datePublished' in n) ?? articles[0] ?? null;
}

/** A string property, or the first string of an array property; null otherwise. */
export function stringProp(node: LdNode | null | undefined, key: string): string | null {
  if (!node) return null;
  let value = node[key];
  if (Array.isArray(value)) value = value[0];
  if (isObject(value)) value = value['@value'] ?? value.name;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export { isObject };
