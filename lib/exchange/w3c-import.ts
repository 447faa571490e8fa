import * as v from 'valibot';
import { clampPosition, settleAnnotation } from './settle';
import type { AnnotationRecord, ClaimStatus } from '../model';
import { CLAIM_STATUSES, RECORD_LIMITS } from '../model';
import { PAGE_DATE } from '../model/limits';
import { keepNewest, type Located } from './dedupe';
import { describeIssue, issuePath, type SkippedItem } from './issues';
import { isRecord, parsedImport, type ParseResult } from './parsed';
import { ExportAnnotationSchema } from './schema';
import { stableUuid } from './stable-id';
import { ANNO_CONTEXT } from './w3c-export';

const UUID_URN = /^urn:uuid:([\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12})$/i;
// Claimmark keeps this much context; other tools may keep more, which is cut, not refused.
const MAX_CONTEXT = RECORD_LIMITS.context;

// Where each Claimmark field came from in a W3C annotation, to name the place of a problem.
const W3C_PLACE: Record<string, string> = {
  id: 'id',
  articleUrl: 'target.source',
  selectors: 'target.selector',
  quote: 'target.selector',
  note: 'body',
  status: 'body',
  evidence: 'body',
  tags: 'body',
  createdAt: 'created',
  modifiedAt: 'modified',
  articleModified: 'target.state',
};

/** The values of a JSON-LD property that may be one value or a list. */
function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Does this JSON-LD node have this type (types may be a string or a list)? */
function hasType(node: unknown, type: string): boolean {
  return isRecord(node) && many(node.type).includes(type);
}

/** An IRI given as a string or as a node with an id. */
function iri(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** Does this document look like W3C Web Annotation JSON-LD? */
export function isW3cDocument(doc: Record<string, unknown>): boolean {
  const context = many(doc['@context']);
  return (
    context.includes(ANNO_CONTEXT) ||
    context.includes('https://www.w3.org/ns/anno.jsonld') ||
    ['AnnotationCollection', 'AnnotationPage', 'Annotation'].some((t) => hasType(doc, t))
  );
}

/** An ISO time rewritten as Claimmark stores times, or undefined when it does not parse. */
function normaliseTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function pageDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (PAGE_DATE.test(value)) return value;
  return normaliseTime(value) ?? null;
}

interface Bodies {
  notes: string[];
  tags: string[];
  evidence: string[];
  assessed: boolean;
  status: ClaimStatus | null;
}

function readBodies(item: Record<string, unknown>): Bodies {
  const out: Bodies = { notes: [], tags: [], evidence: [], assessed: false, status: null };
  if (typeof item.bodyValue === 'string') out.notes.push(item.bodyValue);
  for (const body of many(item.body)) {
    if (typeof body === 'string') {
      // A body that is only an IRI is an external resource: the nearest thing is evidence.
      out.evidence.push(body);
      continue;
    }
    if (!isRecord(body)) continue;
    const purposes = many(body.purpose);
    const value = typeof body.value === 'string' ? body.value : null;
    if (purposes.includes('linking') || (value === null && hasType(body, 'SpecificResource'))) {
      const link = iri(body.source) ?? iri(body.id);
      if (link !== undefined) out.evidence.push(link);
    } else if (value === null) {
      continue;
    } else if (purposes.includes('tagging')) {
      const tag = value.trim();
      if (tag !== '') out.tags.push(tag);
    } else if (purposes.includes('assessing')) {
      out.assessed = true;
      const status = value.trim().toLowerCase();
      const known = CLAIM_STATUSES.find((s) => s === status);
      if (known) out.status = known;
    } else {
      // commenting, replying, describing or no purpose: the reader's words.
      out.notes.push(value);
    }
  }
  return out;
}

/** The name of an annotation's creator (W3C `creator`: an agent with a name, or several). */
function creatorName(value: unknown): string | undefined {
  for (const agent of many(value)) {
    const name = isRecord(agent) ? (agent.name ?? agent.nickname) : undefined;
    const first = many(name).find((n): n is string => typeof n === 'string' && n.trim() !== '');
    if (first !== undefined) return first.trim().slice(0, RECORD_LIMITS.author);
  }
  return undefined;
}

type Converted = { record: Record<string, unknown> } | { skip: SkippedItem };

/** A W3C annotation as a Claimmark annotation candidate, filling what the file lacks. */
function fromW3c(item: unknown, where: string, now: string): Converted {
  if (!isRecord(item)) return { skip: { where, reason: 'expected an annotation object' } };
  const target = many(item.target)[0];
  if (target === undefined) return { skip: { where: `${where}.target`, reason: 'missing' } };
  if (!isRecord(target)) {
    return { skip: { where: `${where}.target`, reason: 'missing selector' } };
  }
  const source = iri(target.source);
  if (source === undefined) {
    return { skip: { where: `${where}.target.source`, reason: 'missing' } };
  }
  const selectors = many(target.selector).filter(isRecord);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote) return { skip: { where: `${where}.target`, reason: 'missing selector' } };
  const position = clampPosition(selectors.find((s) => hasType(s, 'TextPositionSelector')));
  const created = item.created === undefined ? undefined : normaliseTime(item.created);
  const modified = item.modified === undefined ? undefined : normaliseTime(item.modified);
  if (item.created !== undefined && created === undefined) {
    return { skip: { where: `${where}.created`, reason: 'expected an ISO 8601 time' } };
  }
  if (item.modified !== undefined && modified === undefined) {
    return { skip: { where: `${where}.modified`, reason: 'expected an ISO 8601 time' } };
  }
  const state = many(target.state).find((s) => hasType(s, 'TimeState'));
  const bodies = readBodies(item);
  const claim = bodies.assessed || many(item.motivation).includes('assessing');
  const exact = quote.exact;
  const id = typeof item.id === 'string' ? item.id : undefined;
  const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-MAX_CONTEXT) : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, MAX_CONTEXT) : '';
  const record: Record<string, unknown> = {
    id:
      id === undefined
        ? stableUuid(JSON.stringify([source, exact, prefix, created ?? modified ?? '']))
        : (UUID_URN.exec(id)?.[1]?.toLowerCase() ?? stableUuid(id)),
    articleUrl: source,
    kind: claim ? 'claim' : 'highlight',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      ...(position ? { position } : {}),
    },
    quote: exact,
    note: bodies.notes.join('\n\n'),
    status: claim ? (bodies.status ?? 'unverified') : null,
    evidence: bodies.evidence,
    tags: bodies.tags,
    color: 'yellow',
    createdAt: created ?? modified ?? now,
    modifiedAt: modified ?? created ?? now,
    articleModified: isRecord(state) ? pageDate(state.sourceDate) : null,
    anchoring: null,
  };
  const author = creatorName(item.creator);
  if (author !== undefined) record.author = author;
  return { record };
}

/** Finds the annotations of a W3C document and the path they are at. */
function findItems(doc: Record<string, unknown>): { items: unknown[]; base: string } | string {
  if (hasType(doc, 'Annotation')) return { items: [doc], base: 'annotation' };
  if (Array.isArray(doc.items)) return { items: doc.items, base: 'items' };
  const first = doc.first;
  if (isRecord(first) && Array.isArray(first.items)) {
    return { items: first.items, base: 'first.items' };
  }
  if (typeof first === 'string') {
    return 'This annotation collection keeps its annotations in other files (its "first" page is a link); Claimmark can only import annotations embedded in the file.';
  }
  if (doc.first === undefined && doc.items === undefined && doc.total === 0) {
    return { items: [], base: 'items' };
  }
  return 'This W3C annotation file has no list of annotations ("items" or "first.items").';
}

/** Reads W3C Web Annotation JSON-LD: a collection, a page, or a single annotation. */
export function readW3cDocument(doc: Record<string, unknown>, now: Date): ParseResult {
  const found = findItems(doc);
  if (typeof found === 'string') return { ok: false, error: found };
  const time = now.toISOString();
  const skipped: SkippedItem[] = [];
  const valid: Located<AnnotationRecord>[] = [];
  found.items.forEach((item, i) => {
    const where = found.base === 'annotation' ? 'annotation' : `${found.base}[${String(i)}]`;
    const converted = fromW3c(item, where, time);
    if ('skip' in converted) {
      skipped.push(converted.skip);
      return;
    }
    const result = v.safeParse(ExportAnnotationSchema, converted.record, { abortEarly: true });
    if (result.success) {
      const settled = settleAnnotation(result.output, now);
      if ('reason' in settled) skipped.push({ where, reason: settled.reason });
      else valid.push({ record: settled.record, where });
      return;
    }
    // The problem is found in the Claimmark record; name both the W3C place and the field.
    const issue = result.issues[0];
    const key: unknown = issue.path?.[0]?.key;
    const field = typeof key === 'string' ? key : '';
    skipped.push({
      where: `${where}.${W3C_PLACE[field] ?? field}`,
      reason: `${issuePath('', issue).slice(1)}: ${describeIssue(issue)}`,
    });
  });
  const n = keepNewest(
    valid,
    (r) => r.id,
    (r) => r.modifiedAt,
    'id',
  );
  return parsedImport('w3c', [], n.kept, [...skipped, ...n.skipped]);
}
